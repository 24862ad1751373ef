"""The text of a document and its layout: lines, column segments, regions.

`Doc` keeps three strings of the same length, so that an offset found in one is an offset in the others:

    S  the NFC-normalised input (offsets reported to callers refer to it)
    C  S with markup blanked to spaces: markdown emphasis and headings, table pipes, HTML tags, images,
       editorial notes of legal-text web sites, a web site's title repeated before the document
    L  C in lower case

Two-column headers (the issuer on the left, the national motto on the right; the Nơi nhận on the left, the
signature on the right) appear as runs of three or more spaces or as table pipes; `segments` cuts a line there.
"""
import bisect
import re

from chidao.lib.vntext import nfc

from ._lexicon import TYPE_NAMES


def plain_class(cls):
    """Does nothing, but tells mypyc, which compiles the reader (see compiled.py), to keep the class it decorates an
    ordinary Python class: mypyc makes no class with a decorator of its own a native one, and cannot make a subclass
    of list native."""
    return cls


_LATIN = list(range(0x41, 0x250)) + list(range(0x1E00, 0x1F00))
UP = "".join(chr(c) for c in _LATIN if chr(c).isalpha() and chr(c).isupper())
LO = "".join(chr(c) for c in _LATIN if chr(c).isalpha() and chr(c).islower())
# a column gap: three or more spaces, or a tab (a .docx paragraph laid out with tab stops)
GAP = r"(?:[^\S\n]*\t[^\S\n]*|[^\S\n]{3,})"
_GAP = re.compile(GAP)
_SPACE_GAP = re.compile(r"   +")  # GAP in a line whose only white space is " " (opens with a literal: fast)
_HTML_TAG = re.compile(r"</?[A-Za-z][^<>\n]{0,200}>|<(?:stamp|chữ ký|signature|dấu)[^<>\n]{0,80}>", re.I)
_IMAGE = re.compile(r"!\[[^\]\n]{0,200}\]\([^)\n]{0,300}\)")
_LATEX = re.compile(r"\$[^$\n]{1,200}\$")
_NOTE = re.compile(r"\[(?:[^\[\]\n]{0,400}(?:được|bị) (?:đính chính|sửa đổi|bãi bỏ|hướng dẫn|thay thế|bổ sung)"
                   r"[^\[\]\n]{0,400}|Bản trích chữ[^\[\]\n]{0,400})\]")
_TYPES_RE = "|".join(sorted((re.escape(t) for t in TYPE_NAMES), key=len, reverse=True))
# "Công văn 296/BHXH-CSYT năm 2021 hướng dẫn ... do Bảo hiểm xã hội Việt Nam ban hành." opening a web page.
_SITE_TITLE = re.compile(
    rf"[^\S\n]*(?P<key>(?:{_TYPES_RE})[^\S\n]+\d+[\w/.\-–]*[^\S\n]+năm[^\S\n]+\d{{4}})"
    rf"(?:\.|[^\n]{{0,400}}?[^\S\n]ban[^\S\n]hành\.)[^\S\n]*"
)
# The same title on a line of its own after the document.
# (possessive repeats of the indent here and below: a type name, a '-' or a digit follows it, never a space, so
# giving spaces back cannot help; on a line with a long indent that would be tried space by space)
_SITE_TITLE_LINE = re.compile(
    rf"(?m)^[^\S\n]*+(?:{_TYPES_RE})[^\S\n]+\d+/[^\s]+[^\S\n]+(?:năm[^\S\n]+\d{{4}}|ngày[^\S\n]+\d)[^\n]*"
    rf"ban[^\S\n]hành[^\S\n]*$"
)
# Lines that belong to a web site, not to the document: the document ends before the first of them.
_FURNITURE = [
    "văn bản này chưa cập nhật nội dung tiếng anh", "văn bản liên quan\n", "nội dung sửa đổi, hướng dẫn",
    "file được đính kèm theo văn bản", "bạn đang xem bản rút gọn", "lược đồ\n", "tải văn bản gốc",
    "cảm ơn đã dùng thuvienphapluat", "mọi hành vi sao chép", "văn bản gốc\n", "thuộc tính văn bản",
]
_LEADING_SPACE = re.compile(r"\s*")
_RELATED = re.compile(
    rf"(?m)^[^\S\n]*+-?[^\S\n]*+\d{{1,3}}(?:{_TYPES_RE})[^\S\n]+\d"
)
# The newline before a line whose text opens with '-' or a digit, as every _RELATED line does: the regex engine
# finds newlines fast (a scan for digits, a character class, costs far more), and most lines open with a letter.
_RELATED_OPENING = re.compile(r"\n(?=[^\S\n]*+[-\d])")
# The end of every _SITE_TITLE_LINE, found by a fast scan of the whole range: where it is missing, the
# line-by-line search is skipped.
_SITE_TITLE_END = re.compile(r"(?m)ban[^\S\n]hành[^\S\n]*$")
# "**text**": a run of up to 400 characters other than '*' between two "**" (possessive: the run can only end
# where a '*' is, so giving characters back never finds another end; it gives what a lazy repeat gives)
_BOLD = re.compile(r"\*\*([^*]{1,400}+)\*\*")
_STARS_AND_SPACE = re.compile(r"[\s*]*")
_NEWLINE = re.compile("\n")


