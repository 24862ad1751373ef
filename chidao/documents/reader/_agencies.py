"""Reading the name of an agency, a group of agencies or an office-holder out of running text.

An agency phrase begins with a head noun ("Sở", "Ủy ban nhân dân", "Công an", "Chủ tịch", "các sở, ngành" ...)
and runs until the predicate begins (a verb in lower case: "chủ trì", "tăng cường", "có trách nhiệm" ...). A phrase
may list several agencies; `Phrase.items` splits them the way SCHEMA.md asks: at ";", at "," and "và" where what
follows is an agency of its own, and "Giám đốc các Sở: Tư pháp, Tài chính" into one item per Sở.
"""
import re
from dataclasses import dataclass, field
from typing import Any, Final

from ._layout import Doc, plain_class, squash
from ._lexicon import (
    AMBIGUOUS_HEADS,
    COMPOUND_NOUNS,
    DEPENDENT_MARKERS,
    GENERIC_HEADS,
    LOCALITY_WORDS,
    ORG_HEADS,
    PLURAL_NOUNS,
    SHARED_HEADS,
    STRONG_VERBS,
    TITLE_HEADS,
    WEAK_VERBS,
)

_TOKEN = re.compile(r"[Đđ]/[cC]\.?|[^\s,;:()\[\]“”\"/]+|[,;:()\[\]“”\"/]")
_PUNCT = set(",;:()[]“”\"")
_FIRST_WORDS = set(ORG_HEADS) | set(TITLE_HEADS) | {"các", "những", "mọi", "quý"}
_ALL_HEADS = {p for table in (ORG_HEADS, TITLE_HEADS) for phrases in table.values() for p in phrases}
_SINGLE_HEADS = {p for p in _ALL_HEADS if " " not in p}
_HEAD_PAIRS = {" ".join(p.split()[:2]) for p in _ALL_HEADS if " " in p}
_LEADING_LABELS = {"đề nghị", "đề", "nghị", "giao", "yêu", "cầu", "yêu cầu", "trách", "nhiệm", "của", "đồng", "thời",
                   "đề nghị:", "giao:"}
_ITEM_START = re.compile(r"\S{0,2}[^\S\n]*(?:[-+•]\s|[a-zđA-Z]\)|\d{1,2}[.)]\s|\(\d{1,2}\))")
_LIST_NOUN_END = re.compile(r"(?:^|\s)(?:các\s+)?(?:sở|bộ|ban|ngành|đồng chí|ông|bà)$")
_ABBREVIATION = re.compile(r"^(?:[A-ZĐ]{1,4}|Đ/c|đ/c|Tp|TP|TX|Th)\.$")


# A token is a tuple (fast to build; a document has a few hundred read):
TEXT: Final = 0
KEY: Final = 1
START: Final = 2
END: Final = 3
PUNCT: Final = 4
LINE_FIRST: Final = 5
FULL_STOP: Final = 6
#   TEXT       as written (markup blanked)
#   KEY        lower case, trailing full stop removed
#   PUNCT      one of , ; : ( ) [ ] “ ” "   ("/" is a token of its own but does not end a phrase)
#   LINE_FIRST first token of its line
#   FULL_STOP  ends with a sentence-final full stop


@plain_class
class Tokens(list):
    """Tokens of C from `start` up to `limit`, matched only as far as the reader looks (see `fill`)."""

    def __init__(self, doc: Doc, start: int, limit: int):
        super().__init__()
        self.doc = doc
        self.first = start
        self.limit = limit
        self.loose_heads = {}  # head_len(self, i, strict=False) by i, see `_loose_head`
        self._matches = _TOKEN.finditer(doc.C, start, limit)
        self._newline = -1  # the first newline after the last token read (limit if none), -1 before the first
        self.done = start >= limit

    def fill(self, n: int) -> bool:
        """Make at least n tokens available if the text allows; False when the text is exhausted."""
        if len(self) >= n:
            return True
        if self.done:
            return False
        # a few tokens beyond n: the reader asks for one more at nearly every step
        want = n + _BATCH
        c = self.doc.C
        low = self.doc.L
        limit = self.limit
        newline = self._newline
        append = self.append
        for m in self._matches:
            text = m.group()
            a = m.start()
            b = a + len(text)
            if newline < a:  # tokens hold no newline: one before this token is after the previous one
                if newline >= 0:
                    line_first = True
                elif a == self.first:  # the first token: only spaces and tabs before it on its line
                    line_first = _line_first(c, a)
                else:
                    line_first = c.find("\n", self.first, a) >= 0
                newline = c.find("\n", b, limit)
                if newline < 0:
                    newline = limit
            else:
                line_first = False
            if text[-1] != ".":
                append((text, low[a:b], a, b, text in _PUNCT, line_first, False))
            elif len(text) == 1:
                append((text, ".", a, b, False, line_first, False))
            else:  # a word ending with a full stop (punctuation tokens are one character)
                full_stop = text.endswith("./.") or not _ABBREVIATION.match(text)
                append((text, low[a:b].rstrip("./"), a, b, False, line_first, full_stop))
            if len(self) >= want:
                self._newline = newline
                return True
        self.done = True
        return len(self) >= n


