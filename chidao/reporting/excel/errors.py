"""CellError: one problem in an uploaded workbook, anchored to its sheet and cell, in Vietnamese, English."""
from dataclasses import dataclass
from decimal import Decimal

__all__ = ["CellError", "at", "file_error", "number_vi", "number_en", "quoted"]


@dataclass(frozen=True)
class CellError:
    """`sheet` and `cell` are "" for problems with the whole file; vi/en already start with "Sheet!Cell: "."""

    sheet: str
    cell: str
    code: str
    vi: str
    en: str

    def __str__(self) -> str:
        return self.vi


def at(sheet: str, cell: str, code: str, vi: str, en: str) -> CellError:
    """An error in one cell; the messages are prefixed with where it is, as users read them in a list."""
    return CellError(sheet, cell, code, f"{sheet}!{cell}: {vi}", f"{sheet}!{cell}: {en}")


def file_error(code: str, vi: str, en: str) -> CellError:
    """An error about the file as a whole (not an .xlsx, another form, an old version)."""
    return CellError("", "", code, vi, en)


def _grouped(value: Decimal, thousands: str, point: str) -> str:
    sign = "-" if value < 0 else ""
    text = format(abs(value), "f")
    whole, _, fraction = text.partition(".")
    groups: list[str] = []
    while len(whole) > 3:
        whole, groups = whole[:-3], [whole[-3:], *groups]
    body = thousands.join([whole, *groups])
    return sign + body + (point + fraction if fraction else "")


def number_vi(value: Decimal | int) -> str:
    """1234567.5 -> '1.234.567,5' (Vietnamese: dot for thousands, comma for decimals)."""
    return _grouped(Decimal(value), ".", ",")


def number_en(value: Decimal | int) -> str:
    """1234567.5 -> '1,234,567.5'."""
    return _grouped(Decimal(value), ",", ".")


def quoted(text: str, limit: int = 40) -> str:
    """Text as found, quoted and shortened so one message stays one line."""
    one_line = " ".join(text.split())
    if len(one_line) > limit:
        one_line = one_line[: limit - 1] + "…"
    return f'"{one_line}"'
