""".pdf files: the text layer through pypdf, page by page; scans (no text layer) and encrypted files
refused."""

from __future__ import annotations

import contextlib
import io
import logging
import re
import warnings as pywarnings

from .fmt_common import LAYOUT_MARKERS, UnreadableDocument, warning

MAX_PAGES = 500
MIN_CHARS_PER_PAGE = 16  # letters/digits a page with a real text layer has at the very least
EXTRACTION_MODE = (
    "layout"  # keeps the header's two columns apart on each line; see tests/reader/test_files_pdf.py
)
COLUMN_GAP = 4  # spaces between two columns in layout mode


class _Collect(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


@contextlib.contextmanager
def _quiet_pypdf():
    """pypdf reports repairable damage through `logging` and `warnings`; collect both instead of letting
    them reach
    stderr (the CLI promises one line per failed file) or turn into errors (the tests run with warnings as
    errors).
    What was collected becomes one "pdf_irregular" warning. (catch_warnings is process-wide: fine for the
    CLI and the
    tests; a threaded server calling this concurrently may lose or misattribute such notices, never the
    text.)"""
    logger = logging.getLogger("pypdf")
    handler = _Collect()
    old_propagate = logger.propagate
    logger.addHandler(handler)
    logger.propagate = False
    try:
        with pywarnings.catch_warnings(record=True) as caught:
            pywarnings.simplefilter("always")
            yield handler.records, caught
    finally:
        logger.removeHandler(handler)
        logger.propagate = old_propagate


def _corrupt(detail: str) -> UnreadableDocument:
    return UnreadableDocument(
        "pdf_corrupt",
        f"Tệp PDF bị hỏng, không đọc được ({detail}).",
        f"The PDF file is damaged and cannot be read ({detail}).",
    )


def _encrypted(detail_vi: str = "", detail_en: str = "") -> UnreadableDocument:
    return UnreadableDocument(
        "pdf_encrypted",
        "Tệp PDF được đặt mật khẩu (mã hóa)" + detail_vi + "; hãy gỡ mật khẩu rồi tải lên lại.",
        "The PDF file is password-protected (encrypted)" + detail_en + "; remove the password and try again.",
    )


def _alnum(text: str) -> int:
    return sum(c.isalnum() for c in text)


_GAP_RE = re.compile(rf"(?<=\S) {{{COLUMN_GAP},}}(?=\S)")


def _split(line: str) -> tuple[str, int, int] | None:
    """(left text, column where the left text ends, column where the right text starts) for a line with
    exactly
    one wide gap; ("", indent, indent) for a line standing alone far to the right; else None."""
    gaps = list(_GAP_RE.finditer(line))
    if len(gaps) == 1:
        g = gaps[0]
        return line[: g.start()], g.start(), g.end()
    stripped = line.lstrip(" ")
    indent = len(line) - len(stripped)
    if stripped and indent >= 2 * COLUMN_GAP and not _GAP_RE.search(stripped):
        return "", indent, indent
    return None


def decolumnise(text: str) -> str:
    """Layout-mode text with a two-column block (an administrative header: issuer | Quốc hiệu, Số | date; or a
    signature block: Nơi nhận | TM. …) → the left column's lines, then the right column's, one item per line.

    A block is a run of lines (blank lines allowed) that each have one wide gap, or stand alone in the right
    column, such that one boundary separates every left part from every right part (the columns may be
    centred,
    so their edges need not line up); it must hold at least two two-column lines. A single two-column line is
    split only when it looks like a header or signature line. Everything else is kept, stripped of the padding
    layout mode adds."""
    lines = text.split("\n")
    parts = [_split(line) for line in lines]
    out: list[str] = []
    i = 0
    while i < len(lines):
        first = parts[i]
        if first is None or not first[0].strip():
            out.append(lines[i].strip())
            i += 1
            continue
        lo, hi = first[1], first[2]  # right edge of the left column, left edge of the right column
        j, lefts, rights, pairs = i, [], [], 0
        while j < len(lines):
            if not lines[j].strip():
                j += 1
                continue
            part = parts[j]
            if part is None:
                break
            left, left_end, right_start = part
            new_lo = max(lo, left_end) if left.strip() else lo
            new_hi = min(hi, right_start)
            if new_lo + 2 > new_hi:
                break
            lo, hi = new_lo, new_hi
            if left.strip():
                lefts.append(left.strip())
                pairs += 1
            rights.append(lines[j][right_start:].strip())
            j += 1
        while j > i and not lines[j - 1].strip():
            j -= 1  # trailing blank lines stay outside the block
        if pairs >= 2:
            out.extend(lefts)
            out.extend(rights)
            i = j
        elif LAYOUT_MARKERS.search(lines[i]):
            # "Nơi nhận:      TM. ỦY BAN NHÂN DÂN"
            out.extend((first[0].strip(), lines[i][first[2] :].strip()))
            i += 1
        else:
            out.append(lines[i].strip())
            i += 1
    return "\n".join(out)


def _has_image(page) -> bool:
    try:
        xobjects = page["/Resources"]["/XObject"]
        return any(xobjects[name].get_object().get("/Subtype") == "/Image" for name in xobjects)
    except Exception:
        return False


def pdf_text(data: bytes) -> tuple[str, list[dict]]:
    """Text of a PDF file (bytes already known to hold %PDF). Raises UnreadableDocument."""
    out_warnings: list[dict] = []
    with _quiet_pypdf() as (records, caught):
        # pypdf is imported here so that its import-time notices are collected too.
        from pypdf import PdfReader
        from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

        try:
            reader = PdfReader(io.BytesIO(data), strict=False)
        except (PdfReadError, DependencyError) as e:
            raise _corrupt(str(e) or type(e).__name__) from None
        except RecursionError:
            raise _corrupt("cấu trúc lồng quá sâu / structure nested too deep") from None
        except Exception as e:  # pypdf raises many kinds on malformed input (KeyError, ValueError, …)
            raise _corrupt(f"{type(e).__name__}: {e}") from None
        try:
            encrypted = reader.is_encrypted
        except Exception as e:
            raise _corrupt(f"{type(e).__name__}: {e}") from None
        if encrypted:
            try:
                ok = reader.decrypt("")  # restrictions-only PDFs open with the empty user password
            except (DependencyError, NotImplementedError):
                raise _encrypted(" theo cách mã hóa chưa hỗ trợ", " with an unsupported cipher") from None
            except Exception:
                raise _encrypted() from None
            if not ok:
                raise _encrypted()
        try:
            n_pages = len(reader.pages)
        except FileNotDecryptedError:
            raise _encrypted() from None
        except RecursionError:
            raise _corrupt("cấu trúc lồng quá sâu / structure nested too deep") from None
        except Exception as e:
            raise _corrupt(f"{type(e).__name__}: {e}") from None
        if n_pages == 0:
            raise _corrupt("không có trang nào / no pages")
        if n_pages > MAX_PAGES:
            out_warnings.append(
                warning(
                    "pdf_page_limit",
                    f"Tệp PDF có {n_pages} trang; chỉ đọc {MAX_PAGES} trang đầu.",
                    f"The PDF has {n_pages} pages; only the first {MAX_PAGES} were read.",
                )
            )
        texts: list[str] = []
        failed: list[int] = []
        image_pages: set[int] = set()
        for i in range(min(n_pages, MAX_PAGES)):
            try:
                page = reader.pages[i]
                text = page.extract_text(extraction_mode=EXTRACTION_MODE)
                if EXTRACTION_MODE == "layout":
                    if _alnum(text) < MIN_CHARS_PER_PAGE:
                        text = page.extract_text() or text  # layout mode can miss text that plain mode finds
                    else:
                        text = decolumnise(text)
                if _alnum(text) < MIN_CHARS_PER_PAGE and _has_image(page):
                    image_pages.add(i + 1)
            except RecursionError:
                text = ""
                failed.append(i + 1)
            except Exception:  # one bad page: keep the others
                text = ""
                failed.append(i + 1)
            texts.append(text or "")
        irregular = len(records) + len(caught)

    pages_read = len(texts)
    total = sum(_alnum(t) for t in texts)
    if total < MIN_CHARS_PER_PAGE * pages_read:
        raise UnreadableDocument(
            "no_text_layer",
            "Tệp PDF không có lớp chữ (bản quét); hệ thống chưa hỗ trợ nhận dạng chữ (OCR). "
            "Hãy tải lên bản .docx hoặc PDF xuất trực tiếp từ Word.",
            "The PDF has no text layer (it is a scanned image); text recognition (OCR) is not supported. "
            "Upload the .docx, or a PDF exported directly from Word.",
        )
    # A page with (almost) no text is a scanned page if it holds an image; a short last page is just short.
    empty = [
        i + 1 for i, t in enumerate(texts) if (i + 1 in image_pages or not _alnum(t)) and i + 1 not in failed
    ]
    if empty:
        shown = ", ".join(map(str, empty[:10])) + ("…" if len(empty) > 10 else "")
        out_warnings.append(
            warning(
                "pdf_pages_without_text",
                f"{len(empty)}/{pages_read} trang PDF không có chữ (có thể là trang quét): trang {shown}; "
                "nội dung các trang này không được đọc.",
                f"{len(empty)}/{pages_read} PDF page(s) have no text (scanned pages?): page {shown}; "
                "their content was not read.",
            )
        )
    if failed:
        shown = ", ".join(map(str, failed[:10])) + ("…" if len(failed) > 10 else "")
        out_warnings.append(
            warning(
                "pdf_pages_failed",
                f"Không trích được chữ ở {len(failed)} trang PDF bị lỗi: trang {shown}.",
                f"Could not extract the text of {len(failed)} damaged PDF page(s): page {shown}.",
            )
        )
    if irregular:
        out_warnings.append(
            warning(
                "pdf_irregular",
                "Tệp PDF có lỗi cấu trúc nhỏ; đã đọc được nhưng có thể thiếu hoặc sai vài chữ.",
                "The PDF has minor structural errors; it was read, but some text may be missing or wrong.",
            )
        )
    letters = [c for t in texts for c in t if c.isalpha() or c == "\ufffd" or "\ue000" <= c <= "\uf8ff"]
    garbled = sum(c == "\ufffd" or "\ue000" <= c <= "\uf8ff" for c in letters)
    if letters and garbled > 0.2 * len(letters):
        out_warnings.append(
            warning(
                "pdf_text_garbled",
                "Phông chữ trong tệp PDF không cho biết mã Unicode; nhiều chữ trích ra bị sai.",
                "The PDF's fonts do not map to Unicode; much of the extracted text is wrong.",
            )
        )
    return "\n".join(t.rstrip("\n") for t in texts), out_warnings
