"""The statistics workbook read back with openpyxl: sheets, merges, real numbers with formats, print setup."""
import io

import openpyxl
import pytest

from chidao.consolidation.outputs.xlsx_tables import build_xlsx


@pytest.fixture
def workbook(report):
    return openpyxl.load_workbook(io.BytesIO(build_xlsx(report.tables, report.subject)))


def find(sheet, text):
    return next(c for row in sheet.iter_rows() for c in row if c.value == text)


def test_one_sheet_per_table_named_after_its_label(workbook, report):
    assert workbook.sheetnames == ["Biểu 1", "Biểu 2", "Biểu 3"]
    assert workbook.properties.title == report.subject
    for sheet, table in zip(workbook.worksheets, report.tables, strict=True):
        assert sheet.cell(1, 1).value == table.title


def test_header_cells_are_merged_as_declared(workbook):
    sheet = workbook["Biểu 1"]
    merged = {str(r) for r in sheet.merged_cells.ranges}
    top = find(sheet, "TT").row
    assert {f"A{top}:A{top + 1}", f"B{top}:B{top + 1}", f"C{top}:C{top + 1}", f"D{top}:F{top}"} <= merged
    assert sheet.cell(top + 1, 4).value == "Số liệu"
    assert "A1:F1" in merged  # title across the table
    assert sheet.freeze_panes == f"A{top + 2}"


def test_numbers_are_numbers_with_their_format_and_the_same_values(workbook, report):
    for sheet, table in zip(workbook.worksheets, report.tables, strict=True):
        first = find(sheet, "TT").row + len(table.header_rows)
        for offset, row in enumerate(table.rows):
            for column, value in enumerate(row.cells, start=1):
                cell = sheet.cell(first + offset, column)
                if isinstance(value, int | float) or type(value).__name__ == "Decimal":
                    assert cell.data_type == "n"
                    assert cell.value == pytest.approx(float(value))
                    assert cell.number_format == table.format_for(column - 1)
                elif value:
                    assert cell.value == value and cell.data_type == "s"
                else:
                    assert cell.value is None
    assert workbook["Biểu 3"].cell(find(workbook["Biểu 3"], "TT").row + 2, 5).number_format == "0.0%"


def test_font_rows_and_print_setup(workbook):
    sheet = workbook["Biểu 1"]
    label = find(sheet, "Khách sạn, nhà nghỉ")
    assert label.font.name == "Times New Roman" and label.alignment.indent == 1
    assert find(sheet, "Tổng số cơ sở").font.bold
    assert find(sheet, "Cơ sở").alignment.horizontal == "center"
    assert sheet.page_setup.orientation == "landscape" and int(sheet.page_setup.paperSize) == 9
    assert sheet.print_title_rows == "$3:$4"
    assert sheet.column_dimensions["B"].width > sheet.column_dimensions["A"].width
