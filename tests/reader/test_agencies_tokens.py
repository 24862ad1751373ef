"""The phrase reader's tokens, matched lazily as far as it looks, are the tokens of the plain definition: every
match of _TOKEN in [start, limit), its lower-case key (a word's final full stop dropped), and whether it opens a
line (a newline since the previous token; for the first token, only spaces and tabs before it on its line)."""
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chidao.documents.reader._agencies import _TOKEN, END, FULL_STOP, KEY, LINE_FIRST, PUNCT, START, TEXT, Tokens
from chidao.documents.reader._layout import Doc


@pytest.fixture(autouse=True)
def _test_settings():
    """No Django here: shadow tests/conftest.py's settings fixture so these run with `-p no:django` too."""


PIECES = ["Sở", "Y tế", "UBND", "tỉnh.", "Đ/c", "đ/c.", "TP.", "./.", ".", ",", ";", ":", "(", ")", "“", "”", "/",
          " ", "  ", "\n", "\n  ", " \n", "\t", "-", "2013", "ngày", "x" * 50, "İ"]
texts = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


def plain_tokens(doc: Doc, start: int, limit: int) -> list:
    c = doc.C
    out = []
    previous_end = None
    for m in _TOKEN.finditer(c, start, limit):
        a, b = m.span()
        if previous_end is not None:
            line_first = "\n" in c[previous_end:a]
        elif a == start:
            before = c[:a].rstrip(" \t")
            line_first = not before or before.endswith("\n")
        else:
            line_first = "\n" in c[start:a]
        out.append((m.group(), doc.L[a:b], a, b, line_first))
        previous_end = b
    return out


@settings(max_examples=600, deadline=None)
@given(texts, st.integers(0, 40), st.integers(0, 400), st.integers(1, 30))
def test_tokens_are_the_plain_tokens(text, start, length, wanted):
    doc = Doc(text)
    start = min(start, doc.n)
    limit = min(doc.n, start + length)
    toks = Tokens(doc, start, limit)
    complete = not toks.fill(wanted)
    expected = plain_tokens(doc, start, limit)
    assert len(toks) >= min(wanted, len(expected))
    if complete:
        assert len(toks) == len(expected)
    for tok, (text_, low, a, b, line_first) in zip(toks, expected, strict=False):
        assert (tok[TEXT], tok[START], tok[END], tok[LINE_FIRST]) == (text_, a, b, line_first)
        assert tok[PUNCT] == (text_ in ",;:()[]“”\"")
        if text_.endswith(".") and len(text_) > 1:
            assert tok[KEY] == low.rstrip("./")
        else:
            assert tok[KEY] == low and not tok[FULL_STOP]


def test_tokens_load_only_what_is_asked():
    doc = Doc("Sở Y tế chủ trì, phối hợp với các sở, ngành liên quan triển khai thực hiện kế hoạch này.")
    toks = Tokens(doc, 0, doc.n)
    assert toks.fill(3)
    assert 3 <= len(toks) < 8
    assert [t[TEXT] for t in toks[:3]] == ["Sở", "Y", "tế"]
