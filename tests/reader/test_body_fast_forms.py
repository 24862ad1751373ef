"""The reader's fast forms give what their plain forms give: squash, patterns that open with a character (a
look-behind after it in place of a leading \\b or (?<!\\w)), the trigger words found one pattern each, colons that
follow no label, task tables read line by line, is_self remembered, "Kính gửi" looked for where L spells it."""

import importlib
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chidao.documents.reader import _agencies, _body
from chidao.documents.reader._header import KINH_GUI
from chidao.documents.reader._layout import Doc, _lower, squash

reader_parse = importlib.import_module("chidao.documents.reader.parse")  # the module, not parse()


@pytest.fixture(autouse=True)
def _test_settings():
    """No Django here: shadow tests/conftest.py's settings fixture so these run with `-p no:django` too."""


PIECES = [" ", "  ", "\n", "\n\n", "\t", "\u00a0", "\u2003", "\u3000", "\x0c", "\x85", "\u200b", "a", "ở", "Đ", "_",
          ".", "1", "KH", "&", "CN", "nếu", "ếu", "n", "và", "gửi", "thông qua", "(", ")", "qua ", ",", "x" * 90]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=800)
@given(texts)
def test_squash_is_split_and_join(text):
    assert squash(text) == " ".join(text.split())


PLAIN = {
    "_ABBREVIATED": r"(?<!\w)[A-ZĐ]{1,4}&[A-ZĐ]{1,4}(?!\w)|(?<!\w)[A-ZĐ]{2,6}(?!\w)",
    "_EVENT": r"đột xuất|khi có yêu cầu|theo yêu cầu|khi được yêu cầu|vướng mắc|khó khăn|phát sinh|vượt thẩm quyền|"
              r"kịp thời|trường hợp|\bnếu\b|khi phát hiện|khi cần thiết|bất thường|sự cố",
    "_AND_SEND": r"\bvà\s+gửi\s+",
    "_VIA": r"\((?:thông\s+)?qua\s+(?P<via>[^()]{2,80})\)|\bthông qua\s+(?P<via2>[^,;.()]{2,80})",
}


@settings(max_examples=800)
@given(texts)
def test_patterns_match_as_their_plain_forms(text):
    for name, plain in PLAIN.items():
        fast = getattr(_body, name).search(text)
        slow = re.compile(plain).search(text)
        assert (fast and (fast.span(), fast.groups())) == (slow and (slow.span(), slow.groups())), name


# pieces of task tables: flattened (one cell a line) and markdown, whole or cut, and lines around them
TABLE_BLOCKS = [
    "STT\nNhiệm vụ\nCơ quan chủ trì\nCơ quan phối hợp\nThời gian", "CƠ QUAN CHỦ TRÌ\n\nPHỐI HỢP",
    "Cơ quan chủ trì\nCơ quan phối hợp\n1\nRà soát văn bản\nSở Tư pháp\nCác sở, ngành\n2\nKiểm tra\nSở Nội vụ",
    "Đơn vị chủ trì thực hiện\nĐơn vị phối hợp", "1\nRà soát văn bản\nSở Tư pháp\nCác sở, ngành\nQuý I",
    "2.\n  Kiểm tra\n  UBND các huyện\n", "12.\nSở Nội vụ", "3\nTuyên truyền pháp luật\n\nSở Tư pháp chủ trì",
    "| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp |", "|---|---|---|---|",
    "| STT | Nhiệm vụ | Cơ quan chủ trì | Cơ quan phối hợp |\n|---|---|---|---|\n| 1 | Rà soát | Sở Tư pháp | Các sở |",
    "| 1 | Rà soát | Sở Tư pháp | Các sở |",
    "| 2 | Kiểm tra | UBND các huyện |", "| 3 | x | - | |", "| a | b |", "**Cơ quan chủ trì**: Sở Y tế", "chủ trì",
    "", "  ", "Các sở, ngành", "İ Σ TRÌ", "x" * 50,
]
table_texts = st.lists(st.sampled_from(TABLE_BLOCKS), max_size=12).map("\n".join)


