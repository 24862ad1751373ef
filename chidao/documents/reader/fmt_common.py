"""What the file-format readers share: the error they raise and the warning shape."""

from __future__ import annotations

import re

MB = 1024 * 1024


class UnreadableDocument(Exception):
    """A file that cannot be read as a document, with the reason in Vietnamese (`vi`) and English (`en`).

    `code` is a short machine-readable reason ("empty_file", "no_text_layer", …). `str(exc)` is the English
    text.
    """

    def __init__(self, code: str, vi: str, en: str):
        super().__init__(en)
        self.code = code
        self.vi = vi
        self.en = en

    def __str__(self) -> str:
        return self.en

    def __repr__(self) -> str:
        return f"UnreadableDocument({self.code!r}, {self.en!r})"


def warning(code: str, vi: str, en: str) -> dict:
    """A warning in the parser's shape."""
    return {"code": code, "vi": vi, "en": en}


def fmt_mb(n: int) -> str:
    """Bytes as megabytes for a message: 20 MB, 0.5 MB, 1.2 MB."""
    value = n / MB
    if value >= 10 or value == int(value):
        return f"{value:.0f}"
    text = f"{value:.1f}" if value >= 0.1 else f"{value:.2g}"
    return text.rstrip("0").rstrip(".") if "." in text else text


# Lines of an administrative document's header or signature block, which Word and PDF lay out in two columns.
LAYOUT_MARKERS = re.compile(
    r"C[ỘộOo]NG\s+H[ÒOÀòoà]A|Độc\s+lập|Nơi\s+nhận|(?:^|\n)\s*Số\s*:|\b(?:TM|KT|TL|TUQ|Q)\.\s|ngày\s+\S+\s+tháng",
    re.IGNORECASE,
)
