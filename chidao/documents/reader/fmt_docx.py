""".docx files: checked as a ZIP first (bombs, missing parts), then word/document.xml read in document order.

The XML is read with lxml directly (python-docx's own dependency) rather than through python-docx, so that
nothing but
the parts we need is ever decompressed, each with a size cap, and so that paragraphs, tables, nested
tables, content
controls and text boxes come out in the order they stand in the document.

Tables: a *layout table* — the 2–3 column tables that hold an administrative document's header (issuer |
Quốc hiệu,
"Số: …" | ", ngày … tháng … năm …") or its signature block (Nơi nhận | TM. …) — is read column by column,
one line
per paragraph, so each column's lines stay together ("ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU", "Số: 879/UBND-VX",
then
"CỘNG HÒA …", "Lai Châu, ngày 16 …"). Any other table is read row by row: a row whose cells are one line
each becomes
one line with the cells joined by " | "; a row with a multi-paragraph cell becomes each cell's paragraphs,
one per
line, cell after cell. Nested tables are read where they stand inside their cell.
"""

from __future__ import annotations

import io
import posixpath
import re
import zipfile

from lxml import etree

from . import legacy
from .fmt_common import LAYOUT_MARKERS, MB, UnreadableDocument, fmt_mb, warning
from .fmt_text import legacy_warning

W_NS = (
    "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
    "http://purl.oclc.org/ooxml/wordprocessingml/main",  # Strict OOXML
)
MC_NS = "http://schemas.openxmlformats.org/markup-compatibility/2006"
REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships"

MIN_UNCOMPRESSED_LIMIT = 50 * MB
MAX_RATIO = 200  # uncompressed/compressed above this for a member over RATIO_MIN_SIZE: a zip bomb
RATIO_MIN_SIZE = 1 * MB
MAX_MEMBERS = 10_000

_PARSER = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)


def _err(code: str, vi: str, en: str) -> UnreadableDocument:
    return UnreadableDocument(code, vi, en)


def _corrupt(detail: str) -> UnreadableDocument:
    return _err(
        "corrupt_docx",
        f"Tệp .docx bị hỏng, không đọc được ({detail}). Hãy mở bằng Word và lưu lại.",
        f"The .docx file is damaged and cannot be read ({detail}). Open it in Word and save it again.",
    )


def uncompressed_limit(max_bytes: int) -> int:
    return max(10 * max_bytes, MIN_UNCOMPRESSED_LIMIT)


def check_zip(zf: zipfile.ZipFile, max_bytes: int) -> None:
    """Refuse zip bombs from the central directory alone, before anything is decompressed."""
    infos = zf.infolist()
    limit = uncompressed_limit(max_bytes)
    total = sum(i.file_size for i in infos)
    bomb = len(infos) > MAX_MEMBERS or total > limit
    for i in infos:
        if i.file_size > RATIO_MIN_SIZE and i.file_size > MAX_RATIO * max(i.compress_size, 1):
            bomb = True
    if bomb:
        packed = fmt_mb(sum(i.compress_size for i in infos))
        raise _err(
            "zip_bomb",
            f"Tệp .docx khi giải nén lớn bất thường ({fmt_mb(total)} MB từ {packed} MB nén; "
            f"giới hạn {fmt_mb(limit)} MB hoặc tỉ lệ nén {MAX_RATIO} lần); không đọc để tránh quá tải.",
            f"The .docx file expands to an abnormal size ({fmt_mb(total)} MB from {packed} MB compressed; "
            f"limit {fmt_mb(limit)} MB or a compression ratio of {MAX_RATIO}); it was not read, "
            "to protect the server.",
        )


