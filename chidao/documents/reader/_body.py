"""The body of a document: paragraphs and sentences, numbered sections, tasks and their assignees, periodic
reporting duties, and the documents it cites."""
import bisect
import re
from dataclasses import dataclass, field
from typing import Any

from chidao.lib.vntext import fold

from ._agencies import _FIRST_WORDS, read_phrase
from ._header import make_date
from ._layout import UP, Doc, plain_class, squash
from ._lexicon import (
    ABBREVIATIONS,
    INTRO_WORDS,
    LEAD_LABELS,
    NON_TASK_VERBS,
    SPEECH_VERBS,
    TRIGGER_BLOCKERS,
    TYPE_NAMES,
)

# --- paragraphs and sentences -------------------------------------------------------------------------------------

MARKER = re.compile(
    r"[^\S\n]*(?:(?P<dieu>Điều)\s+(?P<dn>\d{1,3})[^\S\n]*[.:]"
    r"|(?P<roman>[IVXL]{1,5})[^\S\n]*[.:)](?=\s)"
    rf"|(?P<num>\d{{1,2}}(?:\.\d{{1,2}}){{0,3}})(?:[.)]|(?=[^\S\n]+[{UP}]))"
    r"|(?P<alpha>[a-zđ])\)"
    r"|\((?P<paren>\d{1,2}|[a-zđ])\))[^\S\n]*"
)
BULLET = re.compile(r"[^\S\n]*[-+•–—][^\S\n]+")
# "./." or one of . ! ? …, before white space and what can open a sentence (written with a leading character
# class, which the regex engine scans for quickly)
_SENT_END = re.compile(rf"[.!?…](?:(?<=\.)/\.)?(?=\s+[{UP}\d(“\"\-+•])")
_ABBREV_BEFORE = re.compile(r"(?:\b[A-ZĐ]{1,3}|Đ/c|đ/c|Tp|TP|Th|TS|ThS)$")


@dataclass(slots=True)
class Para:
    start: int
    end: int
    marker: re.Match | None = None   # MARKER match at its start, if any
    bullet: bool = False


@dataclass(slots=True)
class Sentence:
    start: int
    end: int
    para: int


@dataclass(slots=True)
class Section:
    number: str
    level: int
    start: int
    end: int
    heading_start: int
    heading_end: int
    heading: str = ""
    items: list = field(default_factory=list)   # [(name, position)]
    source: str = ""                            # 'heading', 'label'
    descriptive: bool = False                   # "Đối tượng áp dụng", "Thực trạng" ...: nobody is told to act
    text: str = ""
    pure_name: bool = False                     # the heading is a name with nothing after it
    read_from: int = -1                         # where the heading's agency phrase was read
    speaks: bool = False                        # the heading is the issuer speaking ("Giao Sở X ...")


def paragraphs(doc: Doc, lo: int, hi: int) -> list:
    """Paragraphs of [lo, hi): a blank line, a bullet, a section marker, a line after one ending a sentence,
    or a first-line indent opens a new one; wrapped lines continue it."""
    out = []
    if hi <= lo:
        return out
    c = doc.C
    cur = None
    prev_indent = 0
    prev_last = ""
    marker_until = -1
    a = lo
    for text in c[lo:hi].split("\n"):
        line_start = a
        a += len(text) + 1
        content = text.lstrip()
        if not content:
            if cur:
                out.append(cur)
                cur = None
            prev_last = ""
            continue
        stripped = content.rstrip()
        indent = len(text) - len(content)
        content_start = line_start + indent
        content_end = content_start + len(stripped)
        if line_start < marker_until:
            assert cur is not None  # the marker's paragraph
            cur.end = max(cur.end, content_end)  # the rest of a marker written over two lines ("Điều\n14.")
            prev_last = stripped[-1]
            continue
        first_char = stripped[0]
        marker = None
        if first_char.isdigit() or first_char in "IVXLĐ(" or (len(stripped) > 1 and stripped[1] == ")"):
            b = line_start + len(text)
            marker = MARKER.match(c, line_start, min(hi, b + 12))
            # (every alternative of MARKER sets its group: a match is always a marker)
            if marker is not None and marker.end() > b:
                marker_until = marker.end()
        bullet = first_char in "-+•–—" and len(stripped) > 1 and stripped[1] in " \t"
        if (cur is None or marker is not None or bullet or prev_last in ".!?" or
                (indent >= prev_indent + 3 and first_char.isupper() and prev_indent < 40)):
            if cur:
                out.append(cur)
            cur = Para(content_start, content_end, marker, bullet)
        else:
            cur.end = content_end
        prev_indent = indent
        prev_last = stripped[-1]
    if cur:
        out.append(cur)
    return out


MAX_SENTENCE = 3000


def _end_marks(c: str, lo: int, hi: int) -> list:
    """Sorted offsets of the characters that can end a sentence (. ! ? …) in [lo, hi): str.find is much faster
    than the regex engine's scan for a character class."""
    out = []
    for ch in ".!?…":
        i = c.find(ch, lo, hi)
        while i >= 0:
            out.append(i)
            i = c.find(ch, i + 1, hi)
    out.sort()
    return out


def sentences(doc: Doc, paras: list) -> list:
    """Sentences of `paras` (paragraphs in text order, as `paragraphs` gives them)."""
    out = []
    if not paras:
        return out
    c = doc.C
    marks = _end_marks(c, paras[0].start, paras[-1].end)
    n_marks = len(marks)
    for k, p in enumerate(paras):
        start = p.start
        scan_from = p.marker.end() if p.marker is not None else p.start
        # _SENT_END.finditer(c, scan_from, p.end), tried only where an end mark is
        next_free = scan_from
        i = bisect.bisect_left(marks, scan_from)
        while i < n_marks and marks[i] < p.end:
            pos = marks[i]
            i += 1
            if pos < next_free:
                continue  # inside the previous match ("./.")
            if p.end - pos < 3:
                break  # no room for the white space and the capital that must follow
            m = _SENT_END.match(c, pos, p.end)
            if m is None:
                continue
            next_free = m.end()
            if m.group(0) != "./." and m.start() - start < MAX_SENTENCE and _ABBREV_BEFORE.search(
                    c, max(p.start, m.start() - 6), m.start()):
                continue
            end = m.end()
            if end > start:
                _append_sentence(c, out, start, end, k)
            start = end
            while start < p.end and c[start].isspace():
                start += 1
        if 0 < p.end - start <= MAX_SENTENCE:
            out.append(Sentence(start, p.end, k))  # the usual case, without a call
        elif p.end > start:
            _append_sentence(c, out, start, p.end, k)
    return out


