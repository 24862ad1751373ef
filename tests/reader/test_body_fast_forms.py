"""The reader's fast forms give what their plain forms give: squash, and patterns that open with a
character (a look-behind after it in place of a leading \\b or (?<!\\w))."""

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chidao.documents.reader import _body
from chidao.documents.reader._layout import squash


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
