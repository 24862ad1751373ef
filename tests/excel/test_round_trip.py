"""A template built, filled the way users fill it, and read back gives the same values and narratives."""
import unicodedata
from decimal import Decimal

import pytest

from chidao.reporting.excel import build_template, read_upload
from chidao.reporting.excel.names import narrative_name, value_name

from .sample import FILLED_NARRATIVES, fill, filled_values, insert_rows, sample_spec

SPEC = sample_spec()


def _by_name(values, narratives):
    named = {value_name(*key): value for key, value in values.items() if value is not None}
    named.update({narrative_name(code): text for code, text in narratives.items() if text})
    return named


def _expected(values):
    return {key: None if value is None else Decimal(value) for key, value in values.items()}


def test_a_template_filled_with_numbers_reads_back_the_same_values_and_narratives():
    values = filled_values(SPEC)
    values["HT_KINH_PHI", "total"] = None
    data = fill(build_template(SPEC), {**_by_name(values, FILLED_NARRATIVES), "v_ht_kinh_phi__total": 12.75})
    result = read_upload(data, SPEC)
    assert result.errors == []
    assert result.ok
    assert result.values == {**_expected(values), ("HT_KINH_PHI", "total"): Decimal("12.75")}
    assert result.narratives == FILLED_NARRATIVES


def test_a_prefilled_template_uploaded_unchanged_reads_back_its_prefilled_content():
    values = {**filled_values(SPEC), ("HT_KINH_PHI", "total"): Decimal("1234.5")}
    result = read_upload(build_template(SPEC, values, FILLED_NARRATIVES), SPEC)
    assert result.ok, result.errors
    assert result.values == _expected(values)
    assert result.narratives == FILLED_NARRATIVES


def test_an_empty_template_reads_as_every_cell_left_empty():
    result = read_upload(build_template(SPEC), SPEC)
    assert result.ok
    assert result.values == dict.fromkeys(SPEC.value_keys())
    assert result.narratives == dict.fromkeys((n.code for n in SPEC.narratives), "")


@pytest.mark.parametrize(("typed", "expected"), [
    pytest.param("12", Decimal(12), id="digits"),
    pytest.param(" 12 ", Decimal(12), id="padded"),
    pytest.param("1.234", Decimal(1234), id="dot-thousands"),
    pytest.param("1.234.567", Decimal(1234567), id="dot-millions"),
    pytest.param("1 234", Decimal(1234), id="space-thousands"),
    pytest.param("1\u00a0234", Decimal(1234), id="nbsp-thousands"),
    pytest.param("0", Decimal(0), id="zero"),
    pytest.param("   ", None, id="spaces-only-is-empty"),
    pytest.param("", None, id="empty-string"),
])
def test_numbers_typed_as_text_are_read_the_vietnamese_way(typed, expected):
    data = fill(build_template(SPEC), {"v_cs_kd__karaoke": typed})
    result = read_upload(data, SPEC)
    assert result.errors == []
    assert result.values["CS_KD", "karaoke"] == expected


def test_a_decimal_comma_is_read_as_the_decimal_point_where_fractions_are_allowed():
    data = fill(build_template(SPEC), {"v_ht_kinh_phi__total": "1.234,5"})
    assert read_upload(data, SPEC).values["HT_KINH_PHI", "total"] == Decimal("1234.5")


def test_a_whole_template_filled_libreoffice_style_with_digit_strings_reads_back_as_numbers():
    values = filled_values(SPEC)
    as_text = {key: None if v is None else f"{v:,}".replace(",", ".") for key, v in values.items()}
    result = read_upload(fill(build_template(SPEC), _by_name(as_text, {})), SPEC)
    assert result.ok, result.errors
    assert result.values == _expected(values)


def test_narratives_are_returned_in_nfc_with_unix_line_ends_and_trimmed():
    decomposed = unicodedata.normalize("NFD", "Kết quả: tốt")
    assert decomposed != "Kết quả: tốt"
    typed = {"n_ket_qua": f"  {decomposed}\r\ndòng hai \n", "n_ton_tai": " \u00a0 "}
    data = fill(build_template(SPEC), typed)
    result = read_upload(data, SPEC)
    assert result.narratives["ket_qua"] == "Kết quả: tốt\ndòng hai"
    assert result.narratives["ton_tai"] == ""


def test_control_characters_pasted_from_word_become_line_ends_or_go():
    data = build_template(SPEC, narratives={"ket_qua": "Dòng một\x0bdòng hai\x07\tcột"})
    assert read_upload(data, SPEC).narratives["ket_qua"] == "Dòng một\ndòng hai\tcột"


def test_values_follow_their_names_when_the_user_inserts_rows_above():
    values = filled_values(SPEC)
    data = fill(build_template(SPEC), _by_name(values, FILLED_NARRATIVES))
    sheet, cell = SPEC.cell_of("CS_KD", "total")
    moved = insert_rows(insert_rows(data, sheet, 2, amount=3), "Thuyết minh", 1)
    result = read_upload(moved, SPEC)
    assert result.ok, result.errors
    assert result.values == _expected(values)
    assert result.narratives == FILLED_NARRATIVES


def test_errors_name_the_cell_where_it_is_after_rows_were_inserted():
    data = insert_rows(build_template(SPEC), "Số liệu", 2, amount=3)
    result = read_upload(fill(data, {"v_kt_luot__total": "nhiều"}), SPEC)
    _, cell = SPEC.cell_of("KT_LUOT", "total")
    moved = f"{cell[0]}{int(cell[1:]) + 3}"
    assert [(e.sheet, e.cell, e.code) for e in result.errors] == [("Số liệu", moved, "not_a_number")]
