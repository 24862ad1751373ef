"""Numbers typed as text, read the Vietnamese way (TCVN: dot or space groups thousands, comma marks decimals).

Accepted: "12", " 12 ", "1.234", "1 234", "1.234.567", "1,5", "1.234,5", "-3" (the sign is kept so the
negative check can say so). Refused, never guessed: "1.5" and "12.34" (a dot that does not group three
digits), "1,234.5" (English format), "12 cơ sở", "mười hai". "1,234" is 1,234 — one and a fraction — as in
any Vietnamese document; a whole-number cell then reports that it is not whole, showing how it was read.
"""
import re
import unicodedata
from decimal import Decimal

__all__ = ["parse_number_text", "clean_text", "trim", "DOT_HINT_VI", "DOT_HINT_EN"]

_SPACES = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u2009": " ", "\u2007": " ", "\u2212": "-"})
_INVISIBLE_CHARS = "\u200b\u200c\u200d\u2060\ufeff"
_INVISIBLE = dict.fromkeys(map(ord, _INVISIBLE_CHARS))
_NUMBER = re.compile(r"^(?P<sign>[+-]?)\s*"
                     r"(?P<whole>[0-9]+|[0-9]{1,3}(?P<sep>[. ])[0-9]{3}(?:(?P=sep)[0-9]{3})*)"
                     r"(?:,(?P<fraction>[0-9]+))?$")

DOT_HINT_VI = "dấu chấm chỉ dùng để phân cách hàng nghìn (1.234), phần thập phân viết sau dấu phẩy (1,5)"
DOT_HINT_EN = "a dot only separates thousands (1.234); decimals follow a comma (1,5)"


def clean_text(text: str) -> str:
    """NFC, invisible characters dropped, non-breaking spaces made plain, trimmed: "  " becomes ""."""
    return unicodedata.normalize("NFC", text).translate(_INVISIBLE).translate(_SPACES).strip()


def trim(text: str) -> str:
    """NFC, white space (any kind) and invisible characters removed from both ends only: prose is kept."""
    text = unicodedata.normalize("NFC", text)
    start, end = 0, len(text)
    while start < end and (text[start].isspace() or text[start] in _INVISIBLE_CHARS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in _INVISIBLE_CHARS):
        end -= 1
    return text[start:end]


def parse_number_text(text: str) -> Decimal | None:
    """The number a cleaned text means in Vietnamese notation, or None if it is not (unambiguously) one."""
    m = _NUMBER.match(text)
    if m is None:
        return None
    whole = m["whole"].replace(".", "").replace(" ", "")
    fraction = m["fraction"]
    value = Decimal(f"{whole}.{fraction}") if fraction else Decimal(int(whole))
    return -value if m["sign"] == "-" and value else value
