"""Read a document file (.txt/.md, .docx, .pdf) into Unicode text for the parser.

    read_file(path) -> ReadText        read_bytes(data, filename) -> ReadText

Both raise `UnreadableDocument` (with `code`, `vi`, `en`) for anything that is not a readable document —
empty,
too large, binary, a .doc, a damaged or zip-bomb .docx, an encrypted or scanned PDF — and nothing else: no
other
exception is meant to escape. Text comes back NFC-normalised with "\\n" line ends. Text typed in the legacy
TCVN3
(.VnTime) or VNI (VNI-Times) encodings, whole files or pasted into Unicode, is converted, with a
"legacy_encoding_converted" warning (see legacy.py).

The size limit is DEFAULT_MAX_BYTES (20 MB) unless the environment variable CHIDAO_MAX_DOCUMENT_BYTES says
otherwise (read at each call) or the caller passes `max_bytes`.
"""

from __future__ import annotations

import os
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from . import legacy
from .fmt_common import MB, UnreadableDocument, fmt_mb, warning
from .fmt_text import check_controls, decode_text, legacy_warning

DEFAULT_MAX_BYTES = 20 * MB
ENV_MAX_BYTES = "CHIDAO_MAX_DOCUMENT_BYTES"

TEXT_EXTENSIONS = (".txt", ".md")
ACCEPTED = ".txt, .md, .docx, .pdf"

__all__ = [
    "DEFAULT_MAX_BYTES",
    "ReadText",
    "UnreadableDocument",
    "max_document_bytes",
    "read_bytes",
    "read_file",
]


@dataclass
class ReadText:
    text: str  # NFC, "\n" line ends
    format: str  # "txt" | "docx" | "pdf"
    encoding: (
        str | None
    )  # the text file's encoding ("utf-8", "utf-16-le", "cp1258", "tcvn3", "vni", …); None else
    warnings: list[dict] = field(default_factory=list)  # {"code", "vi", "en"}


def max_document_bytes() -> int:
    """The size limit in force: CHIDAO_MAX_DOCUMENT_BYTES if it is a positive integer, else
    DEFAULT_MAX_BYTES."""
    raw = os.environ.get(ENV_MAX_BYTES, "").strip()
    try:
        value = int(raw)
    except ValueError:
        return DEFAULT_MAX_BYTES
    return value if value > 0 else DEFAULT_MAX_BYTES


def _too_large(size: int, limit: int) -> UnreadableDocument:
    return UnreadableDocument(
        "too_large",
        f"Tệp quá lớn ({fmt_mb(size)} MB); giới hạn là {fmt_mb(limit)} MB.",
        f"The file is too large ({fmt_mb(size)} MB); the limit is {fmt_mb(limit)} MB.",
    )


def _empty() -> UnreadableDocument:
    return UnreadableDocument("empty_file", "Tệp rỗng (0 byte).", "The file is empty (0 bytes).")


_MAGIC = {
    "pdf": ("PDF", "PDF"),
    "zip": ("tệp nén ZIP (có thể là .docx)", "a ZIP archive (perhaps a .docx)"),
    "ole": (
        "tệp Word cũ (.doc) hoặc tệp Office có mật khẩu",
        "an old Word .doc or a password-protected Office file",
    ),
    "rtf": ("RTF", "RTF"),
}


def _sniff(data: bytes) -> str | None:
    if b"%PDF" in data[:1024]:
        return "pdf"
    if data[:4] in (b"PK\x03\x04", b"PK\x05\x06", b"PK\x07\x08"):
        return "zip"
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        return "ole"
    if data[:5] == b"{\\rtf":
        return "rtf"
    return None


def _legacy_doc() -> UnreadableDocument:
    return UnreadableDocument(
        "legacy_doc",
        "Tệp Word cũ (.doc, Word 97–2003) chưa được hỗ trợ; hãy mở bằng Word và lưu lại thành .docx "
        "(Tệp › Lưu thành › Tài liệu Word).",
        "Old Word .doc files (Word 97–2003) are not supported; open it in Word and save it as .docx "
        "(File › Save As › Word Document).",
    )


