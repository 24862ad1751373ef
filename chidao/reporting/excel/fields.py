"""Step 2 of reading an upload: raw named cells -> typed fields (Decimal numbers, NFC text) for the checks."""
import datetime as dt
import math
import re
from dataclasses import dataclass
from decimal import Decimal
from typing import Literal

from .intake import Intake, RawCell
from .names import META_NAMES, narrative_name, value_name
from .numtext import clean_text, parse_number_text, trim
from .spec import FormSpec, IndicatorRow, NarrativeField

__all__ = ["NumberField", "TextField", "Missing", "Fields", "to_fields"]

_ENGLISH_THOUSANDS = re.compile(r"[0-9]{1,3},[0-9]{3}")
# XML cannot hold most control characters, so xlsx files store them as _xHHHH_; openpyxl leaves those as they
# are (only the escaped escape, _x005F_, is undone), so a literal "_x0007_" typed as text cannot be told apart
# and is taken as the control character too.
_ESCAPED_CONTROL = re.compile(r"_x(00[01][0-9A-Fa-f])_")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")

Kind = Literal["empty", "number", "text", "error", "bool", "date"]


@dataclass(frozen=True)
class NumberField:
    """One value cell: what was found there and, when it reads as a number, that number."""

    key: tuple[str, str]
    indicator: IndicatorRow
    sheet: str
    cell: str
    kind: Kind
    found: str                  # the content as a user would recognise it in a message
    number: Decimal | None
    from_text: bool = False     # typed as text ("1.234") rather than stored as a number
    english_thousands: bool = False  # "1,234": read as 1,234 (a fraction); the message explains why


@dataclass(frozen=True)
class TextField:
    """One narrative cell: NFC, trimmed, line ends as \\n, control characters dropped; nothing else changed."""

    narrative: NarrativeField
    sheet: str
    cell: str
    text: str
    error: bool                 # a formula error (#REF!) where text was expected


@dataclass(frozen=True)
class Missing:
    """A defined name the form needs that the workbook lacks or that no longer points at one cell."""

    name: str
    what: str                   # "<indicator label> – <column label>", or the narrative label
    sheet: str                  # where a fresh template has it
    cell: str
    reference: str | None       # the broken reference text, None when the name is gone


@dataclass(frozen=True)
class Fields:
    """The intermediate form the checks run on."""

    meta: dict[str, str | None]             # "form", "version", "agency", "period" -> text, None if missing
    numbers: list[NumberField]
    texts: list[TextField]
    missing: list[Missing]


def wanted_names(spec: FormSpec) -> list[str]:
    """Every defined name the reader looks up for this form."""
    return ([*META_NAMES.values()] + [value_name(*key) for key in spec.value_keys()]
            + [narrative_name(n.code) for n in spec.narratives])


def to_fields(intake: Intake, spec: FormSpec) -> Fields:
    """Typed fields for every name of the form; names that are gone or broken become Missing."""
    meta = {key: _meta_text(intake.cells.get(name)) for key, name in META_NAMES.items()}
    numbers: list[NumberField] = []
    texts: list[TextField] = []
    missing: list[Missing] = []
    for row in spec.rows:
        for column in row.columns:
            name = value_name(row.code, column.code)
            raw = intake.cells.get(name.lower())
            if raw is None:
                sheet, cell = spec.cell_of(row.code, column.code)
                missing.append(Missing(name, f"{row.label} – {column.label}", sheet, cell,
                                       intake.broken.get(name.lower())))
            else:
                numbers.append(_number(raw, (row.code, column.code), row))
    for narrative in spec.narratives:
        name = narrative_name(narrative.code)
        raw = intake.cells.get(name.lower())
        if raw is None:
            sheet, cell = spec.narrative_cell_of(narrative.code)
            missing.append(Missing(name, narrative.label, sheet, cell, intake.broken.get(name.lower())))
        else:
            texts.append(TextField(narrative, raw.sheet, raw.cell, _text(raw.value), raw.error))
    return Fields(meta, numbers, texts, missing)


def _meta_text(raw: RawCell | None) -> str | None:
    """Meta values as text: 2 and 2.0 both read "2"."""
    if raw is None or raw.value is None or raw.error:
        return None
    value = raw.value
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return clean_text(str(value))


def _text(value: object) -> str:
    """A narrative's text: numbers typed alone become text; line ends become \\n; control characters go."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = _CONTROL.sub(_control, _ESCAPED_CONTROL.sub(lambda m: chr(int(m[1], 16)), str(value)))
    return trim(text.replace("\r\n", "\n").replace("\r", "\n"))


def _control(m: re.Match[str]) -> str:
    """Word's line break (vertical tab) and CR/LF become line ends, tab stays, other control characters go."""
    return {"\t": "\t", "\n": "\n", "\r": "\r", "\x0b": "\n", "\x0c": "\n"}.get(m[0], "")


def excel_number(value: int | float) -> Decimal | None:
    """A stored number as Excel shows it: at most 15 significant digits (Excel keeps no more)."""
    if isinstance(value, int):
        return Decimal(value)
    if not math.isfinite(value):
        return None
    number = Decimal(format(value, ".15g"))
    return Decimal(int(number)) if number == number.to_integral_value() else number


def _number(raw: RawCell, key: tuple[str, str], row: IndicatorRow) -> NumberField:
    """Classify one value cell."""
    value = raw.value

    def field(kind: Kind, found: str, number: Decimal | None = None, **flags: bool) -> NumberField:
        return NumberField(key, row, raw.sheet, raw.cell, kind, found, number, **flags)

    if raw.error:
        return field("error", str(value))
    if value is None:
        return field("empty", "")
    if isinstance(value, bool):
        return field("bool", "TRUE" if value else "FALSE")
    if isinstance(value, dt.datetime | dt.date | dt.time | dt.timedelta):
        return field("date", _date_text(value))
    if isinstance(value, int | float):
        number = excel_number(value)
        return field("number", str(value), number) if number is not None else field("text", str(value))
    text = clean_text(str(value))
    if not text:
        return field("empty", "")
    number = parse_number_text(text)
    if number is None:
        return field("text", text)
    return field("number", text, number, from_text=True,
                 english_thousands=_ENGLISH_THOUSANDS.fullmatch(text) is not None)


def _date_text(value: object) -> str:
    """A date the way a Vietnamese user typed it (Excel turned "1/5" into a date)."""
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d/%m/%Y")
    return str(value)
