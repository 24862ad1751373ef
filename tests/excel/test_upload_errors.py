"""Each problem in an upload gives exactly the expected error, naming its sheet and cell."""
import datetime as dt
import unicodedata
import zipfile
from decimal import Decimal
from io import BytesIO

import pytest

from chidao.reporting.excel import CellError, build_template, read_upload

from .sample import drop_names, edit_meta, fill, fill_cells, point_name, sample_spec

SPEC = sample_spec()
TEMPLATE = build_template(SPEC)
SHEET, KARAOKE = SPEC.cell_of("CS_KD", "karaoke")
_, MONEY = SPEC.cell_of("HT_KINH_PHI", "total")
_, TASK = SPEC.narrative_cell_of("task_12")


def errors_for(by_name: dict[str, object], data: bytes = TEMPLATE) -> list[tuple[str, str, str]]:
    return [(e.sheet, e.cell, e.code) for e in read_upload(fill(data, by_name), SPEC).errors]


def _zip(members: dict[str, bytes]) -> bytes:
    out = BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in members.items():
            archive.writestr(name, content)
    return out.getvalue()


def _needs_newer_zip(data: bytes) -> bytes:
    """`data` with its first central-directory entry asking for ZIP version 6.4 to extract (zipfile reads up to 6.3
    and raises NotImplementedError)."""
    entry = data.index(b"PK\x01\x02")
    return data[:entry + 6] + (64).to_bytes(2, "little") + data[entry + 8:]


def test_text_in_a_number_cell_says_what_was_found_and_what_is_expected():
    result = read_upload(fill(TEMPLATE, {"v_cs_kd__karaoke": "mười hai"}), SPEC)
    assert result.errors == [CellError(
        SHEET, KARAOKE, "not_a_number",
        f'Số liệu!{KARAOKE}: "mười hai" không phải là số; cần nhập một số nguyên không âm',
        f'Số liệu!{KARAOKE}: "mười hai" is not a number; expected a whole number ≥ 0')]
    assert not result.ok
    assert ("CS_KD", "karaoke") not in result.values
    assert result.values["CS_KD", "total"] is None


@pytest.mark.parametrize(("typed", "code", "in_vi"), [
    pytest.param(-5, "negative", "-5 là số âm; cần nhập một số nguyên không âm", id="negative-number"),
    pytest.param("-5", "negative", '"-5" là số âm', id="negative-text"),
    pytest.param(12.5, "not_whole", "12,5 không phải là số nguyên; cần nhập một số nguyên không âm",
                 id="fraction"),
    pytest.param("12,5", "not_whole", '"12,5" không phải là số nguyên', id="fraction-text"),
    pytest.param("1,234", "not_whole", '"1,234" được đọc là 1,234 (dấu phẩy là dấu thập phân)',
                 id="english-thousands-read-as-fraction"),
    pytest.param("1.5", "not_a_number", "dấu chấm chỉ dùng để phân cách hàng nghìn", id="dot-decimal"),
    pytest.param("1,234.5", "not_a_number", "dấu chấm chỉ dùng để phân cách hàng nghìn", id="english-format"),
    pytest.param("12 cơ sở", "not_a_number", '"12 cơ sở" không phải là số', id="number-with-unit"),
    pytest.param(True, "not_a_number", "giá trị TRUE không phải là số", id="boolean"),
    pytest.param(dt.datetime(2024, 5, 1), "not_a_number", "ô chứa ngày tháng 01/05/2024", id="date"),
    pytest.param(10**12 + 1, "too_large", "1.000.000.000.001 vượt quá giới hạn 1.000.000.000.000",
                 id="too-large"),
    pytest.param(1e15 + 0.5, "too_large", "vượt quá giới hạn", id="too-large-fraction"),
    pytest.param("#REF!", "formula_error", "ô báo lỗi công thức #REF!", id="ref-error"),
    pytest.param("#VALUE!", "formula_error", "ô báo lỗi công thức #VALUE!", id="value-error"),
])
def test_a_bad_value_gives_one_error_at_its_cell(typed, code, in_vi):
    result = read_upload(fill(TEMPLATE, {"v_cs_kd__karaoke": typed}), SPEC)
    assert [(e.sheet, e.cell, e.code) for e in result.errors] == [(SHEET, KARAOKE, code)]
    assert result.errors[0].vi.startswith(f"Số liệu!{KARAOKE}: ")
    assert in_vi in result.errors[0].vi
    assert result.errors[0].en.startswith(f"Số liệu!{KARAOKE}: ")


