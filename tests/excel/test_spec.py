"""FormSpec: where cells are, and specs that could not make a sound template are refused."""
import dataclasses

import pytest

from chidao.reporting.excel import Column, FormSpec, IndicatorRow, NarrativeField
from chidao.reporting.excel.names import narrative_name, parse_reference, sanitize, value_name

from .sample import sample_spec

SPEC = sample_spec()
TOTAL = Column("total", "Tổng số")


def test_cells_are_laid_out_row_by_row_below_group_headings():
    assert SPEC.cell_of("CS_KD", "total") == ("Số liệu", "D8")
    assert SPEC.cell_of("CS_KD", "khac") == ("Số liệu", "I8")
    assert SPEC.cell_of("CS_NV", "total") == ("Số liệu", "D9")
    assert SPEC.cell_of("KT_LUOT", "total") == ("Số liệu", "D11")  # after the heading of group II on row 10
    assert SPEC.cell_of("HT_NGUOI", "viec_lam") == ("Số liệu", "N26")
    assert SPEC.narrative_cell_of("tinh_hinh") == ("Thuyết minh", "B4")
    assert SPEC.narrative_cell_of("task_15") == ("Thuyết minh", "B10")


def test_asking_for_a_cell_the_form_does_not_have_raises_key_error():
    with pytest.raises(KeyError):
        SPEC.cell_of("KT_LUOT", "karaoke")
    with pytest.raises(KeyError):
        SPEC.narrative_cell_of("ghi_chu")


@pytest.mark.parametrize(("code", "name"), [
    ("CS_KD", "cs_kd"), ("cs-tong", "cs_tong"), ("vu-truong-bar", "vu_truong_bar"), ("Đình chỉ", "dinh_chi"),
    ("task_12", "task_12"), ("--", "_"),
])
def test_codes_are_sanitised_into_valid_excel_names(code, name):
    assert sanitize(code) == name


def test_names_join_indicator_and_column():
    assert value_name("CS_KD", "vu-truong-bar") == "v_cs_kd__vu_truong_bar"
    assert narrative_name("task_12") == "n_task_12"


@pytest.mark.parametrize(("text", "target"), [
    ("'Số liệu'!$D$7", ("Số liệu", "D7")),
    ("='Số liệu'!D7", ("Số liệu", "D7")),
    ("'Số liệu'!$D$7:$D$7", ("Số liệu", "D7")),
    ("'It''s'!$A$1", ("It's", "A1")),
    ("_meta!$B$2", ("_meta", "B2")),
    ("'Số liệu'!#REF!", None),
    ("'Số liệu'!$D$7:$E$7", None),
    ("#REF!", None),
])
def test_references_to_one_cell_are_parsed_and_others_refused(text, target):
    assert parse_reference(text) == target


def _spec(rows=(), narratives=(), **changes):
    base = dataclasses.asdict(SPEC) | {"rows": tuple(rows), "narratives": tuple(narratives)}
    base.update(changes)
    return FormSpec(**base)


@pytest.mark.parametrize(("rows", "narratives", "message"), [
    pytest.param([IndicatorRow("A", "a", "x", (TOTAL,)), IndicatorRow("A", "b", "x", (TOTAL,))], [],
                 "share the defined name", id="duplicate-indicator"),
    pytest.param([IndicatorRow("cs-tong", "a", "x", (TOTAL,)), IndicatorRow("cs_tong", "b", "x", (TOTAL,))],
                 [], "share the defined name", id="codes-equal-once-sanitised"),
    pytest.param([IndicatorRow("A", "a", "x", (TOTAL, TOTAL))], [], "share the defined name",
                 id="duplicate-column"),
    pytest.param([IndicatorRow("A", "a", "x", (TOTAL,)),
                  IndicatorRow("B", "b", "x", (Column("total", "Cộng"),))],
                 [], "two labels", id="column-with-two-labels"),
    pytest.param([IndicatorRow("A", "a", "x", ())], [], "no columns", id="no-columns"),
    pytest.param([], [NarrativeField("x", "x"), NarrativeField("x", "y")], "share the defined name",
                 id="duplicate-narrative"),
    pytest.param([], [NarrativeField("x", "x", max_chars=40000)], "max_chars", id="narrative-beyond-excel"),
    pytest.param([], [], "at least one", id="empty-form"),
])
def test_specs_that_would_make_an_unsound_template_are_refused(rows, narratives, message):
    with pytest.raises(ValueError, match=message):
        _spec(rows, narratives)


@pytest.mark.parametrize("version", [0, -1, True, "2"])
def test_the_version_is_a_positive_integer(version):
    with pytest.raises(ValueError, match="version"):
        _spec(SPEC.rows, version=version)
