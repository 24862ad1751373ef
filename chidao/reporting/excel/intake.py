"""Step 1 of reading an upload: openpyxl -> intermediate form: defined names and the raw cells they name."""
import warnings
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from io import BytesIO

from openpyxl import load_workbook
from openpyxl.utils.cell import coordinate_to_tuple, get_column_letter
from openpyxl.workbook.workbook import Workbook
from openpyxl.worksheet._read_only import ReadOnlyWorksheet

from .names import parse_reference

__all__ = ["RawCell", "Intake", "read_intake"]

# Named cells beyond these are refused: a template uses a few hundred rows and a dozen columns, and walking a
# sheet up to a forged far-away name would cost time and memory in proportion.
MAX_ROW = 20000
MAX_COLUMN = 256


@dataclass(frozen=True)
class RawCell:
    """One named cell as openpyxl gives it (cached values, not formulas)."""

    sheet: str
    cell: str
    value: object        # None, int, float, str, bool, datetime …
    error: bool          # a formula error such as #REF! (value is then its text)


@dataclass(frozen=True)
class Intake:
    """Named cells by lower-cased name; `broken`: names not pointing at one cell -> their reference text."""

    cells: dict[str, RawCell]
    broken: dict[str, str]


def read_intake(data: bytes, wanted: Iterable[str]) -> Intake:
    """Open the workbook once (read-only, cached values) and collect the cells behind the wanted names.

    Raises whatever openpyxl raises on a damaged file; the caller turns that into one file error.
    """
    wanted_keys = {name.lower() for name in wanted}
    with warnings.catch_warnings():
        # openpyxl warns (UserWarning) when it drops parts it does not read, e.g. Excel's data-validation
        # or conditional-formatting extensions, or a workbook without a default style (other spreadsheets).
        # None of that touches the values we read, and under the project's warnings-as-errors test policy it
        # would turn an ordinary user file into a crash. (catch_warnings is process-wide in Python 3.11: a
        # thread reading at the same moment also has its UserWarnings hidden for that short time.)
        warnings.simplefilter("ignore", UserWarning)
        workbook = load_workbook(BytesIO(data), read_only=True, data_only=True, keep_links=False)
        try:
            references = _references(workbook, wanted_keys)
            cells, broken = _read_cells(workbook, references)
        finally:
            workbook.close()
    return Intake(cells, broken)


def _references(workbook: Workbook, wanted: set[str]) -> dict[str, str]:
    """Lower-cased name -> reference text, workbook-level names first, sheet-level ones where none exists."""
    found: dict[str, str] = {}
    scopes = [workbook.defined_names] + [getattr(ws, "defined_names", {}) for ws in workbook.worksheets]
    for scope in scopes:
        for name, definition in scope.items():
            key = name.lower()
            if key in wanted and key not in found:
                found[key] = definition.attr_text or ""
    return found


def _read_cells(workbook: Workbook, references: dict[str, str]) -> tuple[dict[str, RawCell], dict[str, str]]:
    """Read every named cell, walking each sheet once (read-only sheets are slow to index cell by cell)."""
    broken: dict[str, str] = {}
    by_sheet: dict[str, dict[tuple[int, int], list[str]]] = defaultdict(lambda: defaultdict(list))
    for key, text in references.items():
        target = parse_reference(text)
        if target is None or target[0] not in workbook.sheetnames:
            broken[key] = text
            continue
        row, col = coordinate_to_tuple(target[1])
        if row > MAX_ROW or col > MAX_COLUMN:  # far outside any template: refuse rather than walk there
            broken[key] = text
            continue
        by_sheet[target[0]][row, col].append(key)
    cells: dict[str, RawCell] = {}
    for title, positions in by_sheet.items():
        sheet = workbook[title]
        if not hasattr(sheet, "iter_rows"):  # a chart sheet
            broken.update((key, references[key]) for keys in positions.values() for key in keys)
            continue
        found = _walk(sheet, positions)
        for (row, col), keys in positions.items():
            value, error = found.get((row, col), (None, False))
            for key in keys:
                cells[key] = RawCell(title, f"{get_column_letter(col)}{row}", value, error)
    return cells, broken


def _walk(sheet: ReadOnlyWorksheet,
          positions: dict[tuple[int, int], list[str]]) -> dict[tuple[int, int], tuple[object, bool]]:
    """(value, is formula error) at each wanted position that the sheet stores; absent cells are empty."""
    rows = [r for r, _ in positions]
    cols = [c for _, c in positions]
    min_row, min_col = min(rows), min(cols)
    found: dict[tuple[int, int], tuple[object, bool]] = {}
    # types-openpyxl types ReadOnlyWorksheet.iter_rows as Worksheet's method; at run time it is shared.
    cells = sheet.iter_rows(min_row=min_row, max_row=max(rows), min_col=min_col, max_col=max(cols))  # type: ignore[misc]
    for r, row in enumerate(cells, start=min_row):
        for c, cell in enumerate(row, start=min_col):
            if (r, c) in positions:
                found[r, c] = (cell.value, getattr(cell, "data_type", "n") == "e")
    return found