def _wrong_content(ext: str, kind: str) -> UnreadableDocument:
    vi_kind, en_kind = _MAGIC[kind]
    return UnreadableDocument(
        "wrong_extension",
        f"Tệp có đuôi {ext} nhưng nội dung là {vi_kind}; hãy đổi đuôi tệp cho đúng.",
        f"The file is named {ext} but holds {en_kind}; give it the right extension.",
    )


def _read_text(data: bytes, ext: str) -> ReadText:
    kind = _sniff(data)
    if kind is not None:
        raise _wrong_content(ext, kind)
    text, encoding, warnings = decode_text(data)
    return ReadText(text, "txt", encoding, warnings)


def _read_docx(data: bytes, ext: str, max_bytes: int) -> ReadText:
    from .fmt_docx import docx_text

    kind = _sniff(data)
    if kind == "ole":
        raise UnreadableDocument(
            "docx_encrypted_or_doc",
            f"Tệp {ext} này thực ra là tệp Word cũ (.doc) hoặc đã được đặt mật khẩu; "
            "hãy mở bằng Word, bỏ mật khẩu nếu có và lưu lại thành .docx.",
            f"This {ext} file is really an old Word .doc or is password-protected; "
            "open it in Word, remove any password and save it as .docx.",
        )
    if kind != "zip":
        hint_vi = hint_en = ""
        if kind == "pdf":
            hint_vi, hint_en = (
                " — nội dung là PDF, hãy đổi đuôi thành .pdf",
                " — it holds a PDF: rename it .pdf",
            )
        elif kind == "rtf":
            hint_vi, hint_en = (
                " — nội dung là RTF, hãy lưu lại thành .docx",
                " — it holds RTF: save it as .docx",
            )
        elif b"\x00" not in data[:4096] and _looks_text(data[:4096]):
            hint_vi, hint_en = (
                " — nội dung là văn bản thuần, hãy đổi đuôi thành .txt",
                " — it holds plain text: rename it .txt",
            )
        raise UnreadableDocument(
            "not_docx",
            f"Tệp không phải tệp .docx hợp lệ (không phải gói ZIP của Word){hint_vi}.",
            f"Not a valid .docx file (not a Word ZIP package){hint_en}.",
        )
    text, warnings = docx_text(data, max_bytes)
    if ext != ".docx":
        warnings.insert(
            0,
            warning(
                "wrong_extension",
                f"Tệp có đuôi {ext} nhưng thực ra là .docx; đã đọc như .docx.",
                f"The file is named {ext} but is really a .docx; it was read as one.",
            ),
        )
    return ReadText(text, "docx", None, warnings)


def _looks_text(sample: bytes) -> bool:
    try:
        sample.decode("utf-8")
        return True
    except UnicodeDecodeError as e:
        return e.start > len(sample) - 4  # cut inside the last character


def _read_pdf(data: bytes) -> ReadText:
    from .fmt_pdf import pdf_text

    kind = _sniff(data)
    if kind != "pdf":
        hint_vi = hint_en = ""
        if kind in ("zip", "ole"):
            hint_vi, hint_en = f" — nội dung là {_MAGIC[kind][0]}", f" — it holds {_MAGIC[kind][1]}"
        raise UnreadableDocument(
            "not_pdf",
            f"Tệp không phải tệp PDF hợp lệ (thiếu phần đầu %PDF){hint_vi}.",
            f"Not a valid PDF file (no %PDF header){hint_en}.",
        )
    try:
        text, warnings = pdf_text(data)
    except UnreadableDocument:
        raise
    except Exception as e:  # pypdf on hostile input raises almost anything; pdf_text catches the usual
        raise UnreadableDocument(
            "pdf_corrupt",
            f"Tệp PDF bị hỏng, không đọc được ({type(e).__name__}).",
            f"The PDF file is damaged and cannot be read ({type(e).__name__}).",
        ) from None
    return ReadText(text, "pdf", None, warnings)


