"""Workbook-level defined names for every input cell: the reader finds values by them, not coordinates."""
import re
import unicodedata

__all__ = ["sanitize", "value_name", "narrative_name", "META_NAMES", "parse_reference", "quote_sheet"]

META_NAMES = {"form": "meta_form", "version": "meta_version", "agency": "meta_agency",
              "period": "meta_period"}

_NOT_NAME = re.compile(r"[^A-Za-z0-9_]+")
_REFERENCE = re.compile(r"^=?(?:'(?P<quoted>(?:[^']|'')+)'|(?P<plain>[^'!:]+))!"
                        r"\$?(?P<col>[A-Za-z]{1,3})\$?(?P<row>[0-9]{1,7})"
                        r"(?::\$?(?P<col2>[A-Za-z]{1,3})\$?(?P<row2>[0-9]{1,7}))?$")


def sanitize(code: str) -> str:
    """Codes become ASCII name parts (Excel names differ by case only in display): 'cs-tổng' -> 'cs_tong'."""
    decomposed = unicodedata.normalize("NFD", code.replace("đ", "d").replace("Đ", "D"))
    ascii_only = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return _NOT_NAME.sub("_", ascii_only).strip("_").lower() or "_"


def value_name(indicator_code: str, column_code: str) -> str:
    """The defined name of one indicator × column cell."""
    return f"v_{sanitize(indicator_code)}__{sanitize(column_code)}"


def narrative_name(code: str) -> str:
    """The defined name of one narrative cell."""
    return f"n_{sanitize(code)}"


def quote_sheet(title: str) -> str:
    """A sheet title as it must appear in a reference: always quoted, quotes doubled."""
    return "'" + title.replace("'", "''") + "'"


def parse_reference(text: str) -> tuple[str, str] | None:
    """(sheet, "D7") for a reference to one cell ("'Số liệu'!$D$7", "'Số liệu'!$D$7:$D$7"), else None."""
    m = _REFERENCE.match(text.strip())
    if m is None:
        return None
    col, row = m["col"].upper(), m["row"]
    if m["col2"] is not None and (m["col2"].upper(), m["row2"]) != (col, row):
        return None
    sheet = m["quoted"].replace("''", "'") if m["quoted"] is not None else m["plain"]
    return sheet, f"{col}{int(row)}"