_BATCH: Final = 2  # fewer would call `fill` at every step; more would match tokens the reader never looks at


def _line_first(c: str, a: int) -> bool:
    i = a - 1
    while i >= 0 and c[i] in " \t":
        i -= 1
    return i < 0 or c[i] == "\n"


def _word_prefixes(phrases) -> frozenset:
    """'ủy ban nhân dân' -> 'ủy', 'ủy ban', 'ủy ban nhân': where a lookup read word by word may go on."""
    prefixes = set()
    for phrase in phrases:
        words = phrase.split(" ")
        prefixes.update(" ".join(words[:k]) for k in range(1, len(words)))
    return frozenset(prefixes)


def _with_prefixes(table: dict) -> dict:
    """{first word: (phrases, their word prefixes)}: a phrase lookup can stop as soon as the words read so far
    begin no phrase."""
    return {first: (frozenset(phrases), _word_prefixes(phrases)) for first, phrases in table.items()}


def _head_table() -> dict:
    """{first word: (titles, organisation heads, word prefixes of both)}: both read in one walk."""
    table = {}
    for first in set(ORG_HEADS) | set(TITLE_HEADS):
        titles = frozenset(TITLE_HEADS.get(first, ()))
        orgs = frozenset(ORG_HEADS.get(first, ()))
        table[first] = (titles, orgs, _word_prefixes(titles | orgs))
    return table


_HEAD_TABLE = _head_table()
_PLURAL_TABLE = _with_prefixes(PLURAL_NOUNS)


def _phrase_len(table: dict, toks: list, i: int, max_words: int = 4) -> int:
    """Number of tokens from i that spell a phrase of `table` (one made by `_with_prefixes`; longest), 0 if
    none."""
    if i >= len(toks) or toks[i][PUNCT]:
        return 0
    entry = table.get(toks[i][KEY])
    if entry is None:
        return 0
    phrases, prefixes = entry
    best = 0
    words = None
    for k in range(i, min(len(toks), i + max_words)):
        t = toks[k]
        if t[PUNCT]:
            break
        words = t[KEY] if words is None else f"{words} {t[KEY]}"
        if words in phrases:
            best = k - i + 1
        if t[FULL_STOP] or words not in prefixes:
            break
    return best


def _keys(toks: list, i: int, n: int) -> str:
    """The keys of tokens [i, i + n) joined by spaces."""
    if n == 1 and i < len(toks):
        return toks[i][KEY]
    return " ".join([t[KEY] for t in toks[i:i + n]])


def _capitalised(tok: tuple) -> bool:
    return bool(tok[TEXT]) and tok[TEXT][0].isupper()


# head_len(toks, i) looks at tokens i .. i + 5 ("các" + a head of up to four words + the word after it): they are
# loaded first, so that the answer does not depend on how much of the text happens to be tokenised
_HEAD_REACH: Final = 6


