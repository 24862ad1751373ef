"""What the consolidated report and the chase letter say, as plain data, plus the Vietnamese formatting rules
every builder shares (dates, document numbers, numbers with dots and commas, merged header layout)."""
from __future__ import annotations

import datetime
import re
import unicodedata
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

Cell = str | int | float | Decimal | None


@dataclass
class HeaderCell:
    """One header cell; spans follow HTML tables so the same spec drives Word and Excel merges."""

    text: str
    colspan: int = 1
    rowspan: int = 1


@dataclass
class TableRow:
    """One data row; level indents the label cell (sub-items), bold marks totals."""

    cells: list[Cell]
    level: int = 0
    bold: bool = False


@dataclass
class TableSpec:
    """One statistics table (biểu số liệu); formats use Excel codes, shown the Vietnamese way in Word."""

    title: str
    header_rows: list[list[HeaderCell]]
    rows: list[TableRow]
    number_format: str = "#,##0"
    column_formats: list[str | None] | None = None
    column_widths: list[float] | None = None  # Excel character widths; Word scales them to the text width

    def n_columns(self) -> int:
        """Column count from the header grid, so rows and widths can be checked against it."""
        return max((c.col + c.colspan for c in layout_header(self.header_rows)), default=0)

    def format_for(self, column: int) -> str:
        """Number format of a column: its own if given, else the table's."""
        if self.column_formats and column < len(self.column_formats) and self.column_formats[column]:
            return self.column_formats[column]
        return self.number_format


@dataclass
class AgencySection:
    """One agency's part of section II."""

    heading: str
    paragraphs: list[str]
    tasks: list[tuple[str, str]] = field(default_factory=list)


@dataclass
class ProvincialReport:
    """The consolidated provincial report (báo cáo) in the order the outline reads."""

    issuer_parent: str
    issuer: str
    number: str
    symbol: str
    place: str
    date: datetime.date
    title: str
    subject: str
    basis: list[str]
    situation: list[str]
    agency_sections: list[AgencySection]
    results_summary: list[str]
    assessment: list[str]
    direction: list[str]
    recommendations: list[str]
    tables: list[TableSpec]
    recipients: list[str]
    signer_authority: str  # may hold several lines: "TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH"
    signer_title: str
    signer_name: str


@dataclass
class ChaseLetter:
    """A công văn đôn đốc asking late agencies for their report by a new deadline."""

    issuer_parent: str
    issuer: str
    number: str
    symbol: str
    place: str
    date: datetime.date
    subject: str
    recipients: list[str]
    period_label: str
    due_date: datetime.date
    late_agencies: list[tuple[str, str]]
    new_deadline: datetime.date
    contact: str
    signer_authority: str
    signer_title: str
    signer_name: str
    copies: list[str] = field(default_factory=list)  # Nơi nhận after "Như trên"; default "Lưu: VT, <unit>"


# --- dates and numbers of documents -------------------------------------------------------------------------


def day_month(date: datetime.date) -> tuple[str, str]:
    """Day and month as official documents write them: day < 10 and months 1, 2 take a leading zero."""
    return f"{date.day:02d}", f"{date.month:02d}" if date.month < 3 else str(date.month)


def place_date_line(place: str, date: datetime.date) -> str:
    """"Lai Châu, ngày 20 tháng 7 năm 2013": the line under the national motto."""
    day, month = day_month(date)
    return f"{place}, ngày {day} tháng {month} năm {date.year}"


def short_date(date: datetime.date) -> str:
    """"05/8/2013": a date inside running text, with the same leading-zero rule."""
    day, month = day_month(date)
    return f"{day}/{month}/{date.year}"


def document_number(number: str) -> str:
    """The number, or non-breaking blanks the clerk fills in by hand ("Số:        /BC-UBND")."""
    return number.strip() or "\u00a0" * 8


def drafting_unit(symbol: str) -> str:
    """The unit after the last dash of a công văn symbol ("UBND-VX" → "VX"), used in "Lưu: VT, VX"."""
    return symbol.rsplit("-", 1)[-1] if "-" in symbol else ""


def recipient_items(recipients: list[str]) -> list[str]:
    """Nơi nhận lines: "- …;" each, the last ending with a full stop."""
    items = [r.strip().rstrip(";.") for r in recipients if r.strip()]
    return [f"- {r}{'.' if i == len(items) - 1 else ';'}" for i, r in enumerate(items)]


_COLLECTIVE_BODIES = ("ỦY BAN NHÂN DÂN", "UỶ BAN NHÂN DÂN", "HỘI ĐỒNG NHÂN DÂN")


def issuer_lines(issuer: str) -> list[str]:
    """Issuer lines: the caller's line breaks, else "ỦY BAN NHÂN DÂN" above its locality, as custom has it."""
    text = unicodedata.normalize("NFC", issuer.strip())
    if "\n" in text:
        return [line.strip() for line in text.splitlines() if line.strip()]
    for body in _COLLECTIVE_BODIES:
        if text.upper().startswith(body + " "):
            return [text[: len(body)], text[len(body):].strip()]
    return [text] if text else []


