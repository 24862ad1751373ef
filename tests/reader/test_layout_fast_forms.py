"""The layout's fast forms give what their plain forms give."""

import re

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

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
