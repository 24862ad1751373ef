"""The statistics tables as an Excel workbook, one sheet per table, laid out from each TableSpec (title row,
merged headers, data rows): rows are counted as they are written, never addressed by hard-coded cells."""
from __future__ import annotations

import io
import re
from decimal import Decimal
from typing import Any

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from .content import (
    TableRow,
    TableSpec,
    centred_columns,
    check_table,
    column_widths,
    is_number,
    label_column,
    layout_header,
)

FONT = "Times New Roman"
SHEET_NAME_LIMIT = 31
A4 = 9
_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")
_TABLE_LABEL = re.compile(r"^\s*(Biểu\s+[^\s.:]+)")


def build_xlsx(tables: list[TableSpec], title: str) -> bytes:
    """Write the tables into an in-memory workbook and return its bytes."""
    for table in tables:
        check_table(table)
    buffer = io.BytesIO()
    workbook = Workbook(buffer, {"in_memory": True})
    workbook.set_properties({"title": title, "subject": title, "company": "chidao"})
    formats = Formats(workbook)
    for table, name in zip(tables, sheet_names(tables), strict=True):
        write_sheet(workbook.add_worksheet(name), table, formats, title)
    workbook.close()
    return buffer.getvalue()


def sheet_names(tables: list[TableSpec]) -> list[str]:
    """"Biểu 1", "Biểu 2"…: the label that starts the title, else the position; valid, ≤ 31 chars, unique."""
    names: list[str] = []
    for i, table in enumerate(tables, start=1):
        match = _TABLE_LABEL.match(table.title)
        base = _FORBIDDEN.sub("-", match.group(1) if match else f"Biểu {i}")[:SHEET_NAME_LIMIT].strip("'")
        name, n = base, 2
        while name.lower() in (existing.lower() for existing in names):  # Excel ignores case here
            suffix = f" ({n})"
            name, n = base[: SHEET_NAME_LIMIT - len(suffix)] + suffix, n + 1
        names.append(name)
    return names


class Formats:
    """Cell formats made once per workbook and shared by every sheet (XlsxWriter asks for this)."""

    def __init__(self, workbook: Workbook):
        self.workbook = workbook
        self.cache: dict[tuple, Any] = {}

    def get(self, **props: Any):
        """A format with Times New Roman and the given properties, created on first use."""
        key = tuple(sorted(props.items()))
        if key not in self.cache:
            self.cache[key] = self.workbook.add_format({"font_name": FONT, "font_size": 12, **props})
        return self.cache[key]

    def title(self):
        return self.get(bold=True, font_size=14, align="center", valign="vcenter", text_wrap=True)

    def header(self):
        return self.get(bold=True, align="center", valign="vcenter", text_wrap=True, border=1)

    def text(self, bold: bool, indent: int, centred: bool = False):
        align = {"align": "center"} if centred else {}
        return self.get(bold=bold, indent=indent, valign="vcenter", text_wrap=True, border=1, **align)

    def number(self, bold: bool, num_format: str):
        return self.get(bold=bold, num_format=num_format, valign="vcenter", border=1)


def write_sheet(sheet: Worksheet, table: TableSpec, formats: Formats, title: str) -> None:
    """Title row, merged header rows, data rows, then widths, frozen header and A4 landscape printing."""
    width = table.n_columns()
    row = write_title(sheet, table.title, width, formats)
    header_top = row
    row = write_header(sheet, table, header_top, formats)
    sheet.freeze_panes(row, 0)
    centred, label = centred_columns(table), label_column(table)
    for data in table.rows:
        write_row(sheet, row, data, table, formats, centred, label)
        row += 1
    for column, chars in enumerate(column_widths(table)):
        sheet.set_column(column, column, chars)
    print_setup(sheet, title, header_top, header_top + len(table.header_rows) - 1)


def write_title(sheet: Worksheet, text: str, width: int, formats: Formats) -> int:
    """The table's title merged across its width, then a blank row; returns the next free row."""
    sheet.set_row(0, 36)
    if width > 1:
        sheet.merge_range(0, 0, 0, width - 1, text, formats.title())
    else:
        sheet.write_string(0, 0, text, formats.title())
    return 2


def write_header(sheet: Worksheet, table: TableSpec, top: int, formats: Formats) -> int:
    """Header cells merged as the spec spans them; returns the first data row."""
    for cell in layout_header(table.header_rows):
        first_row, first_col = top + cell.row, cell.col
        if cell.merged:
            sheet.merge_range(first_row, first_col, first_row + cell.rowspan - 1,
                              first_col + cell.colspan - 1, cell.text, formats.header())
        else:
            sheet.write_string(first_row, first_col, cell.text, formats.header())
    return top + len(table.header_rows)


def write_row(sheet: Worksheet, row: int, data: TableRow, table: TableSpec, formats: Formats,
              centred: set[int], label: int) -> None:
    """Numbers as numbers with the column's format, text as text, blanks bordered."""
    bold = data.bold
    for column, value in enumerate(data.cells):
        if is_number(value):
            number = float(value) if isinstance(value, Decimal) else value
            sheet.write_number(row, column, number, formats.number(bold, table.format_for(column)))
        elif value is None or value == "":
            sheet.write_blank(row, column, None, formats.number(bold, table.format_for(column)))
        else:
            indent = data.level if column == label else 0
            sheet.write_string(row, column, str(value), formats.text(bold, indent, column in centred))


def print_setup(sheet: Worksheet, title: str, header_first: int, header_last: int) -> None:
    """A4 landscape, one page wide, header rows repeated, report title on top and page numbers below."""
    sheet.set_paper(A4)
    sheet.set_landscape()
    sheet.set_margins(left=0.6, right=0.4, top=0.8, bottom=0.7)
    sheet.fit_to_pages(1, 0)
    sheet.center_horizontally()
    sheet.repeat_rows(header_first, header_last)
    escaped = title.replace("&", "&&")
    sheet.set_header(f'&C&"{FONT},Italic"&10{escaped}')
    sheet.set_footer(f'&C&"{FONT},Regular"&10Trang &P/&N')
