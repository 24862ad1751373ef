"""The layout's fast forms give what their plain forms give."""

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from chidao.documents.reader import _layout
from chidao.documents.reader._layout import Doc


@pytest.fixture(autouse=True)
def _test_settings():
    """No Django here: shadow tests/conftest.py's settings fixture so these run with `-p no:django` too."""


PIECES = ["*", "**", "***", " ", "\n", "\t", "\u2003", "\x85", "a", "Đ", "ở", "|", "x" * 100, "y" * 199]
texts = st.lists(st.sampled_from(PIECES), max_size=30).map("".join)


def _plain_bold_runs(s: str) -> list:
    runs = []
    for m in re.finditer(r"\*\*([^*]{1,400}?)\*\*", s):
        a, b = m.span(1)
        if runs and not s[runs[-1][1]:a].replace("*", "").strip():
            runs[-1] = (runs[-1][0], b)
        else:
            runs.append((a, b))
    return runs


@settings(max_examples=1500)
@given(texts)
@example("**" + "x" * 400 + "** **" + "y" * 401 + "**")
@example("**a**\n*\t**b** c **d**")
def test_bold_runs_as_plain_form(text):
    doc = Doc(text)
    assert doc.bold_runs() == _plain_bold_runs(doc.S)


_TYPES_RE = _layout._TYPES_RE
_RELATED_PLAIN = re.compile(rf"(?m)^[^\S\n]*-?[^\S\n]*\d{{1,3}}(?:{_TYPES_RE})[^\S\n]+\d")
_SITE_TITLE_LINE_PLAIN = re.compile(
    rf"(?m)^[^\S\n]*(?:{_TYPES_RE})[^\S\n]+\d+/[^\s]+[^\S\n]+(?:năm[^\S\n]+\d{{4}}|ngày[^\S\n]+\d)[^\n]*"
    rf"ban[^\S\n]hành[^\S\n]*$"
)
# lines built slot by slot, most of them near a related-document line ("- 1Quyết định 15/...") or a page title
# line ("Quyết định 15/QĐ-UBND năm 2020 ... ban hành")
_SLOTS = [
    ["", " ", "   ", "\t", "\u3000", "a"],
    ["", "-", "–", "1."],
    ["", " ", "  "],
    ["", "1", "12", "123", "1234", "٣", "²", "x"],
    ["Quyết định", "Thông tư", "Công văn", "quyết định", ""],
    [" ", "  ", "", "\n"],
    ["15/QĐ-UBND", "1", "/", "٣/ab", ""],
    ["", " năm 2020", " ngày 5", "năm 20"],
    ["", " do Bộ X", "\n"],
    ["", " ban hành", " ban hành ", " ban  hành", "ban hành."],
]
_line = st.tuples(*(st.sampled_from(slot) for slot in _SLOTS)).map("".join)
lines = st.lists(_line, max_size=6).map("\n".join)


@settings(max_examples=1500)
@given(lines, st.data())
def test_related_lines_as_plain_search(text, data):
    doc = Doc(text)
    lo = data.draw(st.one_of(st.integers(0, doc.n), st.sampled_from(doc.line_starts)))  # line starts: an edge
    hi = data.draw(st.one_of(st.just(doc.n), st.integers(lo, doc.n)))
    plain = _RELATED_PLAIN.search(doc.C, lo, hi)
    fast = doc._search_related(lo, hi)
    assert (fast and fast.span()) == (plain and plain.span())
    plain = _SITE_TITLE_LINE_PLAIN.search(doc.C, lo, hi)
    fast = _layout._SITE_TITLE_LINE.search(doc.C, lo, hi)
    assert (fast and fast.span()) == (plain and plain.span())