def _read_member(zf: zipfile.ZipFile, name: str, cap: int) -> bytes:
    """Decompress one member, never more than `cap` bytes."""
    try:
        with zf.open(name) as f:
            data = f.read(cap + 1)
    except (
        zipfile.BadZipFile,
        zipfile.LargeZipFile,
        NotImplementedError,
        EOFError,
        OSError,
        ValueError,
    ) as e:
        raise _corrupt(f"{name}: {e}") from None
    except RuntimeError as e:  # encrypted member
        raise _corrupt(f"{name}: {e}") from None
    if len(data) > cap:
        raise _err(
            "zip_bomb",
            f"Phần {name} của tệp .docx lớn hơn giới hạn {fmt_mb(cap)} MB khi giải nén; không đọc.",
            f"Part {name} of the .docx file is over the {fmt_mb(cap)} MB limit once decompressed; not read.",
        )
    return data


def _xml(zf: zipfile.ZipFile, name: str, cap: int) -> etree._Element:
    data = _read_member(zf, name, cap)
    try:
        root = etree.fromstring(data, parser=_PARSER)
    except etree.XMLSyntaxError as e:
        raise _corrupt(f"{name}: XML {e}") from None
    if root is None:
        raise _corrupt(f"{name}: XML rỗng / empty XML")
    return root


def _main_part(zf: zipfile.ZipFile, names: set[str], cap: int) -> str:
    """The officeDocument part named by _rels/.rels, else word/document.xml."""
    if "_rels/.rels" in names:
        try:
            rels = _xml(zf, "_rels/.rels", cap)
            for rel in rels:
                if str(rel.get("Type", "")).endswith("/officeDocument"):
                    target = posixpath.normpath(str(rel.get("Target", "")).lstrip("/"))
                    if target in names:
                        return target
        except UnreadableDocument:
            pass
    return "word/document.xml"


def _local(el) -> str:
    tag = el.tag
    if not isinstance(tag, str):
        return ""  # comments, processing instructions
    return tag.rsplit("}", 1)[-1]


def _is_w(el, name: str) -> bool:
    tag = el.tag
    return isinstance(tag, str) and tag.endswith("}" + name) and tag[1:].split("}", 1)[0] in W_NS


def _wattr(el, name: str) -> str | None:
    for ns in W_NS:
        v = el.get(f"{{{ns}}}{name}")
        if v is not None:
            return v
    return None


def _wchild(el, name: str):
    for child in el:
        if _is_w(child, name):
            return child
    return None


# ------------------------------------------------------------------------------------------------ numbering
_ROMAN = (
    (1000, "m"),
    (900, "cm"),
    (500, "d"),
    (400, "cd"),
    (100, "c"),
    (90, "xc"),
    (50, "l"),
    (40, "xl"),
    (10, "x"),
    (9, "ix"),
    (5, "v"),
    (4, "iv"),
    (1, "i"),
)


def _roman(n: int) -> str:
    out = ""
    for value, letters in _ROMAN:
        while n >= value:
            out += letters
            n -= value
    return out


