"""Legacy 8-bit Vietnamese encodings: TCVN3 (ABC) and VNI-Windows.

Before Unicode, Vietnamese offices typed with font-based encodings: the bytes of a document are ordinary
Windows
bytes, and only the font (.VnTime for TCVN3, VNI-Times for VNI) draws them as Vietnamese letters. Read as
Windows-1252/Latin-1 such text decodes "successfully" but shows mojibake ("Uû ban nh©n d©n", "UÛy ban nhaân
daân").
The same mojibake turns up inside Unicode files when text is pasted out of a .VnTime/VNI-Times document.

Everything here works on *str*: a legacy text is a string whose characters stand for the bytes
(U+0000–U+00FF, with
0x80–0x9F as their Windows-1252 characters: smart quotes and dashes typed in those fonts are Windows-1252
symbols).
`bytes_view(data)` turns raw bytes into that string.

Tables (cross-checked against UniKey's VnConv tables, the vietnamese-conversion project and the TCVN 5712
VN1 test
vectors of the Mozilla converters; see tests/reader/test_legacy.py for spot checks):

* TCVN3 = TCVN 5712:1993 "VN3": one byte per letter. All 67 lowercase precomposed letters have a code; of the
  capitals only the seven base letters Ă Â Ê Ô Ơ Ư Đ do. Toned capitals (Ấ, Ở, …) have no code in VN3:
  documents
  show them by switching to the .VnTimeH font, which draws the *lowercase* codes as capitals. So
  `unicode_to_tcvn3` writes a toned capital as its lowercase code, and `tcvn3_to_unicode` gives it back
  lowercase:
  the round trip is exact except for the case of toned capitals. `tcvn3_to_unicode(s, restore_caps=True)`
  guesses
  them back for lines typed all in capitals (see `_restore_caps_line`).
* VNI-Windows: a letter is its base letter followed by a modifier byte (e.g. "ế" = "e" + "á", "Ệ" = "E" +
"Ä"); ơ ư
  đ and the i-letters and ỵ are single bytes. Capitals use the capital forms of the modifiers.
"""

from __future__ import annotations

import collections
import functools
import re
import unicodedata
from dataclasses import dataclass

# Tone marks in the order used by every table below: none, sắc (acute), huyền (grave), hỏi (hook), ngã
# (tilde),
# nặng (dot below).
_TONE_MARKS = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
_VOWELS = ("a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y")


def _letter(vowel: str, tone: int) -> str:
    return unicodedata.normalize("NFC", vowel + _TONE_MARKS[tone])


# ----------------------------------------------------------------------------------------------------
# TCVN3 (VN3): byte codes of the lowercase letters, per vowel in tone order; None = the ASCII letter itself.
_TCVN3_CODES: dict[str, tuple[int | None, int, int, int, int, int]] = {
    "a": (None, 0xB8, 0xB5, 0xB6, 0xB7, 0xB9),
    "ă": (0xA8, 0xBE, 0xBB, 0xBC, 0xBD, 0xC6),
    "â": (0xA9, 0xCA, 0xC7, 0xC8, 0xC9, 0xCB),
    "e": (None, 0xD0, 0xCC, 0xCE, 0xCF, 0xD1),
    "ê": (0xAA, 0xD5, 0xD2, 0xD3, 0xD4, 0xD6),
    "i": (None, 0xDD, 0xD7, 0xD8, 0xDC, 0xDE),
    "o": (None, 0xE3, 0xDF, 0xE1, 0xE2, 0xE4),
    "ô": (0xAB, 0xE8, 0xE5, 0xE6, 0xE7, 0xE9),
    "ơ": (0xAC, 0xED, 0xEA, 0xEB, 0xEC, 0xEE),
    "u": (None, 0xF3, 0xEF, 0xF1, 0xF2, 0xF4),
    "ư": (0xAD, 0xF8, 0xF5, 0xF6, 0xF7, 0xF9),
    "y": (None, 0xFD, 0xFA, 0xFB, 0xFC, 0xFE),
}
_TCVN3_OTHER = {"đ": 0xAE, "Ă": 0xA1, "Â": 0xA2, "Ê": 0xA3, "Ô": 0xA4, "Ơ": 0xA5, "Ư": 0xA6, "Đ": 0xA7}