def head_len(toks: list, i: int, strict: bool = True, relaxed: bool = False) -> tuple:
    """(number of tokens, kind) of the agency head starting at token i; kind in 'title', 'org', 'generic',
    'plural'; (0, None) when no agency starts there."""
    if i >= len(toks) or toks[i][PUNCT]:
        return 0, None
    key = toks[i][KEY]
    if key in ("các", "những", "mọi", "quý") and not toks[i][FULL_STOP]:
        n = _phrase_len(_PLURAL_TABLE, toks, i + 1)
        if n:
            return 1 + n, "plural"
        n, kind = _org_or_title(toks, i + 1, strict=False)
        if n and kind != "generic" and (i + 1 < len(toks) and _capitalised(toks[i + 1])):
            return 1 + n, "plural"
        return 0, None
    return _org_or_title(toks, i, strict, relaxed)


def _org_or_title(toks: list, i: int, strict: bool, relaxed: bool = False) -> tuple:
    if i >= len(toks) or toks[i][PUNCT]:
        return 0, None
    key = toks[i][KEY]
    entry = _HEAD_TABLE.get(key)
    if entry is None:
        return 0, None
    if key == "tổ" and i + 1 < len(toks) and toks[i + 1][KEY] == "chức":
        return 0, None  # "tổ chức" (organise / an organisation) is not a named agency
    # the longest title and the longest organisation head starting at i (a title wins)
    titles, orgs, prefixes = entry
    n = title_n = 0
    phrase = title = words = None
    for k in range(i, min(len(toks), i + 4)):
        t = toks[k]
        if t[PUNCT]:
            break
        words = t[KEY] if words is None else f"{words} {t[KEY]}"
        if words in titles:
            title_n, title = k - i + 1, words
        if words in orgs:
            n, phrase = k - i + 1, words
        if t[FULL_STOP] or words not in prefixes:
            break
    if title_n:
        if title == "trưởng" or title == "lãnh đạo":
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            if nxt is None or nxt[PUNCT] or not (_capitalised(nxt) or nxt[KEY] in ("các", "ban", "phòng")):
                return 0, None
        return title_n, "title"
    if not n:
        return 0, None
    if phrase in AMBIGUOUS_HEADS:
        nxt = toks[i + n] if i + n < len(toks) else None
        head_cap = _capitalised(toks[i])
        if nxt is not None and not nxt[PUNCT] and f"{phrase} {nxt[KEY]}" in _VERBS.get(toks[i][KEY], ()):
            return 0, None  # "ban hành", "báo cáo", "phòng chống": a verb, not an agency
        if toks[i][TEXT].isupper() and len(toks[i][TEXT]) > 1 and (nxt is None or nxt[PUNCT]):
            return 0, None  # a capitalised heading ("NHIỆM VỤ, GIẢI PHÁP") says nothing of agencies
        if strict and not head_cap:
            return 0, None
        if relaxed and head_cap:
            pass
        elif nxt is None or nxt[PUNCT]:
            if strict or not head_cap:
                return 0, None
        elif not (_capitalised(nxt) or nxt[KEY] in LOCALITY_WORDS):
            return 0, None
    if phrase in GENERIC_HEADS:
        return n, "generic"
    return n, "org"


def _merge_verbs() -> dict:
    table: dict = {}
    for source, strong in ((WEAK_VERBS, False), (STRONG_VERBS, True)):
        for first, phrases in source.items():
            for phrase in phrases:
                table.setdefault(first, {})[phrase] = strong
    return table


_VERBS = _merge_verbs()
_VERB_PREFIXES = {first: _word_prefixes(phrases) for first, phrases in _VERBS.items()}


def verb_len(toks: list, i: int) -> tuple:
    """(number of tokens, strong?) of a predicate-opening verb at token i, (0, False) if none."""
    t = toks[i]
    if t[PUNCT]:
        return 0, False
    candidates = _VERBS.get(t[KEY])
    if not candidates:
        return 0, False
    prefixes = _VERB_PREFIXES[t[KEY]]
    n = 0
    strong = False
    words = None
    for k in range(i, min(len(toks), i + 4)):
        tk = toks[k]
        if tk[PUNCT]:
            break
        words = tk[KEY] if words is None else f"{words} {tk[KEY]}"
        flag = candidates.get(words)
        if flag is not None:
            n, strong = k - i + 1, flag
        if tk[FULL_STOP] or words not in prefixes:
            break
    if not n or strong:
        return n, strong
    if i > 0 and f"{toks[i - 1][KEY]} {t[KEY]}" in COMPOUND_NOUNS:
        return 0, False
    if t[KEY] == "tổ" and i > 0:
        prev = toks[i - 1]
        if prev[PUNCT] or prev[KEY] in ("các", "và", "những", "hoặc"):
            return 0, False
    return n, False