def _letters(n: int) -> str:
    # Word: a..z, then aa..zz, aaa..
    n = max(n, 1)
    return chr(ord("a") + (n - 1) % 26) * ((n - 1) // 26 + 1)


def _format_number(n: int, fmt: str) -> str:
    if fmt in ("lowerLetter",):
        return _letters(n)
    if fmt in ("upperLetter",):
        return _letters(n).upper()
    if fmt == "lowerRoman":
        return _roman(n)
    if fmt == "upperRoman":
        return _roman(n).upper()
    if fmt == "decimalZero":
        return f"{n:02d}"
    if fmt == "none":
        return ""
    return str(n)


def _bullet(text: str) -> str:
    # Symbol/Wingdings bullets are private-use characters: show them as a bullet.
    return "".join("•" if "\uf000" <= c <= "\uf0ff" else c for c in text)


class Numbering:
    """Word's automatic list numbers ("1.", "a)", "-"), which are not in the paragraph text itself."""

    def __init__(self, numbering: etree._Element | None, styles: etree._Element | None):
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId -> ilvl -> (fmt, lvlText, start)
        self.counters: dict[str, dict[int, int]] = {}
        self.style_num: dict[str, tuple[str, int]] = {}
        if numbering is not None:
            abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
            for an in numbering:
                if _is_w(an, "abstractNum"):
                    abstract[_wattr(an, "abstractNumId") or ""] = self._levels(an)
            for num in numbering:
                if _is_w(num, "num"):
                    ref = _wchild(num, "abstractNumId")
                    levels = dict(abstract.get(_wattr(ref, "val") or "", {})) if ref is not None else {}
                    for ov in num:
                        if _is_w(ov, "lvlOverride"):
                            ilvl = _int(_wattr(ov, "ilvl"))
                            lvl = _wchild(ov, "lvl")
                            if lvl is not None:
                                levels.update(self._levels(ov))
                            start = _wchild(ov, "startOverride")
                            if start is not None and ilvl in levels:
                                f, t, _ = levels[ilvl]
                                levels[ilvl] = (f, t, _int(_wattr(start, "val"), 1))
                    self.levels[_wattr(num, "numId") or ""] = levels
        if styles is not None:
            based: dict[str, str] = {}
            own: dict[str, tuple[str | None, int | None]] = {}
            for st in styles:
                if _is_w(st, "style"):
                    sid = _wattr(st, "styleId") or ""
                    b = _wchild(st, "basedOn")
                    if b is not None:
                        based[sid] = _wattr(b, "val") or ""
                    ppr = _wchild(st, "pPr")
                    numpr = _wchild(ppr, "numPr") if ppr is not None else None
                    if numpr is not None:
                        nid = _wchild(numpr, "numId")
                        il = _wchild(numpr, "ilvl")
                        own[sid] = (
                            _wattr(nid, "val") if nid is not None else None,
                            _int(_wattr(il, "val")) if il is not None else None,
                        )
            for sid in set(own) | set(based):
                seen, cur, num_id, ilvl = set(), sid, None, None
                while cur and cur not in seen:
                    seen.add(cur)
                    if cur in own:
                        n, i = own[cur]
                        num_id = num_id if num_id is not None else n
                        ilvl = ilvl if ilvl is not None else i
                    cur = based.get(cur, "")
                if num_id:
                    self.style_num[sid] = (num_id, ilvl or 0)

    @staticmethod
    def _levels(el) -> dict[int, tuple[str, str, int]]:
        out = {}
        for lvl in el:
            if _is_w(lvl, "lvl"):
                fmt = _wchild(lvl, "numFmt")
                text = _wchild(lvl, "lvlText")
                start = _wchild(lvl, "start")
                out[_int(_wattr(lvl, "ilvl"))] = (
                    (_wattr(fmt, "val") if fmt is not None else None) or "decimal",
                    (_wattr(text, "val") if text is not None else None) or "",
                    _int(_wattr(start, "val"), 1) if start is not None else 1,
                )
        return out

    def label(self, p) -> str:
        ppr = _wchild(p, "pPr")
        if ppr is None:
            return ""
        num_id, ilvl = None, 0
        style = _wchild(ppr, "pStyle")
        if style is not None and (_wattr(style, "val") or "") in self.style_num:
            num_id, ilvl = self.style_num[_wattr(style, "val") or ""]
        numpr = _wchild(ppr, "numPr")
        if numpr is not None:
            nid = _wchild(numpr, "numId")
            il = _wchild(numpr, "ilvl")
            if nid is not None:
                num_id = _wattr(nid, "val")
            if il is not None:
                ilvl = _int(_wattr(il, "val"))
        if not num_id or num_id == "0" or num_id not in self.levels:
            return ""
        levels = self.levels[num_id]
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, {})
        fmt, text, start = levels[ilvl]
        counters[ilvl] = counters.get(ilvl, start - 1) + 1
        for deeper in [k for k in counters if k > ilvl]:
            del counters[deeper]
        if fmt == "bullet":
            return _bullet(text)

        def repl(m: re.Match) -> str:
            k = int(m.group(1)) - 1
            if k not in levels:
                return ""
            f, _, s = levels[k]
            return _format_number(counters.get(k, s), f)

        return re.sub(r"%([1-9])", repl, text)


def _int(v, default: int = 0) -> int:
    try:
        return int(v)
    except (TypeError, ValueError):
        return default