def _finish(result: ReadText) -> ReadText:
    """Common to all formats: line ends, NFC, control characters, legacy-font text inside Unicode,
    emptiness."""
    text = (
        result.text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    )
    text = text.replace("\f", "\n").replace("\v", "\n").replace("\ufeff", "")
    text = unicodedata.normalize("NFC", text)
    if result.format != "txt":
        try:
            text, w = check_controls(text)
        except UnreadableDocument:  # not a text file: just drop them
            text = "".join(c for c in text if c in "\t\n" or unicodedata.category(c) != "Cc")
            w = []
        result.warnings.extend(w)
    if result.encoding not in ("tcvn3", "vni"):
        guess = legacy.guess_legacy(text)
        if guess.encoding is not None:
            text, lines = legacy.convert_mixed(text, guess.encoding)
            if lines:
                text = unicodedata.normalize("NFC", text)
                result.warnings.append(legacy_warning(guess.encoding, lines))
    if not text.strip():
        raise UnreadableDocument(
            "no_text",
            "Tệp không có nội dung chữ nào.",
            "The file contains no text.",
        )
    result.text = text
    return result


def read_bytes(data: bytes, filename: str, *, max_bytes: int | None = None) -> ReadText:
    """Read a document from its bytes; `filename` gives the format by its extension (checked against the
    bytes)."""
    limit = max_document_bytes() if max_bytes is None else max_bytes
    if len(data) > limit:
        raise _too_large(len(data), limit)
    ext = Path(filename).suffix.lower()
    if not data:
        raise _empty()
    if ext in TEXT_EXTENSIONS:
        result = _read_text(data, ext)
    elif ext in (".docx", ".docm"):
        result = _read_docx(data, ext, limit)
    elif ext == ".pdf":
        result = _read_pdf(data)
    elif ext in (".doc", ".dot"):
        if _sniff(data) == "zip":
            result = _read_docx(data, ext, limit)
        else:
            raise _legacy_doc()
    else:
        shown = ext or "(không có đuôi)"
        shown_en = ext or "(no extension)"
        raise UnreadableDocument(
            "unsupported_format",
            f"Định dạng tệp {shown} không được hỗ trợ; chỉ nhận {ACCEPTED}.",
            f"Unsupported file type {shown_en}; accepted formats: {ACCEPTED}.",
        )
    return _finish(result)


def read_file(path: str | os.PathLike, *, max_bytes: int | None = None) -> ReadText:
    """Read a document file. Checks the size before reading and never reads more than the limit + 1 byte."""
    limit = max_document_bytes() if max_bytes is None else max_bytes
    p = Path(path)
    try:
        if p.is_dir():
            raise UnreadableDocument(
                "is_directory", "Đây là thư mục, không phải tệp.", "This is a directory, not a file."
            )
        size = p.stat().st_size
        if size > limit:
            raise _too_large(size, limit)
        with open(p, "rb") as f:
            data = f.read(limit + 1)
    except FileNotFoundError:
        raise UnreadableDocument("not_found", "Không tìm thấy tệp.", "File not found.") from None
    except IsADirectoryError:
        raise UnreadableDocument(
            "is_directory", "Đây là thư mục, không phải tệp.", "This is a directory, not a file."
        ) from None
    except PermissionError:
        raise UnreadableDocument(
            "permission_denied", "Không có quyền đọc tệp.", "Permission denied: cannot read the file."
        ) from None
    except OSError as e:
        reason = e.strerror or type(e).__name__
        raise UnreadableDocument(
            "unreadable_file", f"Không mở được tệp ({reason}).", f"Cannot open the file ({reason})."
        ) from None
    return read_bytes(data, p.name, max_bytes=limit)