def _plain_table_findings(doc, lo: int, hi: int) -> list:
    """table_findings as it was written first (one pass over every line)."""
    out = []
    s = doc.S
    if s.find("chủ trì", lo, hi) < 0 and s.find("Chủ trì", lo, hi) < 0 and s.find("CHỦ TRÌ", lo, hi) < 0:
        return out
    # start at the first line that can head a task table (a cell or a line naming the lead agency)
    first = None
    for probe in ("chủ trì", "Chủ trì", "CHỦ TRÌ"):
        i = s.find(probe, lo, hi)
        while i >= 0:
            line_lo = max(s.rfind("\n", lo, i) + 1, i - 400)
            line_hi = s.find("\n", i, min(hi, i + 400))
            line = s[line_lo:line_hi if line_hi >= 0 else min(hi, i + 400)]
            if line.count("|") >= 2 or (line_hi >= 0 and len(_body._cell_label(line)) < 40):
                first = line_lo if first is None else min(first, line_lo)
                break
            i = s.find(probe, i + 1, hi)
    if first is None:
        return out
    lines = []
    pos = first
    for text in s[first:hi].split("\n"):
        lines.append((pos, text))
        pos += len(text) + 1
    column = None
    width = 0
    flattened = None  # index of the flattened header's lead line
    row = None
    for k, (start, text) in enumerate(lines):
        stripped = text.strip()
        if stripped.count("|") >= 2:
            cells = []
            cell_start = start
            for piece in text.split("|"):
                cells.append((cell_start, cell_start + len(piece), piece))
                cell_start += len(piece) + 1
            labels = [_body._cell_label(c[2]) for c in cells]
            lead = [i for i, lab in enumerate(labels) if lab and _body._LEAD_COLUMN.match(lab)]
            if lead:
                column, width = lead[0], len(cells)
                continue
            if column is not None and abs(len(cells) - width) <= 1 and column < len(cells):
                a, b, piece = cells[column]
                if piece.strip(" -*") and not set(piece.strip()) <= set("-: "):
                    phrase = _body.read_phrase(doc, a + len(piece) - len(piece.lstrip()), b, "list")
                    if phrase:
                        sentence = _body.Sentence(start, start + len(text.rstrip()), -1)
                        out.append(_body.Finding(phrase.items, sentence, "label", a))
            continue
        if column is not None and stripped and "|" not in stripped:
            column = None
        if flattened is None and "trì" not in stripped.lower():
            continue  # a cheap test first: the label of the lead column ends in "chủ trì" or "chủ trì thực hiện"
        label = _body._cell_label(stripped)
        if flattened is None:
            if label and _body._LEAD_COLUMN.match(label) and len(label) < 40:
                nxt = next((_body._cell_label(t) for _, t in lines[k + 1:k + 4] if _body._cell_label(t)), "")
                if "phối hợp" in nxt:
                    flattened = k
            continue
        if _body._ROW_NUMBER.match(label):
            row = [start, None]
            continue
        if row is None or row[1] is not None or not label:
            continue
        offset = start + len(text) - len(text.lstrip())
        if offset - row[0] < 8:
            continue
        phrase = _body.read_phrase(doc, offset, start + len(text.rstrip()), "list")
        if phrase and phrase.end >= start + len(text.rstrip()) - 2:
            row[1] = phrase.end
            out.append(_body.Finding(phrase.items, _body.Sentence(row[0], phrase.end, -1), "label", offset))
    return out


def _findings(found):
    return [(f.items, f.sentence.start, f.sentence.end, f.sentence.para, f.kind, f.pos) for f in found]


@settings(max_examples=600, deadline=None)
@given(table_texts, st.integers(0, 200), st.integers(0, 2000))
def test_table_findings_as_its_plain_form(text, lo, hi):
    doc = Doc(text)
    lo, hi = min(lo, len(doc.C)), min(hi, len(doc.C))
    assert _findings(_body.table_findings(doc, lo, hi)) == _findings(_plain_table_findings(Doc(text), lo, hi))