# ------------------------------------------------------------------------------------------------ body text
class Fonts:
    """Which legacy encoding a run's font implies: ".VnTime", ".VnArial"… are TCVN3 (".VnTimeH"… its
    all-capitals variants), "VNI-Times"… are VNI. The font is the run's own (w:rFonts), else its character
    style's, else its paragraph style's, else the document default — each style with its basedOn chain."""

    def __init__(self, styles: etree._Element | None):
        self.style_font: dict[str, str] = {}
        self.default_font = ""
        self.default_pstyle = ""
        if styles is None:
            return
        own: dict[str, str] = {}
        based: dict[str, str] = {}
        for st in styles:
            if _is_w(st, "docDefaults"):
                rpr_default = _wchild(st, "rPrDefault")
                rpr = _wchild(rpr_default, "rPr") if rpr_default is not None else None
                self.default_font = _font_of(rpr)
            elif _is_w(st, "style"):
                sid = _wattr(st, "styleId") or ""
                if _wattr(st, "default") in ("1", "true") and _wattr(st, "type") == "paragraph":
                    self.default_pstyle = sid
                font = _font_of(_wchild(st, "rPr"))
                if font:
                    own[sid] = font
                b = _wchild(st, "basedOn")
                if b is not None:
                    based[sid] = _wattr(b, "val") or ""
        for sid in set(own) | set(based):
            cur, seen = sid, set()
            while cur and cur not in seen and cur not in own:
                seen.add(cur)
                cur = based.get(cur, "")
            if cur in own:
                self.style_font[sid] = own[cur]

    def font(self, run, pstyle: str) -> str:
        rpr = _wchild(run, "rPr")
        font = _font_of(rpr)
        if not font and rpr is not None:
            rstyle = _wchild(rpr, "rStyle")
            if rstyle is not None:
                font = self.style_font.get(_wattr(rstyle, "val") or "", "")
        return font or self.style_font.get(pstyle or self.default_pstyle, "") or self.default_font

    @staticmethod
    def kind(font: str) -> tuple[str | None, bool]:
        """(legacy encoding or None, whether the font draws everything in capitals)."""
        name = font.strip().lower()
        if name.startswith(".vn"):
            return "tcvn3", name.endswith("h")
        if name.startswith("vni-") or name.startswith("vni "):
            return "vni", False
        return None, False


def _font_of(rpr) -> str:
    if rpr is None:
        return ""
    fonts = _wchild(rpr, "rFonts")
    if fonts is None:
        return ""
    return _wattr(fonts, "ascii") or _wattr(fonts, "hAnsi") or ""


# Characters legacy-font text can hold: the bytes' Latin-1/Windows-1252 view. Anything else means the run was
# retyped in Unicode and only kept its old font name: leave it alone.
_LEGACY_VIEW = frozenset(chr(i) for i in range(256)) | frozenset(legacy.bytes_view(bytes(range(0x80, 0xA0))))