UNICODE_TO_TCVN3: dict[str, str] = {}
for _v, _codes in _TCVN3_CODES.items():
    for _t, _code in enumerate(_codes):
        if _code is not None:
            UNICODE_TO_TCVN3[_letter(_v, _t)] = chr(_code)
for _ch, _code in _TCVN3_OTHER.items():
    UNICODE_TO_TCVN3[_ch] = chr(_code)
TCVN3_TO_UNICODE: dict[str, str] = {v: k for k, v in UNICODE_TO_TCVN3.items()}
# Toned capitals (and the capitals of base letters missing above) are written with the lowercase code.
for _v, _codes in _TCVN3_CODES.items():
    for _t, _code in enumerate(_codes):
        _up = _letter(_v, _t).upper()
        if _code is not None and _up not in UNICODE_TO_TCVN3:
            UNICODE_TO_TCVN3[_up] = chr(_code)
assert len(TCVN3_TO_UNICODE) == 67 + 7  # 67 lowercase letters + 7 base capitals

_TCVN3_DECODE_TABLE = {ord(k): v for k, v in TCVN3_TO_UNICODE.items()}
_TCVN3_ENCODE_TABLE = {ord(k): v for k, v in UNICODE_TO_TCVN3.items()}
# Lowercase codes only (the 7 base capitals are excluded): used to guess capitals back.
_TCVN3_LOWER_CODES = frozenset(k for k, v in TCVN3_TO_UNICODE.items() if v.islower())
_TCVN3_CAPITAL_CODES = frozenset(k for k, v in TCVN3_TO_UNICODE.items() if v.isupper())

# ----------------------------------------------------------------------------------------------------
# VNI-Windows: lowercase modifiers; a capital letter uses the capital (code - 0x20) of each modifier.
_VNI_TONE = ("", "ù", "ø", "û", "õ", "ï")  # after a e o u y ơ ư
_VNI_CIRCUMFLEX = ("â", "á", "à", "å", "ã", "ä")  # â ê ô: base letter + these
_VNI_BREVE = ("ê", "é", "è", "ú", "ü", "ë")  # ă: "a" + these
_VNI_I = ("i", "í", "ì", "æ", "ó", "ò")  # i-letters are single bytes
_VNI_HORN = {"ơ": "ô", "ư": "ö"}  # single bytes, then a tone modifier
_VNI_Y_DOT = "î"  # ỵ is a single byte


def _vni_upper(s: str) -> str:
    # Latin-1 lowercase letters 0xE0–0xFE sit exactly 0x20 above their capitals.
    return "".join(
        chr(ord(c) - 0x20) if "\u00e0" <= c <= "\u00fe" and c != "\u00f7" else c.upper() for c in s
    )


UNICODE_TO_VNI: dict[str, str] = {"đ": "ñ", "Đ": "Ñ"}
for _v in _VOWELS:
    for _t in range(6):
        if _v in "aeouy":
            _seq = _v + _VNI_TONE[_t]
            if _v == "y" and _t == 5:
                _seq = _VNI_Y_DOT
        elif _v in "âêô":
            _seq = _v.replace("â", "a").replace("ê", "e").replace("ô", "o") + _VNI_CIRCUMFLEX[_t]
        elif _v == "ă":
            _seq = "a" + _VNI_BREVE[_t]
        elif _v == "i":
            _seq = _VNI_I[_t]
        else:  # ơ ư
            _seq = _VNI_HORN[_v] + _VNI_TONE[_t]
        _lo = _letter(_v, _t)
        if _lo in "aeiouy":
            continue  # plain ASCII vowels stay as they are
        UNICODE_TO_VNI[_lo] = _seq
        UNICODE_TO_VNI[_lo.upper()] = _vni_upper(_seq)
assert len(UNICODE_TO_VNI) == 134

VNI_TO_UNICODE: dict[str, str] = {v: k for k, v in UNICODE_TO_VNI.items()}
assert len(VNI_TO_UNICODE) == 134


# Lenient decoding: a modifier of the other case after a base letter (caps-lock typing) still combines, the
# letter taking the case of its base.
def _swapcase_latin1(c: str) -> str:
    return chr(ord(c) + 0x20) if "\u00c0" <= c <= "\u00de" else chr(ord(c) - 0x20)