# the trigger pattern as it was written first, one pattern of three branches
TRIGGER = r"g(?<![\w/]g)iao(?=[\s:])|đ(?<![\w/]đ)ề\s+nghị(?=[\s:])|y(?<![\w/]y)êu\s+cầu(?=[\s:])"
TRIGGER_PIECES = ["giao", "đề", "nghị", "yêu", "cầu", " ", "  ", "\n", "\t", "\u00a0", ":", "/", "a", "_", "1", "g",
                  "đ", "y", "ề", "êu", "iao", "giao:", "đề  nghị", "yêu\ncầu", "ngh"]
trigger_texts = st.lists(st.sampled_from(TRIGGER_PIECES), max_size=30).map("".join)


@settings(max_examples=1500)
@given(trigger_texts, st.integers(0, 40) | st.just(0), st.integers(0, 120) | st.just(120))
def test_triggers_as_one_pattern(text, s, e):
    s, e = min(s, len(text)), min(e, len(text))
    if s > e:
        s, e = e, s
    assert _body._triggers(text, s, e, text[s:e]) == [m.span() for m in re.compile(TRIGGER).finditer(text, s, e)]


def _plain_lead_label(low: str, s: int, colon: int) -> bool:
    label = low[max(s, colon - 45):colon]
    for sep in ".;:":
        k = label.rfind(sep)
        if k >= 0:
            label = label[k + 1:]
    label = _body._LABEL_PREFIX.sub("", label).strip(" -+•*\n")
    return label in _body.LEAD_LABELS


LABEL_PIECES = ["cơ quan chủ trì", "chủ trì", "đơn vị thực hiện", "giao", "đề nghị", "thực hiện chính", "cơ quan, ",
                " ", "  ", "\n", "\t", "-", "+", "•", "*", "a)", "1.", "2)", "ab)", ".", ";", ":", "x", "trì", "hiện"]
label_texts = st.lists(st.sampled_from(LABEL_PIECES), max_size=14).map("".join)


@settings(max_examples=1500)
@given(label_texts, st.integers(0, 60) | st.just(0), st.integers(0, 200) | st.just(200))
def test_lead_label_as_its_plain_form(text, s, colon):
    s, colon = min(s, len(text)), min(colon, len(text))
    assert _body._lead_label(text, s, colon) == _plain_lead_label(text, s, colon)


NAME_PIECES = ["Ủy ban nhân dân", "UBND", "tỉnh", "Lai Châu", "Sở", "Y tế", "Chủ tịch", "Giám đốc", "các sở", " ",
               "BHXH", "TP.", "Hà Nội"]
names = st.lists(st.sampled_from(NAME_PIECES), min_size=1, max_size=5).map(" ".join)


@settings(max_examples=300)
@given(names, st.lists(names, max_size=6))
def test_is_self_remembered_as_computed(issuer, mentioned):
    keys = _body.issuer_keys(issuer)
    for name in mentioned + mentioned:  # the second time from the document's memo
        assert _body.is_self(name, keys) == _body._is_self(name, list(keys))


KINH_GUI_PIECES = ["kính", "Kính", "KÍNH", "KÍnh", "K", "\u212a", "ính", "Í", "gửi", "GỬI", "Gửi", " ", "  ", "\n", ":",
                   "\u0130", "Σ", "x"]
kinh_gui_texts = st.lists(st.sampled_from(KINH_GUI_PIECES), max_size=20).map("".join)


@settings(max_examples=800)
@given(kinh_gui_texts, st.integers(0, 30) | st.just(0), st.integers(0, 120) | st.just(120))
def test_find_kinh_gui_is_its_search(text, lo, hi):
    doc = Doc(text)
    fast = reader_parse._find_kinh_gui(doc, lo, hi)
    slow = KINH_GUI.search(doc.C, lo, hi)
    assert (fast and fast.span()) == (slow and slow.span())