def _append_sentence(c: str, out: list, start: int, end: int, para: int) -> None:
    """A sentence, cut at white space into pieces of at most MAX_SENTENCE characters (text without full stops,
    flattened tables: the analysis of one sentence must stay small)."""
    while end - start > MAX_SENTENCE:
        cut = c.rfind(" ", start + MAX_SENTENCE // 2, start + MAX_SENTENCE)
        if cut <= start:
            cut = start + MAX_SENTENCE
        out.append(Sentence(start, cut, para))
        start = cut
        while start < end and c[start].isspace():
            start += 1
    if end > start:
        out.append(Sentence(start, end, para))


# --- sections -----------------------------------------------------------------------------------------------------

def _marker_info(m) -> tuple:
    dieu, dn, roman, num, alpha, paren = m.groups()
    if dieu:
        return f"Điều {dn}", 1
    if roman:
        return roman, 0
    if num:
        num = num.rstrip(".")
        return num, 1 + num.count(".") + 1
    if alpha:
        return alpha, 6
    return f"({paren})", 7


_CLOSING = re.compile(
    r"(?:Căn cứ (?:vào )?nội dung|Trên đây là|Trong quá trình (?:tổ chức )?(?:triển khai )?thực hiện|"
    r"Quá trình (?:triển khai )?thực hiện|Nhận được (?:công văn|văn bản)|Đề nghị các|Yêu cầu các|"
    r"(?:\S+ ){1,9}(?:yêu cầu|đề nghị) (?:các|Thủ trưởng|Giám đốc|Chủ tịch|Quý|toàn thể))"
)


def find_sections(doc: Doc, paras: list, lo: int, hi: int) -> list:
    marked = [(k, p) for k, p in enumerate(paras) if p.marker is not None]
    sections = []
    for _, p in marked:
        number, level = _marker_info(p.marker)
        # the section starts with its marker, after the indent: where its paragraph's text starts
        sections.append(Section(number, level, p.start, hi, p.marker.end(), p.end))
    # a section runs to the next marker of the same or a higher level (a stack keeps this linear)
    open_sections = []
    for sec in sections:
        while open_sections and open_sections[-1].level >= sec.level:
            open_sections.pop().end = sec.start
        open_sections.append(sec)
    # closing paragraphs after the last marker belong to no section
    if marked:
        last_k = marked[-1][0]
        for p in paras[last_k + 1:]:
            if p.marker is None and not p.bullet and _CLOSING.match(doc.C, p.start, p.end):
                for sec in sections:
                    if sec.end > p.start:
                        sec.end = p.start
                break
    for sec in sections:
        end = sec.end
        while end > sec.start and doc.C[end - 1].isspace():
            end -= 1
        sec.end = end
    return sections


# --- assignees ----------------------------------------------------------------------------------------------------

_HEAD_SPLIT = re.compile(
    r"\b(?=(?:so|bo|cuc|uy ban|ubnd|van phong|chi cuc|tong cuc|thue|ban|trung tam|bao hiem|cong an|thanh tra)\b)"
)


@plain_class
class IssuerKeys(list):
    """The issuer's comparison keys (see issuer_keys), with the `is_self` answers for the names of one document (a
    name is met again and again; folding it costs more than comparing)."""

    def __init__(self, keys: list):
        super().__init__(keys)
        self.answers = {}


def issuer_keys(issuer) -> IssuerKeys:
    if not issuer:
        return IssuerKeys([])
    key = _key(issuer)
    keys = [key]
    for part in _HEAD_SPLIT.split(key):
        part = part.strip()
        if len(part) >= 6 and part not in keys:
            keys.append(part)
    return IssuerKeys(keys)


_TITLE_PREFIX = re.compile(r"^(?:chu tich|pho chu tich|giam doc|pho giam doc|lanh dao|thu truong|tong giam doc) ")


_UBND = re.compile(r"\bubnd\b")
_BHXH = re.compile(r"\bbhxh\b")
_TP = re.compile(r"\btp\b\.?")


def _key(name: str) -> str:
    k = fold(name)
    # each pattern only where its letters occur (most names have none of them)
    if "ubnd" in k:
        k = _UBND.sub("uy ban nhan dan", k)
    if "bhxh" in k:
        k = _BHXH.sub("bao hiem xa hoi", k)
    if "tp" in k:
        k = _TP.sub("thanh pho", k)
    return k.strip(" .,;:")


def is_self(name: str, keys: IssuerKeys) -> bool:
    """Does `name` name the issuer (whose keys are `keys`, from issuer_keys)?"""
    if not keys:
        return False
    answer = keys.answers.get(name)
    if answer is None:
        answer = keys.answers[name] = _is_self(name, keys)
    return answer


def _is_self(name: str, keys: list) -> bool:
    k = _TITLE_PREFIX.sub("", _key(name))
    if len(k) < 5:
        return False
    for ik in keys:
        if ik.startswith(k) or k.startswith(ik):
            return True
    return False


@dataclass(slots=True)
class Finding:
    items: list          # [(name, start, end)]
    sentence: Sentence
    kind: str            # 'subject', 'object', 'label'
    pos: int


_LEAD = re.compile(
    r"(?:\s+|[-+•–—](?=\s)|Điều[^\S\n]+\d{1,3}[^\S\n]*[.:]|[IVXL]{1,5}[^\S\n]*[.:)](?=\s)"
    r"|\d{1,2}(?:\.\d{1,2}){0,3}[.)]|[a-zđ]\)(?=\s)|\((?:\d{1,2}|[a-zđ])\))*"
)


def _skip_lead(doc: Doc, pos: int, end: int) -> int:
    """Past bullets, section markers and white space at `pos`."""
    return _LEAD.match(doc.C, pos, end).end()  # type: ignore[union-attr]  # (...)* always matches


# "giao", "đề nghị", "yêu cầu" not inside a word and before white space or ':'; one pattern each, with the word that
# must occur for it to match (a pattern opening with a word is searched for much faster than one opening with a
# choice of letters: there is a "g" in every "ng")
_TRIGGER_BRANCHES = (
    ("giao", re.compile(r"giao(?<![\w/]giao)(?=[\s:])")),
    ("nghị", re.compile(r"đề(?<![\w/]đề)\s+nghị(?=[\s:])")),
    ("cầu", re.compile(r"yêu(?<![\w/]yêu)\s+cầu(?=[\s:])")),
)


def _triggers(low: str, s: int, e: int, text: str) -> list:
    """[(start, end)] of the triggers in [s, e) of `low` (`text` = low[s:e]), in order (they never overlap)."""
    spans = []
    for word, pattern in _TRIGGER_BRANCHES:
        if word in text:
            spans.extend([m.span() for m in pattern.finditer(low, s, e)])
    if len(spans) > 1:
        spans.sort()
    return spans


def _word_before(low: str, pos: int, lo: int) -> str:
    words = low[max(lo, pos - 24):pos].replace(",", " , ").replace(";", " ; ").replace(":", " : ").split()
    if not words:
        return ""
    word = words[-1]
    if word in ("bản", "dung", "trình", "vụ", "ứng") and len(words) > 1:
        word = words[-2] + " " + word
    return word


def _object_start(doc: Doc, pos: int, end: int) -> int:
    c, low = doc.C, doc.L
    while pos < end and (c[pos] in " \n:"):
        pos += 1
    if low.startswith("cho ", pos):
        pos += 4
    return pos


_LABEL_PREFIX = re.compile(r"^(?:\s|[-+•*]|\w{1,2}\)|\d{1,2}[.)])+")


# the last words of LEAD_LABELS: a label _lead_label finds ends the text before the colon (but for the characters it
# strips), so that text ends with one of them
_LEAD_LABEL_ENDS = tuple({label.rsplit(" ", 1)[-1] for label in LEAD_LABELS})


def _lead_label(low: str, s: int, colon: int) -> bool:
    """Is the text before the colon at `colon` a label like 'Cơ quan chủ trì'?"""
    label = low[max(s, colon - 45):colon]
    if not label.rstrip(" -+•*\n").endswith(_LEAD_LABEL_ENDS):
        return False  # most colons follow no label
    for sep in ".;:":
        k = label.rfind(sep)
        if k >= 0:
            label = label[k + 1:]
    label = _LABEL_PREFIX.sub("", label).strip(" -+•*\n")
    return label in LEAD_LABELS


def _first_word(low: str, pos: int) -> str:
    head = low[pos:pos + 24].split(None, 1)
    return head[0].rstrip(".,;:") if head else ""


def _opens_agency(low: str, pos: int) -> bool:
    return _first_word(low, pos) in _FIRST_WORDS


_INTRO_PHRASES = {word: tuple(phrases) for word, phrases in INTRO_WORDS.items()}  # for str.startswith

# Openings of many sentences that read_phrase rejects as a subject, though their first word can open an agency's name
# ("Tổ chức thực hiện", "Trường hợp ...", "Cơ quan thực hiện: ..."); see _agencies: "tổ chức" is no head; "trường",
# a word of other uses too, needs a capitalised word after it; "cơ quan", a common noun, a capitalised name. Each
# ends its token (a token may end in full stops, see _agencies._TOKEN). test_body_fast_forms checks these reasons
# against the word lists, and read_phrase's answer on such texts.
_REJECTED_SUBJECT = re.compile(
    r"(?:tổ\s+chức|trường\s+(?P<hop>hợp)|cơ\s+(?P<quan>quan))\.*(?![^\s,;:()\[\]“”\"/])"
)


def _rejected_subject(doc: Doc, pos: int, end: int) -> bool:
    """Is read_phrase(doc, pos, end, "subject") certain to be None (a cheap test for the openings above)?"""
    m = _REJECTED_SUBJECT.match(doc.L, pos, end)
    if m is None:
        return False
    c = doc.C
    if m.group("hop"):
        return not c[m.start("hop")].isupper()  # "Trường hợp", not "Trường Hợp ..." (a school's name)
    if m.group("quan"):
        after = m.end()  # the next token opens with the next character that is not white space
        while after < end and c[after].isspace():
            after += 1
        return after >= end or not c[after].isupper()
    return True  # "tổ chức"


def analyse_sentence(doc: Doc, sent: Sentence, keys: IssuerKeys) -> list:
    """Findings (agencies told to act) in one sentence."""
    low = doc.L
    s, e = sent.start, sent.end
    found = []
    first = _skip_lead(doc, s, e)
    word = _first_word(low, first)
    candidates = []
    if word in _FIRST_WORDS:
        candidates.append((first, False))
    # what the sentence contains is tested on its own text (a test with `in` costs less than a find in [s, e))
    text = low[s:e]
    # after ';' and ':' inside the sentence
    if ";" in text:
        i = text.find(";")
        while i >= 0:
            pos = _skip_lead(doc, s + i + 1, e)
            if _opens_agency(low, pos):
                candidates.append((pos, False))
            i = text.find(";", i + 1)
    if ":" in text:
        i = text.find(":")
        while i >= 0:
            k = s + i
            pos = _skip_lead(doc, k + 1, e)
            if _opens_agency(low, pos):
                candidates.append((pos, _lead_label(low, s, k)))
            elif _lead_label(low, s, k):
                candidates.append((pos, True))
            i = text.find(":", i + 1)
    # an introductory phrase: the subject follows the comma that closes it (or a chain of them:
    # "Trong quá trình thực hiện, nếu có vướng mắc, các cơ quan ... kịp thời báo cáo")
    if word in _INTRO_PHRASES and low.startswith(_INTRO_PHRASES[word], first):
        k = low.find(",", first, min(e, first + 400))
        while 0 <= k < first + 160:
            pos = _skip_lead(doc, k + 1, e)
            word = _first_word(low, pos)
            if word in ("nếu", "khi", "trường", "sau", "trước") or (
                    word in _INTRO_PHRASES and low.startswith(_INTRO_PHRASES[word], pos)):
                k = low.find(",", k + 1, min(e, first + 400))
                continue
            if word in _FIRST_WORDS:
                candidates.append((pos, False))
            break
    has_trigger = "giao" in text or "nghị" in text or "cầu" in text  # the words of _TRIGGER_BRANCHES
    if not candidates and not has_trigger:
        return found
    if len(candidates) > 1:
        candidates = sorted(set(candidates))
    consumed = set()
    covered_until = -1
    for pos, labelled in candidates:
        if pos >= e or pos < covered_until:
            continue
        mode = "list" if labelled else "subject"
        if mode == "subject" and _rejected_subject(doc, pos, e):
            continue  # read_phrase would answer None
        phrase = read_phrase(doc, pos, e, mode)
        if not phrase:
            continue
        covered_until = phrase.end
        if mode == "list":
            found.append(Finding(phrase.items, sent, "label", pos))
            continue
        verb = phrase.verb
        if verb is None:
            continue
        if verb in SPEECH_VERBS:
            obj_pos = _object_start(doc, phrase.verb_end, e)
            obj = read_phrase(doc, obj_pos, e, "object")
            consumed.add(phrase.verb_start)
            if obj:
                items = [it for it in obj.items if not is_self(it[0], keys)]
                if items:
                    found.append(Finding(items, sent, "object", obj_pos))
                covered_until = obj.end
            continue
        if verb in NON_TASK_VERBS:
            continue
        if verb in ("chỉ đạo", "hướng dẫn", "quy định", "lưu ý") and \
                low[phrase.verb_start:e].rstrip().endswith(("như sau:", "sau đây:", "cụ thể:", "như sau")):
            continue  # "UBND tỉnh chỉ đạo như sau:": the issuer introducing its instructions
        items = [it for it in phrase.items if not is_self(it[0], keys)]
        if items:
            found.append(Finding(items, sent, "subject", pos))
    # "giao X", "đề nghị X", "yêu cầu X" anywhere in the sentence
    if has_trigger:
        for k, trigger_end in _triggers(low, s, e, text):
            if k in consumed or _word_before(low, k, s) in TRIGGER_BLOCKERS:
                continue
            obj_pos = _object_start(doc, trigger_end, e)
            if not any(f.pos == obj_pos for f in found):
                obj = read_phrase(doc, obj_pos, e, "object")
                items = [it for it in obj.items if not is_self(it[0], keys)] if obj else []
                if items:
                    found.append(Finding(items, sent, "trigger", obj_pos))
    return found


# --- tables of tasks ------------------------------------------------------------------------------------------
# A plan's appendix lists its tasks in a table: STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp | Thời gian. The
# lead agency of each row is an assignee. Tables come as markdown rows ("| 1. | ... | Sở X | ... |") or, from web
# pages, flattened one cell per line.

_LEAD_COLUMN = re.compile(r"(?:cơ quan|đơn vị)?[\s,]*(?:cơ quan|đơn vị)?\s*chủ\s+trì(?:\s+thực\s+hiện)?$")
_ROW_NUMBER = re.compile(r"^\d{1,3}\.?$")


def _cell_label(text: str) -> str:
    return " ".join(text.replace("*", " ").replace("|", " ").lower().split()).strip(" :")


_LEAD_PROBES = ("chủ trì", "Chủ trì", "CHỦ TRÌ")


def _names_lead_column(line: str) -> bool:
    """"trì" in line.lower(), as the label of a lead column has it; only ì and Ì lower-case to ì, and looking for them
    costs less than lower-casing the line."""
    return ("ì" in line or "Ì" in line) and "trì" in line.lower()


def table_findings(doc: Doc, lo: int, hi: int) -> list:
    """Findings for the lead agency of each row of a task table in [lo, hi)."""
    out = []
    s = doc.S
    # start at the first line that can head a task table (a cell or a line naming the lead agency)
    first = None
    for probe in _LEAD_PROBES:
        i = s.find(probe, lo, hi)
        while i >= 0:
            line_lo = max(s.rfind("\n", lo, i) + 1, i - 400)
            line_hi = s.find("\n", i, min(hi, i + 400))
            line = s[line_lo:line_hi if line_hi >= 0 else min(hi, i + 400)]
            if line.count("|") >= 2 or (line_hi >= 0 and len(_cell_label(line)) < 40):
                first = line_lo if first is None else min(first, line_lo)
                break
            i = s.find(probe, i + 1, hi)
    if first is None:
        return out
    lines = s[first:hi].split("\n")
    column = None
    width = 0
    flattened = None  # index of the flattened header's lead line
    row: list[Any] | None = None  # [start, end] of the task row being read
    next_start = first
    for k, text in enumerate(lines):
        start = next_start
        next_start += len(text) + 1
        if column is None and flattened is None and not _names_lead_column(text):
            continue  # before a table's header only a line naming the lead column ("... chủ trì") matters
        stripped = text.strip()
        if stripped.count("|") >= 2:
            cells = []
            cell_start = start
            for piece in text.split("|"):
                cells.append((cell_start, cell_start + len(piece), piece))
                cell_start += len(piece) + 1
            labels = [_cell_label(c[2]) for c in cells]
            lead = [i for i, lab in enumerate(labels) if lab and _LEAD_COLUMN.match(lab)]
            if lead:
                column, width = lead[0], len(cells)
                continue
            if column is not None and abs(len(cells) - width) <= 1 and column < len(cells):
                a, b, piece = cells[column]
                if piece.strip(" -*") and not set(piece.strip()) <= set("-: "):
                    phrase = read_phrase(doc, a + len(piece) - len(piece.lstrip()), b, "list")
                    if phrase:
                        out.append(Finding(phrase.items, Sentence(start, start + len(text.rstrip()), -1), "label", a))
            continue
        if column is not None and stripped and "|" not in stripped:
            column = None
        if flattened is None and not _names_lead_column(stripped):
            continue  # a cheap test first: the label of the lead column ends in "chủ trì" or "chủ trì thực hiện"
        label = _cell_label(stripped)
        if flattened is None:
            if label and _LEAD_COLUMN.match(label) and len(label) < 40:
                nxt = next((_cell_label(t) for t in lines[k + 1:k + 4] if _cell_label(t)), "")
                if "phối hợp" in nxt:
                    flattened = k
            continue
        if _ROW_NUMBER.match(label):
            row = [start, None]
            continue
        if row is None or row[1] is not None or not label:
            continue
        offset = start + len(text) - len(text.lstrip())
        if offset - row[0] < 8:
            continue
        phrase = read_phrase(doc, offset, start + len(text.rstrip()), "list")
        if phrase and phrase.end >= start + len(text.rstrip()) - 2:
            row[1] = phrase.end
            out.append(Finding(phrase.items, Sentence(row[0], phrase.end, -1), "label", offset))
    return out


_HEADING_LABEL = re.compile(
    r"(?i)(?:giao(?: cho)?|đề nghị|yêu cầu|trách nhiệm (?:của|thực hiện)|nhiệm vụ (?:của|cụ thể của)|"
    r"phân công)\s*:?\s*"
)


_DESCRIPTIVE = re.compile(
    r"(?i)(?:đối tượng(?: áp dụng)?|phạm vi(?: điều chỉnh)?|giải thích từ ngữ|thực trạng|tình hình|kết quả đạt được|"
    r"đánh giá (?:kết quả|tình hình)|bối cảnh|căn cứ (?:pháp lý|xây dựng)|quan điểm)\b"
)


def section_heading(doc: Doc, sec: Section, keys: IssuerKeys) -> None:
    """Fill the section's heading and, where the heading names agencies, its items."""
    c = doc.C
    hs = sec.heading_start
    while hs < sec.heading_end and c[hs].isspace():
        hs += 1
    bold = (doc.bold_at(hs) or doc.bold_at(max(sec.start, hs - 1))) if doc.bold_runs() else None
    limit = sec.heading_end
    if bold and bold[1] > hs + 1:
        limit = min(bold[1], sec.end)
        mode = "heading"
        heading = squash(c[hs:limit])
    elif _markdown_heading(doc, sec.start):
        limit = min(doc.line_end(hs), sec.end)
        mode = "heading"
        heading = squash(c[hs:limit])
    else:
        mode = "plain"
        heading = None
    label = _HEADING_LABEL.match(c, hs, limit)
    read_from = label.end() if label else hs
    sec.read_from = read_from
    sec.speaks = bool(label) and c[hs:hs + 2].lower() != "tr"  # "Giao", "Đề nghị", "Yêu cầu"; not "Trách nhiệm"
    if mode == "heading":
        phrase = read_phrase(doc, read_from, limit, "heading")
        body_from = limit
    else:
        phrase = read_phrase(doc, read_from, min(limit, sec.end), "subject" if not label else "object")
        if phrase and phrase.verb in _NOT_TASK_OR_SPEECH:
            phrase = None
        body_from = phrase.end if phrase else hs
    if heading is None:
        if phrase and (phrase.verb is None or "\n" in c[phrase.end:phrase.verb_start]):
            heading = squash(c[hs:phrase.end])  # "1. Sở Y tế\nTăng cường ...": the heading is its own line
        else:
            # the heading runs to the end of its first sentence or clause, within 250 of its first 400 characters
            window_end = min(limit, sec.end, hs + 400)
            cut = _HEADING_END.search(c, hs, window_end)
            heading = squash(c[hs:cut.start() if cut and cut.start() - hs < 250 else min(window_end, hs + 250)])
    sec.heading = heading.strip(" :;.*") if heading else ""
    sec.descriptive = len(sec.heading) < 80 and bool(_DESCRIPTIVE.match(sec.heading))
    if not phrase:
        return
    # a numbered name with nothing under it (a list of companies in an appendix) assigns nothing
    rest = c[body_from:sec.end]
    sec.pure_name = len(rest.strip(" \n:.;")) < 3
    if sec.pure_name:
        return
    items = [(name, a) for name, a, _ in phrase.items if mode != "plain" or not is_self(name, keys)]
    if items:
        sec.items = items
        sec.source = "heading"


# ".", ":" or ";" before white space, or a blank line (written with a leading character class, scanned fast)
_HEADING_END = re.compile(r"[.:;\n](?:(?<=[.:;])(?=\s)|(?<=\n)[^\S\n]*\n)")
_NOT_TASK_OR_SPEECH = SPEECH_VERBS | NON_TASK_VERBS


def _markdown_heading(doc: Doc, start: int) -> bool:
    """Does a markdown '#' open the line before `start` (blanked in C, kept in S)?"""
    if start == 0 or doc.C[start - 1] == "\n":
        return False  # nothing before it on its line
    return doc.S[doc.line_start(start):start].lstrip().startswith("#")


# --- tasks --------------------------------------------------------------------------------------------------------

def clear_name_lists(sections: list) -> None:
    """Three or more consecutive sibling sections with a few words each are a list of names (the companies of
    an appendix), not assignments."""
    run = []

    def flush():
        if len(run) >= 3 and sum(sec.pure_name for sec in run) * 3 >= len(run) * 2:
            for sec in run:
                sec.items = []
                sec.source = "names"
        run.clear()
    for sec in sections:
        short = sec.end - sec.start < 160 and (sec.source == "heading" or sec.pure_name)
        if short and (not run or (run[-1].level == sec.level and sec.start - run[-1].end < 40)):
            run.append(sec)
            continue
        flush()
        if short:
            run.append(sec)
    flush()


class SectionIndex:
    """The sections containing a position, innermost first, in O(log n + depth)."""

    def __init__(self, sections: list):
        self.sections = sections
        self.starts = [sec.start for sec in sections]
        self.parent = parent = []
        stack = []  # (index, section) of the sections open at the current one
        for i, sec in enumerate(sections):
            start, level = sec.start, sec.level
            while stack:
                top = stack[-1][1]
                if top.start <= start < top.end and top.level < level:
                    break
                stack.pop()
            parent.append(stack[-1][0] if stack else -1)
            stack.append((i, sec))

    def containing(self, pos: int) -> list:
        i = bisect.bisect_right(self.starts, pos) - 1
        sections, parent = self.sections, self.parent
        out = []
        while i >= 0:
            sec = sections[i]
            if sec.start <= pos < sec.end:
                out.append(sec)
            i = parent[i]
        return out

    def innermost(self, pos: int, with_items: bool = False):
        """The innermost section containing `pos` (with items, if `with_items`), or None."""
        i = bisect.bisect_right(self.starts, pos) - 1
        sections, parent = self.sections, self.parent
        while i >= 0:
            sec = sections[i]
            if sec.start <= pos < sec.end and (sec.items or not with_items):
                return sec
            i = parent[i]
        return None


def quoted_spans(doc: Doc, lo: int, hi: int) -> list:
    """[(start, end)] of “quoted” passages (quoted legal text is not the document speaking)."""
    c = doc.C
    spans = []
    i = c.find("“", lo, hi)
    while i >= 0:
        j = c.find("”", i + 1, min(hi, i + 6000))
        if j < 0:
            break
        spans.append((i, j + 1))
        i = c.find("“", j + 1, hi)
    return spans


def _inside(spans: list, a: int, b: int) -> bool:
    """Is [a, b) inside one of the sorted, disjoint spans?"""
    i = bisect.bisect_right(spans, (a, float("inf"))) - 1
    return i >= 0 and spans[i][0] <= a and b <= spans[i][1] + 3


_LOCAL_TAIL = {"tỉnh", "thành phố", "tp", "cấp tỉnh", "của tỉnh", "thành phố hà nội", "trên địa bàn"}


_LOCAL_TAIL_KEYS = {fold(x) for x in _LOCAL_TAIL}


class NameKeys:
    """The comparison keys and initials of the agency names of one document, each name folded once."""

    def __init__(self):
        self._folded = {}
        self._keys = {}
        self._initials = {}

    def folded(self, name: str) -> str:
        folded = self._folded.get(name)
        if folded is None:
            folded = self._folded[name] = fold(name)
        return folded

    def key(self, name: str) -> str:
        key = self._keys.get(name)
        if key is None:
            key = self._keys[name] = self.folded(name).strip(" ,.;:").replace(" co lien quan", " lien quan")
        return key

    def initials(self, name: str) -> str:
        """'Sở Khoa học và Công nghệ' and 'Sở KH&CN' -> 'skh&cn'."""
        initials = self._initials.get(name)
        if initials is None:
            initials = self._initials[name] = _initials(self.folded(name))
        return initials


def fill_section_texts(doc: Doc, sections: list, index: "SectionIndex") -> None:
    """sec.text = squash(C[sec.start:sec.end]) for every section, a section's put together from the texts of its
    sub-sections (squashing each level anew would squash the same text once per level)."""
    children = [[] for _ in sections]
    for k, parent in enumerate(index.parent):
        if parent >= 0:
            children[parent].append(sections[k])
    for k in range(len(sections) - 1, -1, -1):  # a sub-section comes after its section
        sections[k].text = _joined_text(doc.C, sections[k], children[k])


def _joined_text(c: str, sec: Section, subs: list) -> str:
    pieces = []
    pos = sec.start
    for sub in subs:
        # squash(x + y) is squash(x) + " " + squash(y) when no word runs across the boundary
        if not (pos <= sub.start <= sub.end <= sec.end and _word_boundary(c, sub.start)
                and _word_boundary(c, sub.end)):
            return squash(c[sec.start:sec.end])
        pieces.append(squash(c[pos:sub.start]))
        pieces.append(sub.text)
        pos = sub.end
    pieces.append(squash(c[pos:sec.end]))
    return " ".join([p for p in pieces if p])


def _word_boundary(c: str, k: int) -> bool:
    return k <= 0 or k >= len(c) or c[k - 1].isspace() or c[k].isspace()


def build_tasks(doc: Doc, sections: list, findings: list, quotes: list, index: "SectionIndex") -> tuple:
    """(tasks, assignees) from section items and sentence findings (`index`: the sections' SectionIndex)."""
    known = NameKeys()
    quotes = sorted(quotes)
    kept = []  # [(finding, the innermost section at it)]
    for f in findings:
        if quotes and _inside(quotes, f.pos, f.pos + 1):
            continue
        sec = index.innermost(f.pos)
        if sec is not None and sec.descriptive:
            continue
        kept.append((f, sec))
    findings = [f for f, _ in kept]
    # a section without a heading agency takes the agencies of its 'Cơ quan chủ trì:' line
    for f, sec in kept:
        if sec is None or sec.items:
            continue
        if f.kind == "label":
            sec.items = [(name, a) for name, a, _ in f.items]
            sec.source = "label"
    tasks = []
    mentions = []
    c = doc.C
    fill_section_texts(doc, sections, index)
    for sec in sections:
        if not sec.items:
            continue
        for name, pos in sec.items:
            tasks.append({"assignee": name, "text": sec.text, "start": sec.start, "end": sec.end})
            mentions.append((pos, name))
    name_lists = {sec.start for sec in sections if sec.source == "names"}
    texts = {}
    for f in findings:
        sent = f.sentence
        enclosing = [sec for sec in index.containing(sent.start) if sec.items]
        if enclosing and f.kind == "trigger" and not any(sec.speaks for sec in enclosing):
            continue  # "yêu cầu các cơ sở ..." inside a section given to an agency: that agency's own request
        if any(sec.source == "heading" and f.pos in (sec.read_from, sec.heading_start) for sec in enclosing):
            continue  # the heading's own agency phrase, already read (perhaps more fully) as the section's heading
        if sent.start in name_lists:
            continue
        covered = {known.key(name) for sec in enclosing for name, _ in sec.items}
        text = texts.get(sent.start)
        for name, a, _ in f.items:
            mentions.append((a, name))
            if known.key(name) in covered:
                continue
            if text is None:
                text = texts[sent.start] = squash(c[sent.start:sent.end])
            tasks.append({"assignee": name, "text": text, "start": sent.start, "end": sent.end})
    tasks.sort(key=lambda t: (t["start"], -t["end"]))
    seen = set()
    unique_tasks = []
    for t in tasks:
        key = (known.key(t["assignee"]), t["start"], t["end"])
        if key in seen:
            continue
        seen.add(key)
        unique_tasks.append(t)
    heading_names = [name for sec in sections for name, _ in sec.items]
    ordered = [name for _, name in sorted(mentions, key=lambda m: m[0])]
    names, representative = unique_names(heading_names + ordered, known)
    first_seen = {}
    for k, name in enumerate(ordered):
        first_seen.setdefault(known.key(representative[name]), k)
    names.sort(key=lambda n: first_seen.get(known.key(n), len(ordered)))
    for t in unique_tasks:
        t["assignee"] = representative.get(t["assignee"], t["assignee"])
    return unique_tasks, names


# "KH&CN", "UBND": a run of capitals not inside a word (opening with a character class, scanned fast; the
# look-behind after the first capital checks the character before it)
_ABBREVIATED = re.compile(r"[A-ZĐ](?<!\w[A-ZĐ])(?:[A-ZĐ]{0,3}&[A-ZĐ]{1,4}(?!\w)|[A-ZĐ]{1,5}(?!\w))")


def _initials(folded: str) -> str:
    """'so khoa hoc va cong nghe' and 'so kh&cn' (folded names) -> 'skh&cn'."""
    out = []
    for word in folded.replace(",", " ").split():
        if word == "va":
            out.append("&")
        elif "&" in word:
            out.append(word)
        else:
            out.append(word[0])
    return "".join(out)


def unique_names(names, known: NameKeys | None = None) -> tuple:
    """([name], {name: the name kept for it}): each agency once: the same words in another order
    ("UBND các phường, xã" / "UBND các xã, phường") or
    the same group with its locality added ("các sở, ban, ngành" / "các sở, ban, ngành Thành phố") count once."""
    known = NameKeys() if known is None else known
    out = []
    by_key = {}
    out_abbreviated = []
    keys = []
    representative = {}
    for name in names:
        if name in representative:
            continue
        k = known.key(name)
        if k in by_key:
            representative[name] = out[by_key[k]]
            continue
        words = frozenset(k.replace(",", " ").split())
        abbreviated = _ABBREVIATED.search(name) is not None
        twin = None
        for index, (other, other_words) in enumerate(keys[:100] if len(out) < 2000 else ()):
            if words == other_words:
                twin = index
                break
            # initials are compared only with an abbreviation (most names never need theirs)
            if (abbreviated or out_abbreviated[index]) and known.initials(name) == known.initials(out[index]):
                twin = index  # "Sở KH&CN" is "Sở Khoa học và Công nghệ"
                break
            longer, shorter = (k, other) if len(k) > len(other) else (other, k)
            if longer.startswith(shorter + " ") and longer[len(shorter) + 1:] in _LOCAL_TAIL_KEYS:
                twin = index
                break
        if twin is not None:
            representative[name] = out[twin]
            continue
        by_key[k] = len(out)
        keys.append((k, words))
        out.append(name)
        out_abbreviated.append(abbreviated)
        representative[name] = name
    return out, representative


# --- reporting ----------------------------------------------------------------------------------------------------

_REPORT_VERB = re.compile(r"báo\s+cáo|phản\s+ánh|phản\s+hồi|cung\s+cấp\s+thông\s+tin")
# every branch opens with a letter (the regex engine then scans for those letters quickly): "nếu" not inside a
# word is checked by a look-behind after its "n"
_EVENT = re.compile(
    r"đột xuất|khi có yêu cầu|theo yêu cầu|khi được yêu cầu|vướng mắc|khó khăn|phát sinh|vượt thẩm quyền|"
    r"kịp thời|trường hợp|n(?<!\wn)ếu\b|khi phát hiện|khi cần thiết|bất thường|sự cố"
)
_SENT_RESULTS = re.compile(
    r"(?:kết\s+quả|số\s+liệu|thông\s+tin|tình\s+hình|danh\s+mục|danh\s+sách|tổng\s+hợp)[^;.]{0,240}?\s(gửi)\s"
)
_GUI = re.compile(r"gửi")
_PARENS = re.compile(r"\([^()]{0,200}\)")
_EXPLICIT_EVENT = re.compile(r"đột xuất|khi có yêu cầu|theo yêu cầu|khi được yêu cầu")
_FREQ_WORD = r"(?:(?:\d{1,2}|một|sáu|chín)\s+)?(?:tháng|quý|năm|tuần)"
_PERIODIC = re.compile(rf"định\s+kỳ\s*\(?\s*(?P<list>{_FREQ_WORD}(?:\s*(?:,|và|hoặc|;|/)\s*{_FREQ_WORD})*)")
_EVERY = re.compile(r"(?:hằng|hàng)\s+(tuần|tháng|quý|năm)")
_REPORT_OF = re.compile(r"báo\s+cáo\s+(?P<f>(?:\d{1,2}|sáu|chín)\s+tháng|quý|tháng|năm|tuần)(?!\s*\d)")
_DATES_BEFORE_YEARLY = re.compile(
    r"trước\s+ngày\s+(?P<dates>\d{1,2}\s*/\s*\d{1,2}(?:\s*(?:,|và)\s*(?:ngày\s+)?\d{1,2}\s*/\s*\d{1,2})*)"
    r"\s*(?:hằng|hàng)\s+năm"
)
_ONE_TIME = re.compile(
    r"trước\s+ngày\s+(?:\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})"
)
_DEADLINE = re.compile(r"trước\s+ngày\s+[\d/]+(?:\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?)?(?:\s+(?:và|,)\s+[\d/]+)*"
                       r"(?:\s+(?:hằng|hàng)\s+năm)?")
_NUMBER_WORDS = {"một": "1", "sáu": "6", "chín": "9"}


def _norm_freq(text: str) -> str:
    words = text.split()
    if len(words) == 1:
        return words[0]
    n = _NUMBER_WORDS.get(words[0], words[0]).lstrip("0") or "0"
    unit = words[-1]
    if unit == "tháng":
        return {"1": "tháng", "3": "quý", "6": "6 tháng", "9": "9 tháng", "12": "năm"}.get(n, f"{n} tháng")
    if unit == "năm" and n == "1":
        return "năm"
    if unit == "tuần" and n == "1":
        return "tuần"
    return f"{n} {unit}"


_FREQ_ANCHOR = re.compile(
    r"định\s+kỳ\s*|(?=(?:hằng|hàng)\s+(?:tuần|tháng|quý|năm))|"
    r"báo\s+cáo\s+(?:(?:sơ\s+kết|tổng\s+kết|định\s+kỳ)\s+)?(?=(?:\d{1,2}\s+|sáu\s+|chín\s+)?(?:tuần|tháng|quý|năm)\b)"
)
_FREQ_ITEM = re.compile(
    r"(?:(?:hằng|hàng)\s+)?(?:(?P<n>\d{1,2}|một|sáu|chín)\s+)?(?P<unit>tuần|tháng|quý|năm)\b(?!\s*\d)"
)
_FREQ_SEP = re.compile(r"\s*(?:\([^()]{0,160}\)\s*)?(?:,|;|/|\bvà\b|\bhoặc\b)\s*")
_FREQ_PAREN = re.compile(r"\s*\([^()]{0,160}\)")


def _frequencies(low: str) -> list:
    """Reporting frequencies named in a clause: 'định kỳ 6 tháng, 1 năm', 'hằng quý', 'báo cáo quý, năm',
    'trước ngày 01/6 và 15/11 hằng năm' (twice a year)."""
    out = []
    if "tuần" not in low and "tháng" not in low and "quý" not in low and "năm" not in low:
        return out  # every frequency names one of these units (most clauses name none)

    def add(f):
        if f not in out:
            out.append(f)
    dates = _DATES_BEFORE_YEARLY.search(low)
    twice = None
    if dates:
        n = len(re.findall(r"\d{1,2}\s*/\s*\d{1,2}", dates.group("dates")))
        twice = {2: "6 tháng", 4: "quý"}.get(n)
    for anchor in _FREQ_ANCHOR.finditer(low):
        pos = anchor.end()
        while True:
            m = _FREQ_ITEM.match(low, pos)
            if not m:
                break
            unit, count = m.group("unit"), m.group("n")
            if unit == "năm" and twice and dates and dates.start() <= m.start() <= dates.end():
                add(twice)
            else:
                add(_norm_freq(f"{count} {unit}" if count else unit))
            pos = m.end()
            paren = _FREQ_PAREN.match(low, pos)
            if paren:
                pos = paren.end()
            sep = _FREQ_SEP.match(low, pos)
            if not sep:
                break
            pos = sep.end()
    return [f for f in out if f in ("tuần", "tháng", "quý", "6 tháng", "9 tháng", "năm")]


_RECIPIENT_STOP = re.compile(
    r"\s*(?:\(|để|,|;|\.|trước|theo|kết quả|về việc|bằng|trong|khi|nếu|và\s+(?:gửi|báo cáo|đề xuất|trình)|"
    r"xem xét|tổng hợp|chậm nhất|định kỳ|hằng|hàng|qua\s)"
)
# "(qua X)", "(thông qua X)" or "thông qua X" not inside a word (both branches open with a character, scanned fast)
_VIA = re.compile(r"\((?:thông\s+)?qua\s+(?P<via>[^()]{2,80})\)|t(?<!\wt)hông qua\s+(?P<via2>[^,;.()]{2,80})")
_SKIP_BEFORE_RECIPIENT = re.compile(
    r"(?:kết\s+quả|tình\s+hình|kịp\s+thời|bằng\s+văn\s+bản|những\s+khó\s+khăn|các\s+khó\s+khăn|khó\s+khăn|"
    r"vướng\s+mắc|đầy\s+đủ|cụ\s+thể|chung|\S+\s+\S+\s+thực\s+hiện)\b[^;.()]{0,160}?\s(?=về\s|gửi\s|cho\s|lên\s|"
    r"đến\s|tới\s)"
)
_RELAY = re.compile(
    r"để\s+tổng\s+hợp,?\s*(?:báo\s+cáo|đề\s+xuất|trình|tham\s+mưu)\s+(?:đề\s+xuất\s+|trình\s+)?"
)
_SEND_TO = re.compile(rf"(?<!\w)(?:gửi|về)\s+(?=[{UP}]|các\s|cơ\s+quan)")
_BEFORE_RECIPIENT = re.compile(
    r"(?:và\s+(?:đề\s+xuất|kiến\s+nghị)\s*,?\s*)?(?:trình\s+)?(?:về|gửi|cho|lên|đến|tới)?\s*"
)


def _recipient(doc: Doc, pos: int, end: int):
    """The addressee of a report, read at `pos` ('về X', 'gửi X', or X directly)."""
    c, low = doc.C, doc.L
    while pos < end and c[pos].isspace():
        pos += 1
    skip = _SKIP_BEFORE_RECIPIENT.match(low, pos, end)
    if skip:
        pos = skip.end()
    m = _BEFORE_RECIPIENT.match(low, pos, end)
    if m:
        pos = m.end()
    if pos >= end or not c[pos].isupper() and not low.startswith(("các ", "cơ quan", "cấp "), pos):
        return None, pos
    phrase = read_phrase(doc, pos, min(end, pos + 200), "object")
    if phrase:
        return ", ".join(name for name, _, _ in phrase.items), phrase.end
    stop = _RECIPIENT_STOP.search(low, pos + 1, min(end, pos + 160))
    stop_at = stop.start() if stop else min(end, pos + 160)
    text = squash(c[pos:stop_at]).strip(" ,;.:")
    words = text.split()
    if not words or len(words) > 16:
        return None, pos
    return text, stop_at


def _to_and_via(doc: Doc, verb_end: int, end: int) -> tuple:
    low = doc.L
    to, after = _recipient(doc, verb_end, end)
    if to is None:
        later = _SEND_TO.search(doc.C, verb_end, min(end, verb_end + 300))
        if later:
            to, after = _recipient(doc, later.start(), end)
    via = None
    window = low[verb_end:end]
    v = _VIA.search(doc.C[verb_end:end])
    if v:
        via = squash(v.group("via") or v.group("via2")).strip(" ,;.")
    relay = _RELAY.search(window)
    if relay and to and not via:
        to2, _ = _recipient(doc, verb_end + relay.end(), end)
        if to2:
            via, to = to, to2
    return to, via


def _from(found: list, index: "SectionIndex", pos: int):
    """The senders of a duty: the agencies named in its sentence (before the verb if any), else its section's."""
    names = [name for f in found if f.pos <= pos for name, _, _ in f.items]
    if not names:
        names = [name for f in found for name, _, _ in f.items]
    if not names:
        sec = index.innermost(pos, True)
        if sec:
            names = [name for name, _ in sec.items]
    unique = []
    for name in names:
        if name not in unique:
            unique.append(name)
    return "; ".join(unique) if unique else None


# the words of a report verb (see _REPORT_VERB), by their first word
_REPORT_WORDS = (
    ("báo", ("báo cáo", "báo\ncáo")),
    ("phản", ("phản ánh", "phản hồi", "phản\nánh", "phản\nhồi")),
    ("cung cấp thông tin", ("cung cấp thông tin",)),
)


def find_reporting(doc: Doc, sents: list, findings: list, index: "SectionIndex") -> list:
    """Periodic reporting duties (`index`: the sections' SectionIndex, shared with build_tasks)."""
    duties = []
    by_sentence: dict = {}
    for f in findings:
        by_sentence.setdefault(id(f.sentence), []).append(f)
    low = doc.L
    hits = []
    # one scan per first word (the text is searched three times rather than seven)
    for head, words in _REPORT_WORDS:
        i = low.find(head)
        while i >= 0:
            if low.startswith(words, i):
                hits.append(i)
            i = low.find(head, i + 1)
    i = low.find("gửi")
    while i >= 0:
        window = low[max(0, i - 300):i + 300]
        if "hằng" in window or "hàng" in window or "định kỳ" in window:
            hits.append(i)  # results sent on a schedule (see _SENT_RESULTS)
        i = low.find("gửi", i + 1)
    if not hits:
        return duties
    hits.sort()
    for sent in sents:
        k = bisect.bisect_left(hits, sent.start)
        if k >= len(hits) or hits[k] >= sent.end:
            continue
        text = low[sent.start:sent.end]
        offset = sent.start
        previous_periodic = False
        for clause in _clauses(text):
            c_start = offset + clause[0]
            c_end = offset + clause[1]
            clow = low[c_start:c_end]
            verb = None
            for m in _REPORT_VERB.finditer(clow):
                before = clow[max(0, m.start() - 24):m.start()].split()
                if before and before[-1] in ("nghe", "theo", "xét", "cứ", "mẫu", "độ", "các", "kê", "tác", "tin",
                                             "biểu", "liệu"):
                    continue  # "theo báo cáo của", "chế độ báo cáo", "thống kê báo cáo": the noun
                if "nhằm" in before[-3:] or "để" in before[-3:]:
                    continue  # "nhằm kịp thời phản ánh": a purpose, not a duty
                verb = m
                break
            freqs = _frequencies(clow) if verb is not None or "gửi" in clow else []
            if verb is None and freqs:
                # "tổng hợp kết quả ... gửi Bộ X trước ngày 30 tháng 6 hằng năm": results sent on a schedule
                sent_results = _SENT_RESULTS.search(clow)
                verb = _GUI.match(clow, sent_results.start(1)) if sent_results else None
            if verb is None:
                continue
            bare = _PARENS.sub(" ", clow)
            event = _EXPLICIT_EVENT.search(clow) if freqs else _EVENT.search(bare)
            if not freqs and previous_periodic and clow.lstrip().startswith("đồng thời"):
                continue  # "...; đồng thời báo cáo Sở X ...": the same periodic report, sent to one more place
            kinds = list(freqs)
            if event:
                kinds.append("đột xuất")
            if not kinds and _ONE_TIME.search(clow):
                kinds.append("một lần")
            if not kinds:
                continue
            previous_periodic = bool(freqs)
            verb_end = c_start + verb.end()
            to, via = _to_and_via(doc, verb_end, c_end)
            if to is None and not freqs and kinds == ["đột xuất"] and not clow[verb.start():].startswith("báo"):
                continue  # "kịp thời ... phản ánh sự kiện": news coverage, not a report to anyone
            second_to = None
            also = _AND_SEND.search(clow[verb.end():])
            if also and to:
                second_to, _ = _recipient(doc, verb_end + also.end(), c_end)
            deadline = _DEADLINE.search(clow)
            sender = _from(by_sentence.get(id(sent), []), index, c_start + verb.start())
            clause_text = squash(doc.C[c_start:c_end])
            for kind in kinds:
                for recipient in ([to, second_to] if second_to else [to]):
                    duties.append({
                        "frequency": kind, "to": recipient, "via": via, "from": sender,
                        "deadline": squash(deadline.group(0)) if deadline else None,
                        "text": clause_text, "start": c_start, "end": c_end,
                    })
    return _merge(duties)


_AND_SEND = re.compile(r"v(?<!\wv)à\s+gửi\s+")  # "và gửi", not inside a word (opening with its letter, scanned fast)


def _clauses(text: str) -> list:
    out = []
    start = 0
    k = text.find(";")
    while k >= 0:
        out.append((start, k))
        start = k + 1
        k = text.find(";", start)
    out.append((start, len(text)))
    return [(a, b) for a, b in out if b > a]


def _merge(duties: list) -> list:
    """One duty per (frequency, addressee, relay); a periodic report named again without its addressee
    ("Báo cáo 6 tháng gửi trước ngày 20/6") is the one already listed."""
    out = []
    by_route = {}
    by_frequency = {}
    for d in duties:
        key = (d["frequency"], (d["to"] or "").lower(), (d["via"] or "").lower())
        twin = by_route.get(key)
        if twin is None and d["to"] is None and d["frequency"] != "đột xuất":
            twin = by_frequency.get(d["frequency"])
        if twin is None:
            out.append(d)
            by_route[key] = d
            by_frequency.setdefault(d["frequency"], d)
        elif twin.get("deadline") is None and d.get("deadline"):
            twin["deadline"] = d["deadline"]
    return out


# --- cited documents ----------------------------------------------------------------------------------------------

_SYMBOL_PART = r"[A-ZĐ][A-Za-zĐđ0-9]*"
CITATION = re.compile(
    r"(?P<num>\d{1,5})[^\S\n]*(?:/[^\S\n]*(?P<year>(?:19|20)\d\d)[^\S\n]*)?"
    r"(?P<sep>/|-|–)[^\S\n]*\n?[^\S\n]*"
    rf"(?P<sym>{_SYMBOL_PART}(?:(?:-[^\S\n]?\n?[^\S\n]*|–|/|&[^\S\n]?)[A-ZĐ0-9][A-Za-zĐđ0-9]*)*)"
)
QCVN = re.compile(r"QCVN[^\S\n]*(?P<num>\d{1,3})[^\S\n]*:[^\S\n]*(?P<year>\d{4})[^\S\n]*/[^\S\n]*(?P<sym>[A-ZĐ][\w-]*)")
# "Quyết định số 23-QĐ": a party document's number with a one-part symbol and no slash
_SO_DASH = re.compile(r"số\s*:?\s*\d{1,5}[^\S\n]*[-–][^\S\n]*[a-zđ]{1,5}(?![\w/-])")
_LIST_JOIN = re.compile(r"(?:;|,|và|:)\s*(?:[Ss]ố)\s*:?\s*$")
_CITED_DATE = re.compile(
    r"[^\S\n]*,?\s*(?:ban hành\s*)?ngày\s*(?P<d>\d{1,2})\s*(?:[/.\-]|tháng)\s*(?P<m>\d{1,2})\s*"
    r"(?:[/.\-]|năm|(?=\d{4}))\s*(?P<y>\d{4})(?!\d)"
)
_TYPE_CANON = {t.lower(): t for t in TYPE_NAMES}
_TYPE_LOWER = sorted(_TYPE_CANON, key=len, reverse=True)
_TYPE_ENDINGS = tuple(_TYPE_LOWER)


def _last_name_pattern(names: list) -> re.Pattern:
    """A pattern whose group 1 is the name (of `names`, longest first) that starts last in the text: the greedy
    `.*` gives back one character at a time from the end, and the alternatives are tried longest first. The
    alternatives are grouped by first letter, so that one test of that letter rules most of them out."""
    by_first: dict = {}
    for name in names:
        by_first.setdefault(name[0], []).append(re.escape(name[1:]))
    alternatives = "|".join(f"{re.escape(first)}(?:{'|'.join(rests)})" for first, rests in by_first.items())
    return re.compile(rf"(?s:.*)({alternatives})")


_LAST_TYPE_NAME = _last_name_pattern(_TYPE_LOWER)


def _last_type_name(window: str):
    """The type name that starts last in `window` (the longest of those starting there), None if none."""
    m = _LAST_TYPE_NAME.match(window)
    return m.group(1) if m else None


def _symbol_ok(sep: str, year, sym: str) -> bool:
    if year:
        return True
    if sep in "-–":
        return "/" in sym or sym.upper() in ABBREVIATIONS
    return "-" in sym or "–" in sym


# the number before a '/': "882/", "05/2006/", or a party document's "13-KH/" (number, dash, first symbol part).
# Possessive repeats (*+): giving back a digit, a space or a symbol letter can never reach the end, so not trying
# it only saves time; the leading \d lets the engine skip to digits.
_NUMBER_BACK = re.compile(r"\d\d{0,4}+[^\S\n]*+(?:[\-–][^\S\n]*+[A-ZĐ][A-Za-zĐđ0-9&]*+[^\S\n]*+)?$")


def _citation_matches(c: str, lo: int, hi: int) -> list:
    """CITATION matches in [lo, hi), found from the '/' every citation contains (faster than a full scan)."""
    out = []
    pos = c.find("/", lo, hi)
    covered = lo
    while pos >= 0:
        back = _NUMBER_BACK.search(c, max(covered, pos - 24), pos)
        if back:
            start = back.start()
            # "05/2006/TT-..." : the number is before the first slash; "2006" must not be read as a number
            if start > lo and c[start - 1] in "/.,":
                pass
            else:
                m = CITATION.match(c, start, hi)
                if m and m.end() > pos:
                    out.append(m)
                    covered = m.end()
                    pos = c.find("/", m.end(), hi)
                    continue
        pos = c.find("/", pos + 1, hi)
    return out


def find_citations(doc: Doc, ranges: list, own: tuple) -> list:
    out = []
    seen = set()
    by_key = {}
    if own[1]:
        seen.add(_cite_key(own[0], own[1]))
    c = doc.C
    prev_type = None
    prev_end = -1
    for lo, hi in ranges:
        matches = _citation_matches(c, lo, hi)  # in text order
        added = False
        for dash in _SO_DASH.finditer(doc.L, lo, hi):
            m = CITATION.search(c, dash.start(), dash.end())
            if m and m.group("sym").upper() in ABBREVIATIONS:
                matches.append(m)
                added = True
        if c.find("QCVN", lo, hi) >= 0:
            for m in QCVN.finditer(c, lo, hi):
                matches.append(m)
                added = True
        if added:
            matches.sort(key=re.Match.start)
        for m in matches:
            start = m.start()
            qcvn = m.re is QCVN
            num, raw_symbol, year = m.group("num", "sym", "year")
            sym = _clean_cited_symbol(raw_symbol)
            before = c[max(lo, start - 100):start]
            if not qcvn:
                if not _symbol_ok(m.group("sep"), year, sym):
                    continue
                tail = before.rstrip().rstrip(":").rstrip()
                if not (tail.endswith(("số", "Số", "SỐ")) or tail.lower().endswith(_TYPE_ENDINGS)):
                    continue
            symbol = f"{year}/{sym}" if year else sym
            key = _cite_key(num, symbol)
            if key in seen:
                earlier = by_key.get(key)
                if earlier is not None and earlier["symbol"].isupper() and not symbol.isupper():
                    earlier["symbol"] = symbol  # "13/CT-TTG" of a capitalised title is "13/CT-TTg"
                continue
            seen.add(key)
            if qcvn:
                doc_type = "Quy chuẩn kỹ thuật quốc gia"
            else:
                doc_type = _cited_type(before, prev_type if start - prev_end < 60 else None, sym)
            date = None
            d = _CITED_DATE.match(c, m.end(), min(hi, m.end() + 40))
            if d:
                date, _ = make_date(d.group("d"), d.group("m"), d.group("y"))
            out.append({"type": doc_type, "number": num, "symbol": symbol, "date": date})
            by_key[key] = out[-1]
            prev_type = doc_type
            prev_end = m.end()
    return out


def _clean_cited_symbol(symbol: str) -> str:
    symbol = symbol.replace("–", "-")
    if "&" in symbol:
        symbol = _DASH_SPACES.sub("-", _NEWLINE.sub("", symbol))  # "A&\nB" -> "A&B", "A& B" kept
    else:
        symbol = "".join(symbol.split())  # all white space dropped, "QĐ-\nUBND" -> "QĐ-UBND"
    return symbol.strip("-&/ ")


_NEWLINE = re.compile(r"\s*\n\s*")
_DASH_SPACES = re.compile(r"-\s+")
# "[.;]\s|\n\s*\n" (a clause or paragraph break), written to open with a character class the regex engine scans
# for quickly
_TAIL_SPLIT = re.compile(r"[.;\n](?:(?<=[.;])\s|(?<=\n)\s*\n)")
_SYMBOL_SPLIT = re.compile(r"[-/]")
_QH = re.compile(r"QH\d")


def _cite_key(num, symbol) -> str:
    return "".join(f"{num or ''}/{symbol or ''}".split()).lower()  # white space dropped


def _cited_type(before: str, prev_type, sym: str):
    tail = _TAIL_SPLIT.split(before)[-1]
    if prev_type and _LIST_JOIN.search(tail):
        return prev_type
    found = _last_type_name(tail[-90:].lower())
    if found:
        return _TYPE_CANON[found]
    first = _SYMBOL_SPLIT.split(sym)[0].upper()
    if first in ABBREVIATIONS:
        return ABBREVIATIONS[first]
    if _QH.match(first):
        return "Luật"
    return "Văn bản"