class _Reader:
    def __init__(self, numbering: Numbering, fonts: Fonts | None = None):
        self.numbering = numbering
        self.fonts = fonts or Fonts(None)
        self.warnings: list[dict] = []
        self.altchunks = 0
        self.pstyle = ""
        self.converted: dict[str, int] = {}  # legacy encoding -> runs converted by their font

    def _run(self, run, chars: list[str], boxes: list[str]) -> None:
        own: list[str] = []
        self._inline(run, own, boxes)
        text = "".join(own)
        if text and not text.isascii():
            encoding, capitals = Fonts.kind(self.fonts.font(run, self.pstyle))
            if encoding is not None and all(c in _LEGACY_VIEW for c in text):
                text = legacy.tcvn3_to_unicode(text) if encoding == "tcvn3" else legacy.vni_to_unicode(text)
                if capitals:
                    text = text.upper()
                self.converted[encoding] = self.converted.get(encoding, 0) + 1
        chars.append(text)

    # Inline content of a paragraph: text, tabs, breaks; text boxes are collected to follow the paragraph.
    def _inline(self, el, chars: list[str], boxes: list[str]) -> None:
        for child in el:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            ns, _, name = tag[1:].partition("}")
            if ns == MC_NS and name == "Fallback":
                continue  # the same content as mc:Choice, for old readers
            if ns in W_NS:
                if name == "t":
                    chars.append(child.text or "")
                    continue
                if name == "r":
                    self._run(child, chars, boxes)
                    continue
                if name in ("tab", "ptab"):
                    chars.append("\t")
                    continue
                if name in ("br", "cr"):
                    chars.append("\n")
                    continue
                if name == "noBreakHyphen":
                    chars.append("-")
                    continue
                if name == "sym":
                    code = _wattr(child, "char") or ""
                    try:
                        chars.append(_bullet(chr(int(code, 16))))
                    except ValueError:
                        pass
                    continue
                if name in (
                    "del",
                    "moveFrom",
                    "delText",
                    "delInstrText",
                    "instrText",
                    "pPr",
                    "rPr",
                    "softHyphen",
                    "fldData",
                    "footnoteReference",
                    "endnoteReference",
                    "commentReference",
                ):
                    continue
                if name == "txbxContent":
                    boxes.extend(self.blocks(child))
                    continue
            self._inline(child, chars, boxes)

    def paragraph(self, p) -> list[str]:
        chars: list[str] = []
        boxes: list[str] = []
        ppr = _wchild(p, "pPr")
        style = _wchild(ppr, "pStyle") if ppr is not None else None
        outer, self.pstyle = self.pstyle, (_wattr(style, "val") or "") if style is not None else ""
        self._inline(p, chars, boxes)
        self.pstyle = outer
        text = "".join(chars)
        label = self.numbering.label(p)
        if label and text.strip():
            text = f"{label} {text}"
        return text.split("\n") + boxes

    def blocks(self, container) -> list[str]:
        lines: list[str] = []
        for child in container:
            tag = child.tag
            if not isinstance(tag, str):
                continue
            ns, _, name = tag[1:].partition("}")
            if ns == MC_NS and name == "Fallback":
                continue
            if ns in W_NS:
                if name == "p":
                    lines.extend(self.paragraph(child))
                    continue
                if name == "tbl":
                    lines.extend(self.table(child))
                    continue
                if name in ("sectPr", "tblPr", "tblGrid", "trPr", "tcPr", "del", "moveFrom"):
                    continue
                if name == "altChunk":
                    self.altchunks += 1
                    continue
            lines.extend(self.blocks(child))  # sdt, sdtContent, customXml, ins, mc:AlternateContent …
        return lines

    def _rows(self, tbl) -> list[list[list[str]]]:
        rows: list[list[list[str]]] = []

        def cells_of(row) -> list[list[str]]:
            cells: list[list[str]] = []
            for c in row:
                if _is_w(c, "tc"):
                    cells.append(_trim(self.blocks(c)))
                elif _local(c) in ("sdt", "customXml", "sdtContent"):
                    cells.extend(cells_of(c))
            return cells

        def walk(el) -> None:
            for r in el:
                if _is_w(r, "tr"):
                    rows.append(cells_of(r))
                elif _local(r) in ("sdt", "customXml", "sdtContent"):
                    walk(r)

        walk(tbl)
        return rows

    def table(self, tbl) -> list[str]:
        rows = self._rows(tbl)
        if not rows:
            return []
        width = max(len(r) for r in rows)
        everything = "\n".join(line for r in rows for c in r for line in c)
        lines: list[str] = []
        if width <= 3 and LAYOUT_MARKERS.search(everything):
            for col in range(width):
                for r in rows:
                    if col < len(r):
                        lines.extend(line for line in r[col] if line.strip())
            return lines
        for r in rows:
            if all(len(c) <= 1 for c in r):
                cells = [c[0].strip() if c else "" for c in r]
                if any(cells):
                    lines.append(" | ".join(cells))
            else:
                for c in r:
                    lines.extend(line for line in c if line.strip())
        return lines