def _blank(match: re.Match) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def blank_markup(s: str) -> str:
    """Markup to spaces, keeping every offset (a newline stays a newline)."""
    c = s.replace("*", " ").replace("|", " ").replace("#", " ").replace("\r", " ").replace("\\", " ")
    c = c.replace("\u00a0", " ").replace("\u200b", " ").replace("\ufeff", " ")
    if "<" in c:
        c = _HTML_TAG.sub(_blank, c)
    bracket = "[" in c  # images and notes need one; this test is much faster than one for "!["
    if bracket and "![" in c:
        c = _IMAGE.sub(_blank, c)
    if "$" in c:
        c = _LATEX.sub(_blank, c)
    if bracket and "[" in c:
        c = _NOTE.sub(_blank, c)
    return c


def _lower(c: str) -> str:
    low = c.lower()
    if len(low) == len(c):
        return low
    return "".join(ch if len(ch.lower()) != 1 else ch.lower() for ch in c)  # 'İ' and friends keep their case


class Doc:
    def __init__(self, text: str):
        self.S = nfc(text)
        c = blank_markup(self.S)
        c = self._blank_site_titles(c)
        self.C = c
        self.L = _lower(c)
        self.n = len(c)
        self.line_starts = [0, *map(re.Match.end, _NEWLINE.finditer(c))]  # (no Python loop over the lines)
        self._bold: list | None = None
        self._furniture = {}  # _marked_furniture by position
        self.phrases = {}  # read_phrase results by (start, limit, mode)

    # --- site furniture -------------------------------------------------------------------------------------

    @staticmethod
    def _blank_site_titles(c: str) -> str:
        first = _LEADING_SPACE.match(c).end()  # type: ignore[union-attr]  # \s* always matches; no copy, unlike lstrip
        m = _SITE_TITLE.match(c, first, first + 1500)
        if not m:
            return c
        c = c[: m.start()] + " " * (m.end() - m.start()) + c[m.end():]
        key = m.group("key") + "."
        i = c.find(key)
        while i >= 0:
            j = i + len(key)
            while j < len(c) and c[j] == " ":
                j += 1
            c = c[:i] + " " * (j - i) + c[j:]
            i = c.find(key, j)
        return c

    def furniture_after(self, pos: int, tail_from: int | None = None) -> int:
        """Offset where web-site furniture begins after `pos` (or the end of the text). Lists of related
        documents and a repeated page title are looked for after `tail_from` (the Nơi nhận) only."""
        end = self._furniture.get(pos)
        if end is None:
            end = self._furniture[pos] = self._marked_furniture(pos)
        if tail_from is not None and tail_from < end:
            m = self._search_related(tail_from, end)
            if m:
                end = m.start()
            if _SITE_TITLE_END.search(self.C, tail_from, end) is not None:
                m = self._search_lines(_SITE_TITLE_LINE, tail_from, end)
                if m:
                    end = m.start()
        return end

    def _marked_furniture(self, pos: int) -> int:
        end = self.n
        low = self.L
        for marker in _FURNITURE:
            i = low.find(marker, pos, end)
            if i >= 0:
                end = self.line_start(i)
        return end

    def _search_lines(self, pattern: re.Pattern, lo: int, hi: int):
        """pattern.search(C, lo, hi) for a pattern that can only match at a line start ("(?m)^..."): tried at
        each line start rather than at every character."""
        starts = self.line_starts
        for k in range(bisect.bisect_left(starts, lo), len(starts)):
            if starts[k] >= hi:
                break
            m = pattern.match(self.C, starts[k], hi)
            if m:
                return m
        return None

    def _search_related(self, lo: int, hi: int):
        """_RELATED.search(C, lo, hi), tried only at the line starts where a line opens with '-' or a digit."""
        c = self.C
        if lo < hi and (lo == 0 or c[lo - 1] == "\n"):
            m = _RELATED.match(c, lo, hi)
            if m:
                return m
        for newline in _RELATED_OPENING.finditer(c, lo, hi):
            m = _RELATED.match(c, newline.end(), hi)
            if m:
                return m
        return None

    # --- lines ----------------------------------------------------------------------------------------------

    def line_index(self, pos: int) -> int:
        return bisect.bisect_right(self.line_starts, pos) - 1

    def line_start(self, pos: int) -> int:
        return self.line_starts[self.line_index(pos)]

    def line_end(self, pos: int) -> int:
        i = self.C.find("\n", pos)
        return self.n if i < 0 else i

    def line_span(self, index: int) -> tuple:
        if not 0 <= index < len(self.line_starts):
            return self.n, self.n
        start = self.line_starts[index]
        end = self.line_starts[index + 1] - 1 if index + 1 < len(self.line_starts) else self.n
        return start, end

    def line(self, index: int) -> str:
        start, end = self.line_span(index)
        return self.C[start:end]

    def segments(self, index: int) -> list:
        """[(text, start)] of the line's column segments, stripped, empty ones left out."""
        start, end = self.line_span(index)
        text = self.C[start:end]
        if text.isprintable():
            # the only white space of a printable line is " " (tabs and other spaces are not printable), so a
            # column gap is three spaces or more, found faster by _SPACE_GAP; without any, the line is one segment
            if "   " not in text:
                stripped = text.strip()
                return [(stripped, start + len(text) - len(text.lstrip()))] if stripped else []
            gaps = _SPACE_GAP.finditer(text)
        else:
            gaps = _GAP.finditer(text)
        out = []
        pos = 0
        for m in gaps:
            piece = text[pos:m.start()]
            if piece.strip():
                lead = len(piece) - len(piece.lstrip())
                out.append((piece.strip(), start + pos + lead))
            pos = m.end()
        piece = text[pos:]
        if piece.strip():
            lead = len(piece) - len(piece.lstrip())
            out.append((piece.strip(), start + pos + lead))
        return out

    # --- emphasis -------------------------------------------------------------------------------------------

    def bold_runs(self) -> list:
        """[(start, end)] of the insides of **bold** runs of S, adjacent runs merged."""
        runs = self._bold
        if runs is None:
            runs = []
            s = self.S
            if "**" in s:
                for m in _BOLD.finditer(s):
                    a, b = m.span(1)
                    if runs and _STARS_AND_SPACE.match(s, runs[-1][1], a).end() == a:  # type: ignore[union-attr]
                        runs[-1] = (runs[-1][0], b)  # only '*' and white space between the runs
                    else:
                        runs.append((a, b))
            self._bold = runs
        return runs

    def bold_at(self, pos: int):
        """The merged bold run containing `pos`, or None."""
        runs = self.bold_runs()
        i = bisect.bisect_right(runs, (pos, self.n + 1)) - 1
        if i >= 0 and runs[i][0] <= pos < runs[i][1]:
            return runs[i]
        return None


# two spaces or more, written as two literal spaces first: the engine then scans for that pair, not calling its
# matcher at every single space (there is one after almost every word)
_SPACE_RUN = re.compile("   *")


def squash(text: str) -> str:
    """White space collapsed to single spaces, trimmed: " ".join(text.split())."""
    spaced = text.replace("\n", " ") if "\n" in text else text
    if spaced.isprintable():
        # the only white space of a printable text is " ": collapsing its runs does what split/join does,
        # without making a string of every word
        if "  " in spaced:
            spaced = _SPACE_RUN.sub(" ", spaced)
        return spaced.strip(" ")
    return " ".join(text.split())
