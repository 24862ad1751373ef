"""The downloaded template: sheets, names on every input cell, protection, validation, print layout."""
import zipfile
from decimal import Decimal
from io import BytesIO

import pytest
from openpyxl import load_workbook

from chidao.reporting.excel import build_template
from chidao.reporting.excel.names import parse_reference

from .sample import FILLED_NARRATIVES, sample_spec

SPEC = sample_spec()


@pytest.fixture(scope="module")
def workbook():
    return load_workbook(BytesIO(build_template(SPEC, {("CS_KD", "total"): 42}, FILLED_NARRATIVES)))


def _named_cell(workbook, name):
    sheet, cell = parse_reference(workbook.defined_names[name].attr_text)
    return workbook[sheet][cell]


def test_the_template_has_the_values_sheet_the_narratives_sheet_and_a_hidden_meta_sheet(workbook):
    assert workbook.sheetnames == ["Số liệu", "Thuyết minh", "_meta"]
    assert [ws.sheet_state for ws in workbook.worksheets] == ["visible", "visible", "hidden"]
    assert workbook.active.title == "Số liệu"


def test_every_input_cell_has_a_workbook_level_name_where_cell_of_says(workbook):
    for indicator, column in SPEC.value_keys():
        name = f"v_{indicator.lower()}__{column}"
        sheet, cell = parse_reference(workbook.defined_names[name].attr_text)
        assert (sheet, cell) == SPEC.cell_of(indicator, column)
    for narrative in SPEC.narratives:
        sheet, cell = parse_reference(workbook.defined_names[f"n_{narrative.code}"].attr_text)
        assert (sheet, cell) == SPEC.narrative_cell_of(narrative.code)
    assert [_named_cell(workbook, f"meta_{k}").value for k in ("form", "version", "agency", "period")] == [
        "PCMD-DK", 2, "so-ldtbxh", "2013-H1"]


def test_titles_name_the_form_the_agency_and_the_period_in_merged_rows(workbook):
    ws = workbook["Số liệu"]
    assert ws["A1"].value == "BÁO CÁO KẾT QUẢ CÔNG TÁC PHÒNG, CHỐNG MẠI DÂM"
    assert ws["A2"].value == "Đơn vị báo cáo: Sở Lao động - Thương binh và Xã hội tỉnh Lai Châu"
    assert ws["A3"].value == "Kỳ báo cáo: 6 tháng đầu năm 2013"
    assert {"A1:N1", "A2:N2", "A3:N3"} <= {str(r) for r in ws.merged_cells.ranges}
    header = [c.value for c in ws[6]]
    assert header[:5] == ["STT", "Chỉ tiêu", "Đơn vị tính", "Tổng số", "Cơ sở lưu trú"]
    assert header[-1] == "Việc làm"
    assert ws["A7"].value == "I. Cơ sở kinh doanh dịch vụ dễ bị lợi dụng"
    assert (ws["A8"].value, ws["C8"].value) == (1, "cơ sở")


def test_only_input_cells_are_unlocked_on_protected_sheets(workbook):
    for title in ("Số liệu", "Thuyết minh", "_meta"):
        assert workbook[title].protection.sheet
        assert workbook[title].protection.password is None
    ws = workbook["Số liệu"]
    inputs = {SPEC.cell_of(*key)[1] for key in SPEC.value_keys()}
    unlocked = {c.coordinate for row in ws.iter_rows() for c in row if not c.protection.locked}
    assert unlocked == inputs
    assert not workbook["Thuyết minh"]["B4"].protection.locked


def test_input_cells_are_formatted_as_numbers_and_prefilled(workbook):
    ws = workbook["Số liệu"]
    assert ws[SPEC.cell_of("CS_KD", "total")[1]].value == 42
    assert ws[SPEC.cell_of("CS_KD", "total")[1]].number_format == "#,##0"
    assert ws[SPEC.cell_of("HT_KINH_PHI", "total")[1]].number_format == "#,##0.00"
    assert workbook["Thuyết minh"][SPEC.narrative_cell_of("ket_qua")[1]].value == FILLED_NARRATIVES["ket_qua"]


def test_data_validation_asks_for_whole_or_decimal_numbers_at_least_zero_with_a_vietnamese_prompt(workbook):
    rules = workbook["Số liệu"].data_validations.dataValidation
    by_type = {rule.type: rule for rule in rules}
    assert set(by_type) == {"whole", "decimal"}
    whole, decimal = by_type["whole"], by_type["decimal"]
    assert (whole.operator, whole.formula1) == ("greaterThanOrEqual", "0")
    assert "số nguyên không âm" in whole.prompt
    covered = {str(c) for r in whole.sqref.ranges for c in [r]}
    assert SPEC.cell_of("CS_KD", "karaoke")[1] in covered
    assert {str(r) for r in decimal.sqref.ranges} == {SPEC.cell_of("HT_KINH_PHI", "total")[1]}
    assert len(covered) == len(SPEC.value_keys()) - 1
    length = workbook["Thuyết minh"].data_validations.dataValidation
    assert {(rule.type, rule.formula1) for rule in length} == {("textLength", "20000"),
                                                                ("textLength", "4000")}


def test_the_values_sheet_prints_on_a4_landscape_one_page_wide_with_the_header_repeated(workbook):
    ws = workbook["Số liệu"]
    assert (ws.page_setup.orientation, ws.page_setup.paperSize) == ("landscape", 9)
    assert ws.sheet_properties.pageSetUpPr.fitToPage
    assert ws.page_setup.fitToWidth in (None, 1)  # 1 is the default, left out of the file
    assert ws.page_setup.fitToHeight == 0
    assert ws.print_title_rows == "$6:$6"
    assert ws.column_dimensions["B"].width > 40


def test_the_template_is_built_in_memory_and_is_small():
    data = build_template(SPEC)
    assert data[:2] == b"PK"
    assert len(data) < 30_000
    assert "xl/workbook.xml" in zipfile.ZipFile(BytesIO(data)).namelist()


def test_prefilling_a_cell_the_form_does_not_have_is_a_caller_error():
    with pytest.raises(ValueError, match="no cell"):
        build_template(SPEC, {("KT_LUOT", "karaoke"): 1})
    with pytest.raises(ValueError, match="no narrative"):
        build_template(SPEC, narratives={"ghi_chu": "x"})
    with pytest.raises(ValueError, match="4001 characters"):
        build_template(SPEC, narratives={"task_12": "x" * 4001})
    with pytest.raises(TypeError):
        build_template(SPEC, {("KT_LUOT", "total"): "12"})  # type: ignore[dict-item]


def test_decimal_prefills_are_written_as_numbers():
    values = {("HT_KINH_PHI", "total"): Decimal("12.50"), ("KT_LUOT", "total"): Decimal(7)}
    data = build_template(SPEC, values)
    ws = load_workbook(BytesIO(data))["Số liệu"]
    assert ws[SPEC.cell_of("HT_KINH_PHI", "total")[1]].value == 12.5
    assert ws[SPEC.cell_of("KT_LUOT", "total")[1]].value == 7