def _trim(lines: list[str]) -> list[str]:
    while lines and not lines[-1].strip():
        lines.pop()
    while lines and not lines[0].strip():
        lines.pop(0)
    return lines


_SIDE_PARTS = re.compile(r"^word/(header\d*|footer\d*|footnotes|endnotes|comments)\.xml$")
_SIDE_NAMES = {
    "header": ("đầu trang", "page header"),
    "footer": ("chân trang", "page footer"),
    "footnotes": ("chú thích cuối trang", "footnotes"),
    "endnotes": ("chú thích cuối văn bản", "endnotes"),
    "comments": ("nhận xét (comment)", "comments"),
}


def docx_text(data: bytes, max_bytes: int) -> tuple[str, list[dict]]:
    """Text of a .docx file (bytes already known to start like a ZIP). Raises UnreadableDocument only."""
    try:
        return _docx_text(data, max_bytes)
    except UnreadableDocument:
        raise
    except Exception as e:  # hostile or broken ZIP/XML can make zipfile/zlib/lxml raise almost anything
        raise _corrupt(f"{type(e).__name__}: {e}"[:200]) from None


def _docx_text(data: bytes, max_bytes: int) -> tuple[str, list[dict]]:
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
    except zipfile.BadZipFile as e:
        raise _corrupt(f"ZIP: {e}") from None
    except (OSError, ValueError, EOFError, NotImplementedError) as e:
        raise _corrupt(f"ZIP: {e}") from None
    with zf:
        check_zip(zf, max_bytes)
        cap = uncompressed_limit(max_bytes)
        names = {i.filename for i in zf.infolist()}
        main = _main_part(zf, names, cap)
        if main not in names:
            raise _err(
                "docx_no_document",
                f"Tệp .docx không có phần nội dung chính ({main}); có thể đây không phải văn bản Word "
                "(ví dụ tệp Excel hay PowerPoint đổi đuôi).",
                f"The .docx file has no main document part ({main}); it may not be a Word document "
                "(e.g. a renamed Excel or PowerPoint file).",
            )
        root = _xml(zf, main, cap)
        folder = posixpath.dirname(main)
        numbering = _xml(zf, f"{folder}/numbering.xml", cap) if f"{folder}/numbering.xml" in names else None
        styles = _xml(zf, f"{folder}/styles.xml", cap) if f"{folder}/styles.xml" in names else None
        reader = _Reader(Numbering(numbering, styles), Fonts(styles))
        body = _wchild(root, "body")
        if body is None:
            raise _corrupt(f"{main}: không có w:body / no w:body")
        lines = reader.blocks(body)
        warnings = reader.warnings
        for encoding in sorted(reader.converted):
            warnings.append(legacy_warning(encoding))
        if reader.altchunks:
            warnings.append(
                warning(
                    "docx_embedded_content_skipped",
                    f"Văn bản có {reader.altchunks} phần nhúng từ tệp khác (altChunk) không đọc được.",
                    f"The document has {reader.altchunks} embedded foreign part(s) (altChunk) "
                    "that were not read.",
                )
            )
        side = []
        for name in sorted(names):
            m = _SIDE_PARTS.match(name)
            if not m:
                continue
            try:
                part = _xml(zf, name, cap)
            except UnreadableDocument:
                continue
            texts = "".join(t.text or "" for t in part.iter() if _is_w(t, "t")).strip()
            kind = re.sub(r"\d+$", "", m.group(1))
            if any(c.isalpha() for c in texts) and kind not in side:  # not page numbers alone
                side.append(kind)
        if side:
            warnings.append(
                warning(
                    "docx_parts_not_read",
                    "Không đọc phần "
                    + ", ".join(_SIDE_NAMES[k][0] for k in side)
                    + " của văn bản (chỉ đọc thân văn bản).",
                    "The document's "
                    + ", ".join(_SIDE_NAMES[k][1] for k in side)
                    + " were not read (body only).",
                )
            )
    return "\n".join(lines), warnings