for _seq, _ch in list(VNI_TO_UNICODE.items()):
    if len(_seq) == 2:
        VNI_TO_UNICODE.setdefault(_seq[0] + _swapcase_latin1(_seq[1]), _ch)

_VNI_RE = re.compile(
    "|".join(re.escape(k) for k in sorted(VNI_TO_UNICODE, key=len, reverse=True)),
)
_VNI_ENCODE_TABLE = {ord(k): v for k, v in UNICODE_TO_VNI.items()}

# ----------------------------------------------------------------------------------------------------
# Windows-1252 view of bytes: what a legacy file "is" as characters.
_CP1252_HIGH = {}
for _b in range(0x80, 0xA0):
    try:
        _CP1252_HIGH[_b] = bytes([_b]).decode("cp1252")
    except UnicodeDecodeError:  # 0x81 0x8D 0x8F 0x90 0x9D are unassigned: keep them as C1 controls
        pass


def bytes_view(data: bytes) -> str:
    """Bytes as the characters a legacy font document holds (Latin-1, with 0x80–0x9F as Windows-1252)."""
    return data.decode("latin-1").translate(_CP1252_HIGH)


def tcvn3_to_unicode(s: str, *, restore_caps: bool = False) -> str:
    """Convert TCVN3 text (as characters, see `bytes_view`) to Unicode NFC.

    Characters outside the TCVN3 letter codes are left as they are. Toned capitals come back lowercase (VN3
    has no
    code for them) unless `restore_caps` asks to guess them back for lines typed in capitals.
    """
    if not restore_caps:
        return s.translate(_TCVN3_DECODE_TABLE)
    return "".join(_restore_caps_line(line) for line in s.splitlines(keepends=True))


_ASCII_WORD_RE = re.compile(r"[^\s]+")


def _restore_caps_line(line: str) -> str:
    """Convert one TCVN3 line; if it was typed in capitals, give the toned letters their capitals.

    The guess: the line has no ASCII lowercase letter, and the words that hold TCVN3 letter codes hold at
    least two
    capitals between them (ASCII capitals or the capital codes ¡ ¢ £ ¤ ¥ ¦ §): "TØNH LAI CH¢U", "ñY BAN
    NH¢N D¢N"
    are capitals, while "Sè: 879/UBND-VX" stays "Số". Text typed in the .VnTimeH font with lowercase keys
    has no
    case left in it at all: it stays lowercase.
    """
    converted = line.translate(_TCVN3_DECODE_TABLE)
    if not any(c in _TCVN3_LOWER_CODES for c in line) or any("a" <= c <= "z" for c in line):
        return converted
    capitals = sum(
        sum("A" <= c <= "Z" or c in _TCVN3_CAPITAL_CODES for c in word)
        for word in _ASCII_WORD_RE.findall(line)
        if any(c in TCVN3_TO_UNICODE for c in word)
    )
    if capitals < 2:
        return converted
    return "".join(
        TCVN3_TO_UNICODE[c].upper() if c in _TCVN3_LOWER_CODES else converted[i] for i, c in enumerate(line)
    )


def unicode_to_tcvn3(s: str) -> str:
    """Unicode → TCVN3 characters (encode with `.encode("cp1252")` for bytes). Toned capitals become
    lowercase codes.

    The input is taken to NFC first; characters TCVN3 cannot show are left as they are.
    """
    return unicodedata.normalize("NFC", s).translate(_TCVN3_ENCODE_TABLE)


def vni_to_unicode(s: str) -> str:
    """Convert VNI-Windows text (as characters, see `bytes_view`) to Unicode NFC."""
    return _VNI_RE.sub(lambda m: VNI_TO_UNICODE[m.group(0)], s)


def unicode_to_vni(s: str) -> str:
    """Unicode → VNI-Windows characters (encode with `.encode("cp1252")` for bytes)."""
    return unicodedata.normalize("NFC", s).translate(_VNI_ENCODE_TABLE)


# ----------------------------------------------------------------------------------------------------
# Detection by character statistics: convert, then count how many words are Vietnamese syllables before and
# after.

