"""read_upload: an uploaded workbook -> values, narratives and every problem found, each naming its cell.

Pipeline (as in FAC's intake): file checks on the raw bytes -> openpyxl (read-only, cached values) -> an
intermediate form of defined names and cells -> typed fields -> checks in stages. Values are found through
the defined names only, so rows a user inserts above do not shift what is read.
"""
import re
from dataclasses import dataclass, field
from decimal import Decimal

from .checks import STAGES, check_file, not_xlsx
from .errors import CellError
from .fields import Fields, to_fields, wanted_names
from .intake import read_intake
from .layout import SHEET_NARRATIVES, SHEET_VALUES
from .spec import FormSpec

__all__ = ["UploadResult", "read_upload", "MAX_BYTES"]

MAX_BYTES = 5 * 1024 * 1024


@dataclass
class UploadResult:
    """Values by (indicator, column) (None = left empty), narratives by code ("" = empty), and the errors.

    A cell with an error is left out of `values` / `narratives`; with errors the result is not `ok`.
    """

    values: dict[tuple[str, str], Decimal | None] = field(default_factory=dict)
    narratives: dict[str, str] = field(default_factory=dict)
    errors: list[CellError] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing was wrong."""
        return not self.errors


def read_upload(data: bytes, spec: FormSpec, *, max_bytes: int = MAX_BYTES) -> UploadResult:
    """Read an uploaded template for `spec`; never raises on bad input, it reports it."""
    errors = check_file(data, max_bytes)
    if errors:
        return UploadResult(errors=errors)
    try:
        intake = read_intake(data, wanted_names(spec))
    except Exception:  # noqa: BLE001 - openpyxl raises many kinds on damaged files; all mean "not a usable .xlsx"
        return UploadResult(errors=[not_xlsx()])
    fields = to_fields(intake, spec)
    *identity, cells = STAGES
    for stage in identity:
        errors = [error for check in stage for error in check(fields, spec)]
        if errors:  # not this form, version, agency or period: nothing in it is this report's content
            return UploadResult(errors=errors)
    errors = [error for check in cells for error in check(fields, spec)]
    return _result(fields, sorted(errors, key=_reading_order))


def _result(fields: Fields, errors: list[CellError]) -> UploadResult:
    """Keep what was read cleanly; drop cells that carry an error."""
    bad = {(e.sheet, e.cell) for e in errors}
    values = {f.key: f.number for f in fields.numbers if (f.sheet, f.cell) not in bad}
    narratives = {t.narrative.code: t.text for t in fields.texts if (t.sheet, t.cell) not in bad}
    return UploadResult(values, narratives, errors)


_SHEET_ORDER = {SHEET_VALUES: 0, SHEET_NARRATIVES: 1}
_CELL = re.compile(r"([A-Z]+)([0-9]+)")


def _reading_order(error: CellError) -> tuple[int, int, int, str]:
    """Errors as a user reads the workbook: sheet by sheet, row by row, left to right; file-wide ones last."""
    m = _CELL.fullmatch(error.cell)
    if not error.sheet or m is None:
        return (3, 0, 0, "")
    column = sum((ord(ch) - 64) * 26 ** i for i, ch in enumerate(reversed(m[1])))
    return (_SHEET_ORDER.get(error.sheet, 2), int(m[2]), column, error.code)
