"""Small Vietnamese text helpers (pure Python, stdlib only).

    nfc(text)         Unicode NFC, the form every stored or compared string should be in.
    fold_tones(text)  NFC, with the old tone placement on open "oa", "oe", "uy" moved to the new one (hoá -> hóa).
    fold(text)        a search key: NFC, casefolded, without diacritics, đ -> d, white space collapsed.

`fold_tones` keeps the length of an NFC string, so offsets found in its output are offsets in its input.
"""
import re
import unicodedata

__all__ = ["nfc", "fold_tones", "fold"]

_TONES = "\u0300\u0301\u0303\u0309\u0323"  # grave, acute, tilde, hook above, dot below


def nfc(text: str) -> str:
    """Return `text` in Unicode NFC (composed) form."""
    return unicodedata.normalize("NFC", text)


def _tone_table() -> dict:
    """'oá' -> 'óa', 'uỷ' -> 'ủy', ... for every case combination and the five tones."""
    table = {}
    for first, second in (("o", "a"), ("o", "e"), ("u", "y")):
        for f in (first, first.upper()):
            for s in (second, second.upper()):
                for tone in _TONES:
                    old = f + unicodedata.normalize("NFC", s + tone)
                    new = unicodedata.normalize("NFC", f + tone) + s
                    table[old] = new
    return table


_TONE_MOVES = _tone_table()
# The pair must end the syllable (no letter after it: "hoàn", "thuyền" are not touched) and "qu" is a
# consonant ("quý" keeps its mark on y in both styles).
_SECOND = "".join(sorted({pair[1] for pair in _TONE_MOVES}))
_O_SECOND = "".join(c for c in _SECOND if c.lower() not in "ýỳỷỹỵ")
_U_SECOND = "".join(c for c in _SECOND if c.lower() in "ýỳỷỹỵ")
_TONE_RE = re.compile(f"([oO][{_O_SECOND}]|[uU](?<![qQ][uU])[{_U_SECOND}])(?![^\\W\\d_])")


def fold_tones(text: str) -> str:
    """Return NFC `text` with old-style tone marks moved to the new style (hoá -> hóa, thuỷ -> thủy)."""
    return _TONE_RE.sub(lambda m: _TONE_MOVES[m.group(1)], nfc(text))


_SPACES = re.compile(r"\s+")


_MARK_RANGES = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
_MARKS = re.compile(f"[{_MARK_RANGES}]+")
_NEITHER_ASCII_NOR_MARK = re.compile(f"[^\x00-\x7f{_MARK_RANGES}]")


def fold(text: str) -> str:
    """Return a search key: NFC, casefolded, diacritics stripped, Đ/đ -> d, white space collapsed and trimmed."""
    decomposed = unicodedata.normalize("NFD", text.casefold()).replace("đ", "d")
    if _NEITHER_ASCII_NOR_MARK.search(decomposed) is None:
        # Vietnamese text decomposes to ASCII and marks: dropping what is not ASCII drops the marks, faster
        # than removing each run of marks with a regex
        stripped = decomposed.encode("ascii", "ignore").decode("ascii")
    else:
        stripped = _MARKS.sub("", decomposed)
    return " ".join(stripped.split())
