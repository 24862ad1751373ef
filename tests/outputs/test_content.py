"""Vietnamese formatting rules shared by every builder."""
import datetime
import subprocess
import sys
from decimal import Decimal

import pytest

from chidao.consolidation.outputs.content import (
    HeaderCell,
    TableRow,
    TableSpec,
    check_table,
    document_number,
    format_number,
    issuer_lines,
    layout_header,
    place_date_line,
    recipient_items,
    short_date,
    signer_lines,
)
from chidao.consolidation.outputs.xlsx_tables import sheet_names


@pytest.mark.parametrize(("value", "number_format", "expected"), [
    pytest.param(1_234_567, "#,##0", "1.234.567", id="thousands-with-dots"),
    pytest.param(Decimal("12.25"), "#,##0.0", "12,3", id="decimal-comma-rounds-half-up"),
    pytest.param(Decimal("-33.333"), "#,##0.0", "-33,3", id="negative"),
    pytest.param(Decimal("287500.5"), "#,##0.00", "287.500,50", id="grouped-with-decimals"),
    pytest.param(Decimal("0.8214"), "0.0%", "82,1%", id="percent-times-100"),
    pytest.param(1234, "0", "1234", id="no-grouping-when-format-has-none"),
    pytest.param(None, "#,##0", "", id="blank"),
    pytest.param("-", "#,##0", "-", id="text-unchanged"),
])
def test_numbers_are_written_the_vietnamese_way(value, number_format, expected):
    assert format_number(value, number_format) == expected


@pytest.mark.parametrize(("date", "expected"), [
    pytest.param(datetime.date(2013, 7, 20), "Lai Châu, ngày 20 tháng 7 năm 2013", id="plain"),
    pytest.param(datetime.date(2014, 2, 5), "Lai Châu, ngày 05 tháng 02 năm 2014", id="leading-zeros"),
    pytest.param(datetime.date(2013, 12, 1), "Lai Châu, ngày 01 tháng 12 năm 2013", id="december"),
])
def test_place_and_date_line_uses_leading_zeros_for_small_days_and_january_february(date, expected):
    assert place_date_line("Lai Châu", date) == expected


def test_short_dates_and_blank_document_numbers():
    assert short_date(datetime.date(2013, 8, 5)) == "05/8/2013"
    assert document_number(" 123 ") == "123"
    assert document_number("") == "\u00a0" * 8


def test_recipients_end_with_semicolons_and_the_last_with_a_full_stop():
    assert recipient_items(["Như trên;", "Bộ LĐTBXH (để b/c)", "Lưu: VT, VX."]) == [
        "- Như trên;", "- Bộ LĐTBXH (để b/c);", "- Lưu: VT, VX."]


def test_people_s_committee_issuer_goes_on_two_lines_and_explicit_breaks_are_kept():
    assert issuer_lines("ỦY BAN NHÂN DÂN TỈNH LAI CHÂU") == ["ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU"]
    assert issuer_lines("SỞ Y TẾ\nTỈNH LAI CHÂU") == ["SỞ Y TẾ", "TỈNH LAI CHÂU"]
    assert issuer_lines("SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI") == ["SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"]
    assert signer_lines("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH") == [
        "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]


def test_header_cells_spanning_from_above_push_later_cells_right():
    header = [[HeaderCell("A", rowspan=2), HeaderCell("B", colspan=2), HeaderCell("C", rowspan=2)],
              [HeaderCell("B1"), HeaderCell("B2")]]
    placed = {c.text: (c.row, c.col) for c in layout_header(header)}
    assert placed == {"A": (0, 0), "B": (0, 1), "C": (0, 3), "B1": (1, 1), "B2": (1, 2)}


def test_a_row_that_does_not_fit_the_header_is_refused():
    table = TableSpec("Biểu 9", [[HeaderCell("A"), HeaderCell("B")]], [TableRow(["x", 1, 2])])
    with pytest.raises(ValueError, match="row 1 has 3 cells"):
        check_table(table)


def test_sheet_names_come_from_the_table_label_and_stay_unique_and_short():
    tables = [TableSpec(title, [[HeaderCell("A")]], []) for title in
              ("Biểu 1. Cơ sở", "Biểu 1. Trùng tên", "Danh sách cơ sở kinh doanh dịch vụ", "Biểu 4: x/y")]
    names = sheet_names(tables)
    assert names == ["Biểu 1", "Biểu 1 (2)", "Biểu 3", "Biểu 4"]
    assert all(len(n) <= 31 for n in names)


def test_builders_import_without_django():
    modules = ", ".join(f"chidao.consolidation.outputs.{m}" for m in ("docx_report", "chase_letter",
                                                                      "xlsx_tables", "pdf"))
    code = f"import sys, {modules}; sys.exit(any(m.split('.')[0] == 'django' for m in sys.modules))"
    assert subprocess.run([sys.executable, "-c", code], check=False).returncode == 0
