"""chidao.lib.vntext: NFC, tone-placement folding, search keys."""
import unicodedata

import pytest

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