@dataclass(slots=True)
class Phrase:
    items: list = field(default_factory=list)   # [(name, start, end)]
    end: int = 0                                # offset after the phrase
    verb: str | None = None                      # the verb that ended it (lower case), None if none
    verb_start: int = 0
    verb_end: int = 0


def read_phrase(doc: Doc, start: int, limit: int, mode: str = "subject"):
    """Read an agency phrase at `start` (see `_read_phrase`); results are remembered per document."""
    key = (start, limit, mode)
    cache = doc.phrases
    if key in cache:
        return cache[key]
    result = cache[key] = _read_phrase(doc, start, limit, mode)
    return result


def _read_phrase(doc: Doc, start: int, limit: int, mode: str = "subject"):
    """Read an agency phrase at `start`.

    mode 'subject': at the start of a clause; the phrase must be followed by a verb to count.
    mode 'object':  after "giao", "đề nghị", "yêu cầu"; read until a verb or the end of the clause.
    mode 'heading': a section heading; read to its end, stopping only at the few verbs that open a sentence.
    mode 'list':    the value of "Cơ quan chủ trì:"; like 'object' but a lower-case head is accepted.
    """
    words = doc.L[start:min(limit, start + 40)].split(None, 2)
    if not words:
        return None
    first_word = words[0].rstrip(".,;:")
    if first_word not in _FIRST_WORDS and not (mode in ("heading", "list") and first_word in _LEADING_LABELS):
        return None
    second = words[1].rstrip(".,;:") if len(words) > 1 and words[0][-1] not in ".,;:" else ""
    if first_word in ("các", "những", "mọi", "quý"):
        if second not in PLURAL_NOUNS and second not in ORG_HEADS and second not in TITLE_HEADS:
            return None
    elif first_word in _FIRST_WORDS and not (first_word in _SINGLE_HEADS or f"{first_word} {second}" in _HEAD_PAIRS):
        return None  # "Trường hợp ...", "Chủ trì, ...", "Tổng chi phí ...": a head's first word, not a head
    toks = Tokens(doc, start, limit)
    toks.fill(6)
    if not toks:
        return None
    strict = mode in ("subject",)
    relaxed = mode == "list"
    first = 0
    if mode in ("heading", "list"):
        while first < len(toks) and (toks[first][PUNCT] or toks[first][KEY] in _LEADING_LABELS):
            first += 1
    toks.fill(first + _HEAD_REACH)
    n, kind = head_len(toks, first, strict=strict, relaxed=relaxed)
    if not n:
        return None
    if not relaxed:
        toks.loose_heads[first] = (n, kind)  # a head found strictly is found loosely too, the same
    if kind == "generic" and mode in ("subject", "object"):
        # "Doanh nghiệp thực hiện ...", "đề nghị đơn vị làm thủ tục": a bare common noun is not an addressee,
        # unless a name follows ("cơ sở KCB") or it is written with a capital inside a sentence ("Công ty")
        nxt = toks[first + n] if first + n < len(toks) else None
        named = nxt is not None and not nxt[PUNCT] and _capitalised(nxt)
        definite = _capitalised(toks[first]) and not _line_first(doc.C, toks[first][START]) and \
            doc.C[max(0, toks[first][START] - 2):toks[first][START]].strip() not in (".", "-", "+", ")", ":")
        if not named and not (definite and mode == "object"):
            return None
    parts: list[list[Any]] = [[first, None]]  # [first token, end token] of each ';'-part
    i = first + n
    relative = False
    first_modal = None
    stop: tuple | None = None  # (token index, verb key)
    while (i + 4 <= len(toks) or toks.fill(i + 4)) or i < len(toks):
        t = toks[i]
        if toks[i - 1][FULL_STOP]:
            stop = (i, None)
            break
        if t[PUNCT]:
            p = t[TEXT]
            if p == ";":
                h, _ = _loose_head(toks, i + 1) if not relaxed else _head_relaxed(toks, i + 1)
                if h:
                    parts[-1][1] = i
                    parts.append([i + 1, None])
                    relative = False
                    i += 1 + h
                    continue
                stop = (i, None)
                break
            if p == ",":
                h, _ = _loose_head(toks, i + 1)
                if h:
                    relative = False
                    i += 1 + h
                    continue
                i += 1
                continue
            if p == ":":
                part_text = " ".join([x[KEY] for x in toks[parts[-1][0]:i]])
                if _LIST_NOUN_END.search(part_text):
                    i += 1
                    continue
                stop = (i, None)
                break
            stop = (i, None)
            break
        key = t[KEY]
        if key == "ngày" and i + 1 < len(toks) and toks[i + 1][TEXT][:1].isdigit():
            stop = (i, None)  # "Báo Đấu thầu ngày 26 tháng 3 ...": a dated mention, not an agency
            break
        if t[LINE_FIRST] and mode == "list" and i > first + n and _ITEM_START.match(doc.C, t[START]):
            stop = (i, None)
            break
        if key in ("được", "phải") and mode != "heading":
            if first_modal is None:
                first_modal = i
            relative = True
            i += 1
            continue
        # a verb in lower case ends the phrase; so does a capitalised one opening a line after a complete name
        if key in _VERBS and (t[TEXT][:1].islower() or (
                t[LINE_FIRST] and i - parts[-1][0] > 1 and _capitalised(t) and mode != "list")):
            vn, strong = verb_len(toks, i)
            if vn:
                if mode == "heading" and not strong and _keys(toks, i, vn) not in (
                        "chủ trì", "phối hợp", "theo"):
                    i += vn
                    continue
                if relative and not strong:
                    i += vn
                    continue
                stop = (i, _keys(toks, i, vn))
                break
        if key == "và":
            h, _ = _loose_head(toks, i + 1)
            if h:
                relative = False
                i += 1 + h
                continue
        i += 1
        if i >= 120:
            if len(parts) < 2:
                return None
            parts.pop()  # the last part ran away: keep the complete ones before its ";"
            stop = (parts[-1][1] if parts[-1][1] is not None else i, None)
            break
    if stop is None:
        if first_modal is not None and mode == "subject":
            stop = (first_modal, toks[first_modal][KEY])
        else:
            stop = (len(toks), None)
    end_index = stop[0]
    if end_index <= 0:
        return None
    if parts[-1][1] is None or parts[-1][1] > end_index:
        parts[-1][1] = end_index
    parts = [p for p in parts if p[1] is not None and p[1] > p[0]]
    phrase = Phrase()
    last = toks[end_index - 1]
    phrase.end = last[END]
    if stop[1] is not None:
        phrase.verb = stop[1]
        phrase.verb_start = toks[stop[0]][START]
        vt = stop[0]
        while vt + 1 < len(toks) and " ".join([x[KEY] for x in toks[stop[0]:vt + 1]]) != stop[1]:
            vt += 1
        phrase.verb_end = toks[vt][END]
    for a, b in parts:
        phrase.items.extend(_split_part(doc, toks, a, b))
    return phrase if phrase.items else None