def test_kinh_gui_opens_with_letters_that_lower_case_to_themselves():
    """_find_kinh_gui looks for "kính" in L: every character that "kính" matches without regard to case (as
    KINH_GUI's first letters do) must lower-case to it."""
    assert KINH_GUI.match("KÍNH GỬI") and KINH_GUI.match("\u212aính gửi")
    for letter in "kính":
        accepted = re.compile("(?i)" + letter).fullmatch
        for code in range(0x110000):
            if accepted(chr(code)):
                assert _lower(chr(code)) == letter, hex(code)


LETTER_PIECES = ["trì", "TRÌ", "tRì", "Trì", "tr", "ì", "Ì", "i\u0300", "I\u0300", "\u0130", "Σ", " ", "chủ", "t", "R"]


@settings(max_examples=500)
@given(st.lists(st.sampled_from(LETTER_PIECES), max_size=10).map("".join))
def test_names_lead_column_is_lower_case_search(line):
    assert _body._names_lead_column(line) == ("trì" in line.lower())


def test_only_i_grave_lower_cases_to_it():
    """_names_lead_column looks for ì and Ì before lower-casing: no other character lower-cases to something with ì."""
    assert [hex(c) for c in range(0x110000) if "ì" in chr(c).lower()] == ["0xcc", "0xec"]



SUBJECT_OPENINGS = [
    "tổ chức", "Tổ chức", "TỔ CHỨC", "Tổ  chức.", "tổ\nchức", "Tổ", "trường hợp", "Trường hợp", "Trường Hợp",
    "TRƯỜNG HỢP", "trường hợp..", "cơ quan", "Cơ quan", "CƠ QUAN", "Cơ quan.", "cơ\tquan", "Cơ quanx",
]
SUBJECT_PIECES = [" ", "  ", "\n", "thực hiện", "Nhà nước", ",", ":", ";", "/", "(", "“", "Sở", "UBND", "tỉnh",
                  "chủ trì", ".", "x", "Đ/c", "..", "A", "được", "phải", "và", "các", "có trách nhiệm", "hợp", "chức",
                  "quan", "Công tác"]


@settings(max_examples=1500, deadline=None)
@given(st.sampled_from(["", "1. ", "- ", "a) "]), st.sampled_from(SUBJECT_OPENINGS),
       st.lists(st.sampled_from(SUBJECT_PIECES), max_size=12).map("".join), st.integers(0, 200))
def test_rejected_subjects_are_rejected(lead, opening, rest, end):
    """analyse_sentence does not read these subjects: read_phrase must answer None for them."""
    text = lead + opening + rest
    doc = Doc(text)
    pos, end = len(lead), min(len(lead) + end, len(doc.C))
    if _body._rejected_subject(doc, pos, end):
        assert _agencies._read_phrase(doc, pos, end, "subject") is None


def test_rejected_subjects_rest_on_the_lexicon():
    """What makes read_phrase reject those openings (see _rejected_subject): a change of the word lists that breaks it
    shows here."""
    from chidao.documents.reader import _lexicon as lex
    heads = [p for table in (lex.ORG_HEADS, lex.TITLE_HEADS) for phrases in table.values() for p in phrases]
    # "cơ quan": a common noun, the whole of its head, that needs a capitalised name after it
    assert "cơ quan" in lex.GENERIC_HEADS and "cơ quan" not in lex.AMBIGUOUS_HEADS
    assert not [p for p in heads if p.startswith("cơ quan ")]
    # "trường": a word of other uses, the whole of its head, that needs a capital or a locality after it
    assert "trường" in lex.AMBIGUOUS_HEADS and "trường" not in lex.TITLE_HEADS
    assert not [p for p in heads if p.startswith("trường ")]
    assert "hợp" not in lex.LOCALITY_WORDS and "trường hợp" not in _agencies._VERBS.get("trường", {})