_TONE_SET = frozenset(_TONE_MARKS[1:])
_SYLLABLE_RE = re.compile(
    r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|th|tr|qu|[bcdđghklmnprstvx])?"
    r"(?:[aăâeêioôơuưy]{1,3})"
    r"(?:ch|ng|nh|[cmnpt])?"
)
# A "word" for the statistics: letters, plus the Latin-1 symbols that TCVN3 uses as letters (¸ µ © ª « ¬ ­
# ® …).
_TOKEN_RE = re.compile(r"[A-Za-z\u00a1-\u00ff\u0100-\u024f\u0300-\u036f\u1e00-\u1eff]+")


def is_vietnamese_syllable(word: str) -> bool:
    """Whether `word` spells one Vietnamese syllable (onset, vowels, coda, at most one tone mark)."""
    return _is_syllable(word.lower())


@functools.lru_cache(maxsize=1 << 16)  # a text's vocabulary is small: the check runs once per distinct word
def _is_syllable(word: str) -> bool:
    d = unicodedata.normalize("NFD", word)
    if sum(c in _TONE_SET for c in d) > 1:
        return False
    base = unicodedata.normalize("NFC", "".join(c for c in d if c not in _TONE_SET))
    return _SYLLABLE_RE.fullmatch(base) is not None


def word_stats(s: str) -> tuple[int, int]:
    """(Vietnamese syllables, words) among the words that hold a non-ASCII character."""
    counts = collections.Counter(tok for tok in _TOKEN_RE.findall(s) if not tok.isascii())
    valid = sum(n for tok, n in counts.items() if is_vietnamese_syllable(tok))
    return valid, sum(counts.values())


@dataclass
class LegacyGuess:
    encoding: str | None  # "tcvn3", "vni" or None
    confidence: float  # share of non-ASCII words that are Vietnamese syllables after conversion
    before: float  # the same share before conversion
    words: int  # non-ASCII words looked at


MIN_WORDS = 3  # fewer non-ASCII words than this: no evidence, no guess
MIN_CONFIDENCE = 0.8
MIN_GAIN = 0.25

CONVERTERS = {"tcvn3": tcvn3_to_unicode, "vni": vni_to_unicode}


def guess_legacy(s: str) -> LegacyGuess:
    """Guess whether `s` is TCVN3 or VNI mojibake, with the evidence."""
    v0, n0 = word_stats(s)
    before = v0 / n0 if n0 else 1.0
    best = LegacyGuess(None, before, before, n0)
    if n0 < MIN_WORDS:
        return best
    for name, fn in CONVERTERS.items():
        v, n = word_stats(fn(s))
        if n < MIN_WORDS:
            continue
        conf = v / n
        if (
            conf >= MIN_CONFIDENCE
            and conf - before >= MIN_GAIN
            and (best.encoding is None or conf > best.confidence)
        ):
            best = LegacyGuess(name, conf, before, n0)
    return best


def detect_legacy(s: str) -> str | None:
    """ "tcvn3" or "vni" when `s` reads as Vietnamese only once converted from that encoding, else None."""
    return guess_legacy(s).encoding


def convert_mixed(s: str, encoding: str, *, restore_caps: bool = True) -> tuple[str, int]:
    """Convert, line by line, only the lines of `s` that read better converted from `encoding`.

    For Unicode text in which some lines were pasted from a legacy-font document. Returns (text, lines
    converted).
    """
    fn = CONVERTERS[encoding]
    out: list[str] = []
    changed = 0
    for line in s.splitlines(keepends=True):
        if line.isascii():
            out.append(line)
            continue
        conv = fn(line, restore_caps=restore_caps) if encoding == "tcvn3" else fn(line)
        v0, n0 = word_stats(line)
        v1, n1 = word_stats(conv)
        r0 = v0 / n0 if n0 else 1.0
        r1 = v1 / n1 if n1 else 1.0
        if conv != line and r1 > r0:
            out.append(conv)
            changed += 1
        else:
            out.append(line)
    return "".join(out), changed


__all__ = [
    "LegacyGuess",
    "bytes_view",
    "convert_mixed",
    "detect_legacy",
    "guess_legacy",
    "is_vietnamese_syllable",
    "tcvn3_to_unicode",
    "unicode_to_tcvn3",
    "unicode_to_vni",
    "vni_to_unicode",
    "word_stats",
]