@pytest.mark.parametrize("typed", [0, 10**12, "1.000.000.000.000"])
def test_limits_are_inclusive(typed):
    assert errors_for({"v_cs_kd__karaoke": typed}) == []


def test_fractions_are_accepted_where_the_indicator_is_not_whole_but_negatives_are_not():
    result = read_upload(fill(TEMPLATE, {"v_ht_kinh_phi__total": 12.5}), SPEC)
    assert result.values["HT_KINH_PHI", "total"] == Decimal("12.5")
    negative = read_upload(fill(TEMPLATE, {"v_ht_kinh_phi__total": -0.5}), SPEC).errors
    assert [(e.cell, e.code) for e in negative] == [(MONEY, "negative")]
    assert "cần nhập một số không âm" in negative[0].vi


def test_a_narrative_over_its_limit_is_refused_not_cut():
    result = read_upload(fill(TEMPLATE, {"n_task_12": "x" * 4001}), SPEC)
    assert result.errors == [CellError(
        "Thuyết minh", TASK, "too_long",
        f"Thuyết minh!{TASK}: nội dung dài 4.001 ký tự, vượt giới hạn 4.000 ký tự; hãy rút gọn",
        f"Thuyết minh!{TASK}: the text is 4,001 characters long, over the limit of 4,000; shorten it")]
    assert "task_12" not in result.narratives


def test_a_narrative_is_measured_after_nfc():
    text = unicodedata.normalize("NFD", "ế" * 4000)
    assert len(text) > 4000
    result = read_upload(fill(TEMPLATE, {"n_task_12": text}), SPEC)
    assert result.ok
    assert result.narratives["task_12"] == "ế" * 4000


def test_a_formula_error_in_a_narrative_is_reported():
    assert errors_for({"n_task_12": "#N/A"}) == [("Thuyết minh", TASK, "formula_error")]


def test_several_errors_are_all_listed_in_reading_order():
    _, stt = SPEC.cell_of("KT_LUOT", "total")
    _, fine = SPEC.cell_of("PHAT_TIEN", "total")
    found = errors_for({"n_task_12": "x" * 5000, "v_phat_tien__total": -1, "v_kt_luot__total": "ba",
                        "v_cs_kd__karaoke": 2.5, "v_ht_kinh_phi__total": "#DIV/0!"})
    assert found == [(SHEET, KARAOKE, "not_whole"), (SHEET, stt, "not_a_number"), (SHEET, fine, "negative"),
                     (SHEET, MONEY, "formula_error"), ("Thuyết minh", TASK, "too_long")]


@pytest.mark.parametrize(("meta", "code", "vi"), [
    pytest.param({"version": 1}, "wrong_version",
                 "Mẫu đã cũ (phiên bản 1); hãy tải mẫu mới (phiên bản 2)", id="older-version"),
    pytest.param({"version": 3}, "wrong_version",
                 "Mẫu có phiên bản 3, khác phiên bản đang dùng; hãy tải mẫu mới (phiên bản 2)",
                 id="newer-version"),
    pytest.param({"version": "hai"}, "wrong_version",
                 'Không đọc được phiên bản mẫu ("hai"); hãy tải mẫu mới (phiên bản 2)',
                 id="unreadable-version"),
    pytest.param({"form": "PCMD-KH"}, "wrong_form",
                 'Tệp là mẫu "PCMD-KH", không phải mẫu PCMD-DK (Báo cáo kết quả công tác phòng, chống '
                 "mại dâm); hãy tải đúng mẫu", id="other-form"),
    pytest.param({"agency": "cong-an-tinh"}, "wrong_agency",
                 'Tệp là mẫu của đơn vị khác (mã "cong-an-tinh"), không phải của Sở Lao động - Thương '
                 'binh và Xã hội tỉnh Lai Châu (mã "so-ldtbxh"); hãy tải mẫu của đơn vị mình',
                 id="other-agency"),
    pytest.param({"period": "2013-H2"}, "wrong_period",
                 'Tệp là mẫu của kỳ báo cáo khác (mã "2013-H2"), không phải kỳ 6 tháng đầu năm 2013 '
                 '(mã "2013-H1"); hãy tải mẫu của kỳ này', id="other-period"),
])
def test_another_form_version_agency_or_period_gives_that_one_error_and_nothing_else(meta, code, vi):
    data = fill(edit_meta(TEMPLATE, **meta), {"v_cs_kd__karaoke": "mười hai", "v_kt_luot__total": -1})
    result = read_upload(data, SPEC)
    assert [(e.sheet, e.cell, e.code, e.vi) for e in result.errors] == [("", "", code, vi)]
    assert result.values == {}


