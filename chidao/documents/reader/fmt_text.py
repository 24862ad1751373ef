"""Plain-text files: find the encoding (BOMs, UTF-16 without BOM, UTF-8, Windows-1258, TCVN3, VNI)."""

from __future__ import annotations

import re
import unicodedata

from . import legacy
from .fmt_common import UnreadableDocument, warning

_BOMS = (
    (b"\xef\xbb\xbf", "utf-8-sig"),
    (b"\xff\xfe\x00\x00", "utf-32-le"),
    (b"\x00\x00\xfe\xff", "utf-32-be"),
    (b"\xff\xfe", "utf-16-le"),
    (b"\xfe\xff", "utf-16-be"),
)
# Unicode category Cc is exactly U+0000–U+001F and U+007F–U+009F; tab, line feed, VT, FF, CR are text.
_CONTROL_RE = re.compile("[\x00-\x08\x0e-\x1f\x7f-\x9f]")

LEGACY_NAMES = {
    "tcvn3": ("TCVN3 (ABC, phông .VnTime)", "TCVN3 (ABC, .VnTime fonts)"),
    "vni": ("VNI (phông VNI-Times)", "VNI (VNI-Times fonts)"),
}


def binary_error(detail_vi: str = "", detail_en: str = "") -> UnreadableDocument:
    return UnreadableDocument(
        "binary_file",
        "Tệp không phải văn bản thuần (chứa dữ liệu nhị phân"
        + (f": {detail_vi}" if detail_vi else "")
        + ").",
        "The file is not plain text (it holds binary data" + (f": {detail_en}" if detail_en else "") + ").",
    )


def legacy_warning(encoding: str, lines: int | None = None) -> dict:
    vi_name, en_name = LEGACY_NAMES[encoding]
    where_vi = f" ({lines} dòng)" if lines else ""
    where_en = f" ({lines} line{'s' if lines != 1 else ''})" if lines else ""
    vi = (
        f"Văn bản gõ bằng bảng mã cũ {vi_name}{where_vi} đã được chuyển sang Unicode; "
        "nên soát lại chữ có dấu."
    )
    en = (
        f"Text typed in the legacy {en_name} encoding{where_en} was converted to Unicode; "
        "check the accented letters."
    )
    if encoding == "tcvn3":
        vi += " Chữ hoa có dấu (phông .VnTimeH) có thể thành chữ thường."
        en += " Capitals with tone marks (.VnTimeH font) may come out lowercase."
    return warning("legacy_encoding_converted", vi, en)


