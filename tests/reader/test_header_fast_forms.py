"""The header's fast forms give what their plain forms give."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chidao.documents.reader import _header


@pytest.fixture(autouse=True)
def _test_settings():
    """No Django here: shadow tests/conftest.py's settings fixture so these run with `-p no:django` too."""


PIECES = ["CỘNG", "cộng", "Cộng", "HÒA", " ", "\n", "  ", "XÃ", "xã", "HỘI", "hội", "hộı", "CHỦ", "chủ", "NGHĨA",
          "nghĩa", "ĐỘC", "độc", "LẬP", "lập", "TỰ", "tự", "DO", "do", "HẠNH", "hạnh", "PHÚC", "phúc", "İ", "ı",
          "K", "a", "-", "ng", "c", "ộ", "tự do", "TỰ DO", "Tự\ndo", "độc  lập", "ĐỘC LẬP", "hạnh phúc", "HẠNH PHÚC",
          "xã hội chủ", "XÃ HỘI CHỦ", "chủ nghĩa", "CHỦ NGHĨA", "cộng hòa", "CỘNG HÒA", "cộngx"]
texts = st.lists(st.sampled_from(PIECES), max_size=12).map("".join)


@settings(max_examples=1500)
@given(texts)
def test_motto_part_as_plain_search(text):
    low = text.lower()
    assert _header._has_motto_part(low) == (_header._MOTTO_PART.search(low) is not None)