def test_a_version_typed_as_text_or_as_a_float_still_matches():
    assert read_upload(edit_meta(TEMPLATE, version="2"), SPEC).ok
    assert read_upload(edit_meta(TEMPLATE, version=2.0), SPEC).ok


def test_another_agency_and_period_are_both_named():
    result = read_upload(edit_meta(TEMPLATE, agency="x", period="y"), SPEC)
    assert [e.code for e in result.errors] == ["wrong_agency", "wrong_period"]


def test_a_workbook_without_the_identity_names_is_not_our_template():
    result = read_upload(drop_names(TEMPLATE, "meta_version", "meta_period"), SPEC)
    assert [(e.sheet, e.cell, e.code) for e in result.errors] == [("", "", "not_template")]
    assert "thiếu: meta_version, meta_period" in result.errors[0].vi


def test_a_missing_value_name_is_reported_where_a_fresh_template_has_the_cell():
    result = read_upload(drop_names(TEMPLATE, "v_cs_kd__karaoke"), SPEC)
    assert [(e.sheet, e.cell, e.code) for e in result.errors] == [(SHEET, KARAOKE, "missing_name")]
    assert "v_cs_kd__karaoke" in result.errors[0].vi and "Karaoke" in result.errors[0].vi
    assert ("CS_KD", "karaoke") not in result.values


def test_a_name_left_pointing_at_a_deleted_row_is_reported_with_its_reference():
    result = read_upload(point_name(TEMPLATE, "n_task_12", "'Thuyết minh'!#REF!"), SPEC)
    assert [(e.sheet, e.cell, e.code) for e in result.errors] == [("Thuyết minh", TASK, "missing_name")]
    assert "#REF!" in result.errors[0].vi


def test_a_name_pointing_far_outside_the_template_is_refused_not_walked_to():
    result = read_upload(point_name(TEMPLATE, "v_cs_kd__karaoke", "'Số liệu'!$XFD$1048576"), SPEC)
    assert [e.code for e in result.errors] == ["missing_name"]


def test_many_missing_names_are_listed_up_to_a_limit_then_summarised():
    names = [f"v_{row.code.lower()}__{column.code}" for row in SPEC.rows for column in row.columns]
    result = read_upload(drop_names(TEMPLATE, *names), SPEC)
    assert len(result.errors) == 21
    assert result.errors[-1].vi.startswith(f"… và {len(names) - 20} ô khác")


@pytest.mark.parametrize(("data", "code"), [
    pytest.param(b"", "empty_file", id="empty"),
    pytest.param("Báo cáo 6 tháng".encode(), "not_xlsx", id="text"),
    pytest.param(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500), "old_excel", id="xls-or-encrypted"),
    pytest.param(_zip({"report.txt": b"12"}), "not_xlsx", id="some-zip"),
    pytest.param(_zip({"[Content_Types].xml": b"<Types/>", "word/document.xml": b"<w/>"}), "not_xlsx",
                 id="docx"),
    pytest.param(_zip({"[Content_Types].xml": b"<Types/>", "xl/workbook.xml": b"<broken"}), "not_xlsx",
                 id="damaged-xlsx"),
    pytest.param(TEMPLATE[: len(TEMPLATE) // 2], "not_xlsx", id="truncated"),
    pytest.param(_needs_newer_zip(TEMPLATE), "not_xlsx", id="zip-version-too-new"),
])
def test_a_file_that_is_not_a_usable_xlsx_gives_one_file_error(data, code):
    result = read_upload(data, SPEC)
    assert [(e.sheet, e.cell, e.code) for e in result.errors] == [("", "", code)]


def test_a_file_over_the_size_limit_is_refused_before_it_is_opened():
    result = read_upload(TEMPLATE, SPEC, max_bytes=1000)
    assert [e.code for e in result.errors] == ["too_big"]
    assert result.errors[0].vi.startswith("Tệp quá lớn (")


def test_a_zip_that_unpacks_to_far_more_than_the_limit_is_refused():
    bomb = _zip({"[Content_Types].xml": b"<Types/>", "xl/sharedStrings.xml": bytes(200_000)})
    assert len(bomb) < 10_000
    result = read_upload(bomb, SPEC, max_bytes=10_000)
    assert [e.code for e in result.errors] == ["zip_bomb"]


def test_an_unchanged_cell_written_over_the_grey_not_asked_cells_is_ignored():
    _, grey = SPEC.cell_of("KT_LUOT", "total")
    grey = "E" + grey[1:]
    assert read_upload(fill_cells(TEMPLATE, {(SHEET, grey): "rác"}), SPEC).ok