def signer_lines(authority: str, title: str) -> list[str]:
    """Signature block lines above the signature: authority and title may each hold several lines."""
    return [line.strip() for part in (authority, title) for line in part.splitlines() if line.strip()]


# --- numbers ------------------------------------------------------------------------------------------------

SHORT_CODE_CHARS = 6
_DECIMALS = re.compile(r"0\.(0+)")
_SWAP_SEPARATORS = str.maketrans({",": ".", ".": ","})


def is_number(value: Cell) -> bool:
    """True for values written as numbers (bool is not one)."""
    return isinstance(value, int | float | Decimal) and not isinstance(value, bool)


def format_number(value: Cell, number_format: str = "#,##0") -> str:
    """A number shown the Vietnamese way for an Excel format code: 1.234.567, 12,5 and 12,5% for "0.0%"."""
    if value is None:
        return ""
    if not is_number(value):
        return str(value)
    code = number_format.split(";")[0]
    percent = code.endswith("%")
    amount = Decimal(str(value)) * (100 if percent else 1)
    match = _DECIMALS.search(code)
    places = len(match.group(1)) if match else 0
    amount = amount.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    grouped = bool(re.search(r"[#0],[#0]", code))
    text = f"{abs(amount):{',' if grouped else ''}.{places}f}".translate(_SWAP_SEPARATORS)
    sign = "-" if amount < 0 else ""
    return f"{sign}{text}{'%' if percent else ''}"


# --- merged headers -----------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PlacedCell:
    """A header cell with its grid position, as both builders merge it."""

    row: int
    col: int
    text: str
    rowspan: int
    colspan: int

    @property
    def merged(self) -> bool:
        """Whether the cell spans more than one grid cell."""
        return self.rowspan > 1 or self.colspan > 1


def layout_header(header_rows: list[list[HeaderCell]]) -> list[PlacedCell]:
    """Grid positions of header cells, skipping slots taken by cells spanning from above (as HTML does)."""
    taken: set[tuple[int, int]] = set()
    placed: list[PlacedCell] = []
    for r, row in enumerate(header_rows):
        col = 0
        for cell in row:
            while (r, col) in taken:
                col += 1
            placed.append(PlacedCell(r, col, cell.text, max(cell.rowspan, 1), max(cell.colspan, 1)))
            taken.update((r + dr, col + dc) for dr in range(max(cell.rowspan, 1))
                         for dc in range(max(cell.colspan, 1)))
            col += max(cell.colspan, 1)
    return placed


def check_table(table: TableSpec) -> None:
    """Refuse a table whose rows do not fit its header, before a half-written file hides the mistake."""
    width = table.n_columns()
    depth = len(table.header_rows)
    for cell in layout_header(table.header_rows):
        if cell.row + cell.rowspan > depth:
            raise ValueError(f"{table.title}: ô tiêu đề “{cell.text}” vượt quá số dòng tiêu đề / "
                             "header cell spans past the header rows")
    for i, row in enumerate(table.rows, start=1):
        if len(row.cells) != width:
            raise ValueError(f"{table.title}: dòng {i} có {len(row.cells)} ô, tiêu đề có {width} cột / "
                             f"row {i} has {len(row.cells)} cells, the header has {width} columns")


def column_widths(table: TableSpec) -> list[float]:
    """Column widths in Excel characters: the declared ones, else from the longest value (headers wrap)."""
    width = table.n_columns()
    if table.column_widths and len(table.column_widths) == width:
        return [float(w) for w in table.column_widths]
    longest = [0.0] * width
    for cell in layout_header(table.header_rows):
        if cell.colspan == 1:
            longest[cell.col] = max(longest[cell.col], _longest_word(cell.text), len(cell.text) / 2)
    for row in table.rows:
        for column, value in enumerate(row.cells[:width]):
            text = format_number(value, table.format_for(column))
            longest[column] = max(longest[column], len(text) + 2 * row.level)
    return [min(max(n + 2, 8.0), 48.0) for n in longest]


def _longest_word(text: str) -> int:
    """Length of the longest word, the narrowest a wrapping header cell can get."""
    return max((len(word) for word in text.split()), default=0)


def centred_columns(table: TableSpec) -> set[int]:
    """Columns of short codes (TT, đơn vị tính) are centred; a column with any long text stays left."""
    texts: dict[int, list[str]] = {}
    for row in table.rows:
        for column, value in enumerate(row.cells):
            if isinstance(value, str) and value.strip():
                texts.setdefault(column, []).append(value.strip())
    return {column for column, values in texts.items() if max(len(v) for v in values) <= SHORT_CODE_CHARS}


def label_column(table: TableSpec) -> int:
    """The column that names each row (after TT): the first holding longer text; row levels indent it."""
    centred = centred_columns(table)
    for column in range(table.n_columns()):
        if column not in centred and any(isinstance(r.cells[column], str) and r.cells[column].strip()
                                         for r in table.rows if column < len(r.cells)):
            return column
    return 0
