"""chidao.lib.vntext: NFC, tone-placement folding, search keys."""
import re
import unicodedata

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chidao.lib.vntext import fold, fold_tones, nfc


@pytest.fixture(autouse=True)
def _test_settings():
    """Pure Python: shadow tests/conftest.py's Django settings fixture."""


def test_nfc_composes_decomposed_text():
    decomposed = unicodedata.normalize("NFD", "Ủy ban nhân dân tỉnh Lai Châu")
    assert decomposed != "Ủy ban nhân dân tỉnh Lai Châu"
    assert nfc(decomposed) == "Ủy ban nhân dân tỉnh Lai Châu"


@pytest.mark.parametrize("old, new", [
    ("hoá", "hóa"), ("Văn hoá", "Văn hóa"), ("thuỷ", "thủy"), ("Uỷ ban", "Ủy ban"), ("UỶ BAN", "ỦY BAN"),
    ("khoẻ", "khỏe"), ("hoà", "hòa"), ("Thuỵ", "Thụy"), ("toà án", "tòa án"),
])
def test_fold_tones_moves_old_placement(old, new):
    assert fold_tones(old) == new


@pytest.mark.parametrize("word", ["hóa", "hoặc", "hoàn", "thuyền", "quý", "Quỳ", "khuya", "hoạch", "xóa"])
def test_fold_tones_leaves_other_syllables(word):
    # closed syllables (hoàn, hoạch), marks on other vowels (hoặc) and "qu" (quý) are not old-style placements
    assert fold_tones(word) == word


def test_fold_tones_keeps_length_and_accepts_decomposed_input():
    text = "Sở Văn hoá, Thể thao và Du lịch; Uỷ ban nhân dân; thuỷ lợi"
    assert len(fold_tones(text)) == len(text)
    new_style = "Sở Văn hóa, Thể thao và Du lịch; Ủy ban nhân dân; thủy lợi"
    assert fold_tones(unicodedata.normalize("NFD", text)) == new_style


def test_fold_makes_a_search_key():
    assert fold("  Ủy  ban\nNHÂN DÂN   tỉnh Đắk Lắk ") == "uy ban nhan dan tinh dak lak"
    assert fold("Sở Văn hoá") == fold("SỞ VĂN HÓA") == "so van hoa"
    assert fold(unicodedata.normalize("NFD", "Đồng Tháp")) == "dong thap"
    assert fold("") == ""


_MARKS_PLAIN = re.compile("[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")


def _plain_fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return " ".join(_MARKS_PLAIN.sub("", decomposed).replace("đ", "d").split())


_FOLD_ALPHABET = st.sampled_from(list("aAzZ đĐơƠưƯ\t\n\x1c\x85\u00a0\u3000ßİﬁ.,-&") + [
    "ế", "Ệ", "ỷ", "Ủ", "Ồ", "ạ", "o\u0301", "\u1ab0", "\u1dc0", "\u20d0", "\ufe20", "\u0370", "ʰ", "é", "Ω", "中",
    "😀",
])


@settings(max_examples=1500)
@given(st.lists(_FOLD_ALPHABET, max_size=30).map("".join))
def test_fold_equals_its_plain_form(text):
    assert fold(text) == _plain_fold(text)


@settings(max_examples=500)
@given(st.text())
def test_fold_equals_its_plain_form_on_any_text(text):
    assert fold(text) == _plain_fold(text)