def _chunk_has_locality(toks: list, a: int, b: int) -> bool:
    for t in toks[a:b]:
        if t[KEY] in LOCALITY_WORDS:
            return True
    return False


_SHARED_TITLES = {"người đứng đầu", "thủ trưởng"}
_SEPARATORS = frozenset({",", "và"})


def _loose_head(toks: Tokens, i: int) -> tuple:
    """head_len(toks, i, strict=False), computed once per position: the phrase loop and `_split_part` both ask."""
    found = toks.loose_heads.get(i)
    if found is None:
        toks.fill(i + _HEAD_REACH)
        found = toks.loose_heads[i] = head_len(toks, i, strict=False)
    return found


def _head_relaxed(toks: Tokens, i: int) -> tuple:
    toks.fill(i + _HEAD_REACH)
    return head_len(toks, i, strict=False, relaxed=True)


def _split_part(doc: Doc, toks: Tokens, a: int, b: int) -> list:
    """Split tokens [a, b) of one ';'-part into agency items."""
    chunks = []
    chunk_start = a
    chunk_head_len, chunk_kind = _loose_head(toks, a)
    comma_part_start = a
    chunk_has_comma = False
    cursor = a + max(chunk_head_len, 1)
    # only "," and "và" can end a chunk (agency heads hold neither, so skipping a head never skips one)
    for i in [k for k in range(cursor, b) if toks[k][KEY] in _SEPARATORS]:
        if i < cursor:
            continue
        comma = toks[i][PUNCT]
        j = i + 1
        if comma and j < b and toks[j][KEY] == "và":
            j += 1
            is_and = True
        else:
            is_and = not comma
        h, kind = _loose_head(toks, j) if j < b else (0, None)
        split = False
        if h:
            cap = _capitalised(toks[j])
            if is_and:
                if kind == "plural":
                    rest = " ".join([x[KEY] for x in toks[j:b]])
                    split = not any(mark in rest for mark in DEPENDENT_MARKERS)
                elif cap and kind in ("org", "title"):
                    head = _keys(toks, chunk_start, chunk_head_len)
                    split = not (head in SHARED_HEADS and not _chunk_has_locality(toks, chunk_start + 1, i))
            elif kind == "title" and cap:
                split = True
            elif kind == "org" and cap:
                bare = (i - chunk_start) <= chunk_head_len and chunk_kind in ("org", "generic")
                split = not bare
            elif kind == "plural":
                split = (not chunk_has_comma or sum(1 for x in toks[comma_part_start:i] if not x[PUNCT]) >= 3
                         or (j + 1 < b and _capitalised(toks[j + 1])))
        if split:
            chunks.append((chunk_start, i))
            chunk_start = j
            chunk_head_len, chunk_kind = h, kind
            chunk_has_comma = False
            comma_part_start = j
            cursor = j + max(h, 1)
        elif comma:
            chunk_has_comma = True
            comma_part_start = i + 1
    chunks.append((chunk_start, b))
    items = []
    shared_title = None
    for n_chunk, (s, e) in enumerate(chunks):
        while e > s and (toks[e - 1][PUNCT] or toks[e - 1][KEY] in ("và", "hoặc", "cùng", "với")):
            e -= 1
        while s < e and (toks[s][PUNCT] or toks[s][KEY] in ("và", "đề nghị", "giao", "yêu cầu", "đồng thời")):
            s += 1
        if s >= e:
            continue
        if len(chunks) > 1 and n_chunk == len(chunks) - 1:
            # "..., các sở, ngành và UBND các xã được phân công chủ trì ...": the relative clause is shared
            for k in range(s + 2, e):
                if toks[k][KEY] == "được" and not toks[k][PUNCT]:
                    e = k
                    break
        start = toks[s][START]
        end = toks[e - 1][END]
        text = squash(doc.C[start:end]).strip(" ,;:.-–")
        if toks[e - 1][FULL_STOP]:
            text = text.rstrip(".")
        if not text or len(text) > 220:
            continue
        h, kind = _loose_head(toks, s)
        head = _keys(toks, s, h)
        if kind == "title" and head in _SHARED_TITLES:
            shared_title = squash(doc.C[toks[s][START]:toks[s + h - 1][END]])
        elif shared_title and kind in ("plural", "org", "generic"):
            # "Người đứng đầu A, B": the heads of A and of B
            text = f"{shared_title} {text}"
        else:
            shared_title = None
        for name in _distribute(text):
            items.append((name, start, end))
    return items


_DISTRIBUTE = re.compile(r"^(?P<pre>.*?)(?:[Cc]ác\s+)?(?P<noun>Sở|Bộ|sở|bộ)\s*:\s*(?P<list>.+)$")


_LIST_SEPARATOR = re.compile(r"[,;]")


def _distribute(text: str) -> list:
    """'Giám đốc các Sở: Tư pháp, Tài chính' -> ['Giám đốc Sở Tư pháp', 'Giám đốc Sở Tài chính']."""
    if ":" not in text:
        return [text]  # the pattern needs a colon; this check saves its slow lazy scan
    m = _DISTRIBUTE.match(text)
    if not m:
        return [text]
    names = [x.strip(" ;,.") for x in _LIST_SEPARATOR.split(m.group("list")) if x.strip(" ;,.")]
    if not names:
        return [text]
    noun = m.group("noun")[0].upper() + m.group("noun")[1:]
    pre = m.group("pre")
    return [squash(f"{pre}{noun} {name}") for name in names]
