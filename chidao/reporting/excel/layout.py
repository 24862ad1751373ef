"""Where each part of a form sits in the template: computed from the spec, shared by writer and cell_of."""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .spec import Column, FormSpec, IndicatorRow

SHEET_VALUES = "Số liệu"
SHEET_NARRATIVES = "Thuyết minh"
SHEET_META = "_meta"

TITLE_ROWS = 4            # form name, agency, period, instructions (rows 1-4); row 5 is blank
HEADER_ROW = 6
FIXED_COLUMNS = 3         # STT | Chỉ tiêu | Đơn vị tính; values start in column D
NARRATIVE_FIRST_ROW = 4   # title, instructions, header in rows 1-3
META_ROWS = ("form", "version", "agency", "period")   # _meta!A1:B4


def column_letter(index: int) -> str:
    """0 -> 'A', 25 -> 'Z', 26 -> 'AA'."""
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


@dataclass(frozen=True)
class GroupLine:
    row: int              # 1-based sheet row
    text: str


@dataclass(frozen=True)
class IndicatorLine:
    row: int
    number: int           # STT, 1, 2, 3 … across the form
    indicator: IndicatorRow


@dataclass(frozen=True, eq=False)
class Layout:
    columns: tuple[Column, ...]                       # the header: every column code, first use first
    lines: tuple[GroupLine | IndicatorLine, ...]
    cells: dict[tuple[str, str], str]                 # (indicator, column) -> "D7"
    narrative_cells: dict[str, str]                   # narrative code -> "B4"

    @property
    def last_row(self) -> int:
        """The last used row of the values sheet."""
        return self.lines[-1].row if self.lines else HEADER_ROW

    @property
    def last_column(self) -> int:
        """The 0-based index of the last header column."""
        return FIXED_COLUMNS + len(self.columns) - 1


def compute_layout(spec: FormSpec) -> Layout:
    """Lay out the spec: a heading row where the group changes, a row per indicator, a column per code."""
    columns: dict[str, Column] = {}
    for indicator in spec.rows:
        for column in indicator.columns:
            columns.setdefault(column.code, column)
    index = {code: FIXED_COLUMNS + i for i, code in enumerate(columns)}
    lines: list[GroupLine | IndicatorLine] = []
    cells: dict[tuple[str, str], str] = {}
    row, group = HEADER_ROW, ""
    for number, indicator in enumerate(spec.rows, start=1):
        if indicator.group and indicator.group != group:
            row += 1
            lines.append(GroupLine(row, indicator.group))
        group = indicator.group
        row += 1
        lines.append(IndicatorLine(row, number, indicator))
        for column in indicator.columns:
            cells[indicator.code, column.code] = f"{column_letter(index[column.code])}{row}"
    narrative_cells = {n.code: f"B{NARRATIVE_FIRST_ROW + i}" for i, n in enumerate(spec.narratives)}
    return Layout(tuple(columns.values()), tuple(lines), cells, narrative_cells)