def _sniff_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: many NULs at odd positions (LE) or at even positions (BE), none on the other
    side."""
    n = len(data) // 2
    if n < 2:
        return None
    even = data[0 : 2 * n : 2].count(0) / n
    odd = data[1 : 2 * n : 2].count(0) / n
    if odd >= 0.3 and even <= 0.02:
        return "utf-16-le"
    if even >= 0.3 and odd <= 0.02:
        return "utf-16-be"
    return None


def check_controls(text: str) -> tuple[str, list[dict]]:
    """Binary data shows as control characters: refuse the text if there are many, drop a stray few (with a
    warning)."""
    bad = _CONTROL_RE.findall(text)
    if not bad:
        return text, []
    if len(bad) >= 2 and len(bad) > 0.005 * len(text):
        raise binary_error(f"{len(bad)} ký tự điều khiển", f"{len(bad)} control characters")
    bad_set = set(bad)
    cleaned = "".join(c for c in text if c not in bad_set)
    return cleaned, [
        warning(
            "control_characters_removed",
            f"Đã bỏ {len(bad)} ký tự điều khiển lạ trong tệp.",
            f"Removed {len(bad)} stray control character(s) from the file.",
        )
    ]


def _utf8_mostly(data: bytes) -> str | None:
    """UTF-8 with a few broken bytes (a cut-off last character, one stray byte): decode with replacement."""
    text = data.decode("utf-8", errors="replace")
    broken = text.count("\ufffd") - data.decode("utf-8", errors="ignore").count("\ufffd")
    multibyte = sum(1 for c in text if ord(c) > 0x7F and c != "\ufffd")
    if multibyte >= 20 and broken <= max(1, multibyte // 200):
        return text
    return None


def decode_text(data: bytes) -> tuple[str, str, list[dict]]:
    """Decode the bytes of a text file. Returns (text, encoding, warnings); raises UnreadableDocument."""
    warnings: list[dict] = []
    encoding = None
    for bom, name in _BOMS:
        if data.startswith(bom):
            encoding = name
            data = data[len(bom) :] if not name.startswith("utf-8") else data
            break
    if encoding is None:
        encoding = _sniff_utf16(data)
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise binary_error(
                f"không giải mã được theo {encoding}", f"not decodable as {encoding}"
            ) from None
        text, w = check_controls(text)
        return text, encoding, warnings + w

    if b"\x00" in data:
        raise binary_error("có byte NUL", "NUL bytes")
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError:
        text = _utf8_mostly(data)
        if text is not None:
            encoding = "utf-8"
            warnings.append(
                warning(
                    "invalid_bytes_replaced",
                    "Tệp UTF-8 có vài byte lỗi; đã thay bằng ký tự �.",
                    "The UTF-8 file has a few invalid bytes; they were replaced with �.",
                )
            )
    if text is not None:
        text, w = check_controls(text)
        return text, encoding, warnings + w
    return _decode_8bit(data)


def _ratio(text: str) -> tuple[float, int]:
    valid, total = legacy.word_stats(text)
    return (valid / total if total else 0.0), total


def _decode_8bit(data: bytes) -> tuple[str, str, list[dict]]:
    """Not UTF-8: Windows-1258, TCVN3 or VNI — whichever reads as Vietnamese syllables."""
    view = legacy.bytes_view(data)
    view, _ = check_controls(view)  # random bytes stop here
    candidates: dict[str, str] = {}
    try:
        candidates["cp1258"] = unicodedata.normalize("NFC", data.decode("cp1258"))
    except UnicodeDecodeError:
        pass
    candidates["tcvn3"] = legacy.tcvn3_to_unicode(view, restore_caps=True)
    candidates["vni"] = legacy.vni_to_unicode(view)
    scores = {name: _ratio(text) for name, text in candidates.items()}
    base_ratio = scores["cp1258"][0] if "cp1258" in scores else 0.0
    best = max(
        (name for name in ("tcvn3", "vni") if scores[name][1] >= legacy.MIN_WORDS),
        key=lambda name: scores[name][0],
        default=None,
    )
    if (
        best is not None
        and scores[best][0] >= legacy.MIN_CONFIDENCE
        and scores[best][0] - base_ratio >= legacy.MIN_GAIN
    ):
        text, _ = check_controls(candidates[best])
        return text, best, [legacy_warning(best)]
    if (
        "cp1258" in candidates
        and base_ratio >= legacy.MIN_CONFIDENCE
        and scores["cp1258"][1] >= legacy.MIN_WORDS
    ):
        text, w = check_controls(candidates["cp1258"])
        return text, "cp1258", w
    # Undecidable: Windows-1258 if it decodes, else the Windows-1252 view; say so.
    if "cp1258" in candidates:
        text, encoding = candidates["cp1258"], "cp1258"
    else:
        text, encoding = view, "cp1252"
    text, w = check_controls(text)
    return (
        text,
        encoding,
        w
        + [
            warning(
                "encoding_uncertain",
                f"Không xác định chắc chắn bảng mã của tệp (không phải UTF-8); đã đọc theo {encoding} — "
                "chữ có dấu có thể sai. Nên lưu tệp lại dạng UTF-8.",
                f"Could not tell the file's encoding for sure (it is not UTF-8); read it as {encoding} — "
                "accented letters may be wrong. Save the file as UTF-8.",
            )
        ],
    )
