"""TCVN3 / VNI converters and detection (chidao.documents.reader.legacy)."""

import unicodedata
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chidao.documents.reader import legacy
from chidao.documents.reader.legacy import (
    bytes_view,
    convert_mixed,
    detect_legacy,
    tcvn3_to_unicode,
    unicode_to_tcvn3,
    unicode_to_vni,
    vni_to_unicode,
)

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests/fixtures/files"
CORPUS = ROOT / "tests/fixtures/corpus/docs"


@pytest.fixture(autouse=True)
def _test_settings():
    """No Django here: shadow tests/conftest.py's settings fixture so these run with `-p no:django` too."""


TONES = ("", "\u0301", "\u0300", "\u0309", "\u0303", "\u0323")
VOWELS = "aăâeêioôơuưy"
LOWER = sorted({unicodedata.normalize("NFC", v + t) for v in VOWELS for t in TONES} - set("aeiouy") | {"đ"})
UPPER = [c.upper() for c in LOWER]
VIET_LETTERS = LOWER + UPPER
BASE_CAPITALS = set("ĂÂÊÔƠƯĐ")


def test_134_precomposed_letters():
    assert len(VIET_LETTERS) == 134
    assert set(legacy.UNICODE_TO_VNI) == set(VIET_LETTERS)
    assert set(legacy.UNICODE_TO_TCVN3) == set(VIET_LETTERS)


def test_tcvn3_table_has_one_byte_per_letter_and_no_collisions():
    codes = {legacy.UNICODE_TO_TCVN3[c] for c in LOWER} | {legacy.UNICODE_TO_TCVN3[c] for c in BASE_CAPITALS}
    assert len(codes) == 67 + 7
    assert all(len(c) == 1 and 0xA1 <= ord(c) <= 0xFE for c in codes)
    # A toned capital has no VN3 code: it shares the lowercase one.
    assert legacy.UNICODE_TO_TCVN3["Ấ"] == legacy.UNICODE_TO_TCVN3["ấ"]


# fmt: off
@pytest.mark.parametrize(
    "letter, code",
    [
        # Spot checks against the published TCVN3 (ABC) table (UniKey VnConv; TCVN 5712 VN3 positions A1–FE).
        ("á", 0xB8), ("à", 0xB5), ("ả", 0xB6), ("ã", 0xB7), ("ạ", 0xB9),
        ("ă", 0xA8), ("ắ", 0xBE), ("ặ", 0xC6), ("â", 0xA9), ("ấ", 0xCA), ("ậ", 0xCB),
        ("đ", 0xAE), ("é", 0xD0), ("ê", 0xAA), ("ế", 0xD5), ("ệ", 0xD6),
        ("í", 0xDD), ("ì", 0xD7), ("ĩ", 0xDC), ("ị", 0xDE),
        ("ó", 0xE3), ("ô", 0xAB), ("ố", 0xE8), ("ộ", 0xE9), ("ơ", 0xAC), ("ớ", 0xED), ("ợ", 0xEE),
        ("ú", 0xF3), ("ư", 0xAD), ("ứ", 0xF8), ("ự", 0xF9), ("ỳ", 0xFA), ("ý", 0xFD), ("ỵ", 0xFE),
        ("Ă", 0xA1), ("Â", 0xA2), ("Ê", 0xA3), ("Ô", 0xA4), ("Ơ", 0xA5), ("Ư", 0xA6), ("Đ", 0xA7),
    ],
)
# fmt: on
def test_tcvn3_codes(letter, code):
    assert unicode_to_tcvn3(letter) == chr(code)
    assert tcvn3_to_unicode(chr(code)) == letter


# fmt: off
@pytest.mark.parametrize(
    "letter, seq",
    [
        # Spot checks against the published VNI-Windows table (UniKey VnConv double-byte table).
        ("á", "aù"), ("à", "aø"), ("ả", "aû"), ("ã", "aõ"), ("ạ", "aï"),
        ("â", "aâ"), ("ấ", "aá"), ("ầ", "aà"), ("ẩ", "aå"), ("ẫ", "aã"), ("ậ", "aä"),
        ("ă", "aê"), ("ắ", "aé"), ("ằ", "aè"), ("ẳ", "aú"), ("ẵ", "aü"), ("ặ", "aë"),
        ("đ", "ñ"), ("Đ", "Ñ"), ("ơ", "ô"), ("Ơ", "Ô"), ("ư", "ö"), ("Ư", "Ö"), ("ớ", "ôù"), ("Ự", "ÖÏ"),
        ("í", "í"), ("ì", "ì"), ("ỉ", "æ"), ("ĩ", "ó"), ("ị", "ò"), ("Ỉ", "Æ"),
        ("ỵ", "î"), ("Ỵ", "Î"), ("ỹ", "yõ"), ("Ệ", "EÄ"), ("Á", "AÙ"),
    ],
)
# fmt: on
def test_vni_codes(letter, seq):
    assert unicode_to_vni(letter) == seq
    assert vni_to_unicode(seq) == letter


@pytest.mark.parametrize(
    "tcvn3, text",
    [
        ("Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
        ("B¶o Th¾ng", "Bảo Thắng"),
        ("B¸t X¸t", "Bát Xát"),
        ("M\xadêng Kh\xad¬ng", "Mường Khương"),
        ("Uû ban nh©n d©n", "Uỷ ban nhân dân"),
    ],
)
def test_known_tcvn3_phrases(tcvn3, text):
    assert tcvn3_to_unicode(tcvn3) == text
    assert unicode_to_tcvn3(text) == tcvn3


@pytest.mark.parametrize(
    "vni, text",
    [
        ("Xin chaøo caùc baïn", "Xin chào các bạn"),
        ("COÄNG HOØA XAÕ HOÄI CHUÛ NGHÓA VIEÄT NAM", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
        ("Ñoäc laäp - Töï do - Haïnh phuùc", "Độc lập - Tự do - Hạnh phúc"),
        ("phöôøng", "phường"),
    ],
)
def test_known_vni_phrases(vni, text):
    assert vni_to_unicode(vni) == text
    assert unicode_to_vni(text) == vni


def test_vni_caps_lock_modifier_still_combines():
    assert vni_to_unicode("Aù") == "Á"
    assert vni_to_unicode("aÙ") == "á"


ASCII_CHARS = list("abcdeghiklmnopqrstuvxyABCDEGHIKLMNOPQRSTUVXY0123456789 .,;:-()/\n")
vietnamese_text = st.text(
    alphabet=st.sampled_from(VIET_LETTERS + ASCII_CHARS),
    max_size=200,
)


def fold_toned_capitals(s: str) -> str:
    """What survives TCVN3: toned capitals (no VN3 code) come back lowercase; ASCII and base capitals stay."""
    return "".join(c.lower() if c in UPPER and c not in BASE_CAPITALS else c for c in s)


@given(vietnamese_text)
@settings(max_examples=300)
def test_tcvn3_round_trip(text):
    assert tcvn3_to_unicode(unicode_to_tcvn3(text)) == fold_toned_capitals(text)


@given(vietnamese_text)
@settings(max_examples=300)
def test_tcvn3_round_trip_through_bytes(text):
    data = unicode_to_tcvn3(text).encode("cp1252")
    assert tcvn3_to_unicode(bytes_view(data)) == fold_toned_capitals(text)


@given(vietnamese_text)
@settings(max_examples=300)
def test_vni_round_trip(text):
    assert vni_to_unicode(unicode_to_vni(text)) == text
    assert vni_to_unicode(bytes_view(unicode_to_vni(text).encode("cp1252"))) == text


def test_tcvn3_caps_guess_for_lines_typed_in_capitals():
    assert tcvn3_to_unicode("ñY BAN NH¢N D¢N", restore_caps=True) == "ỦY BAN NHÂN DÂN"
    assert tcvn3_to_unicode("CéNG HOµ X· HéI CHñ NGHÜA VIÖT NAM", restore_caps=True) == (
        "CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    )
    # A number line keeps its lowercase "ố"; mixed-case lines are left alone.
    assert tcvn3_to_unicode("Sè: 879/UBND-VX", restore_caps=True) == "Số: 879/UBND-VX"
    assert tcvn3_to_unicode("Hµ Néi, ngµy 5", restore_caps=True) == "Hà Nội, ngày 5"
    assert tcvn3_to_unicode("ñY BAN", restore_caps=False) == "ủY BAN"


def test_detection_on_fixture_text():
    assert detect_legacy(bytes_view((FIX / "cv879-tcvn3.txt").read_bytes())) == "tcvn3"
    assert detect_legacy(bytes_view((FIX / "cv879-vni.txt").read_bytes())) == "vni"
    assert detect_legacy((FIX / "cv879-pasted-tcvn3.txt").read_text(encoding="utf-8")) == "tcvn3"


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*.txt")), ids=lambda p: p.name)
def test_no_false_detection_on_unicode_vietnamese(path):
    assert detect_legacy(path.read_text(encoding="utf-8")) is None


@pytest.mark.parametrize(
    "text",
    [
        "The Provincial People's Committee requests the departments to report every six months.",
        "Le comité populaire a demandé un rapport détaillé à la préfecture; café, élève, naïve, où, déjà vu.",
        "Straße, Größe, Übermaß — ÄÖÜ äöü ß, «quotes» and ±×÷ symbols: 5 × 3 ÷ 2 ± 1 °C",
        "Hà Nội, ngày 5 tháng 6 năm 2024 — UBND tỉnh Lai Châu; Sở Y tế; Công an tỉnh.",
        "",
        "ab",
    ],
)
def test_no_false_detection(text):
    assert detect_legacy(text) is None


def test_convert_mixed_only_converts_the_legacy_lines():
    pasted = unicode_to_tcvn3("Ủy ban nhân dân tỉnh yêu cầu các sở báo cáo")
    text = "Hà Nội, ngày 5 tháng 6 năm 2024\n" + pasted + "\n"
    out, lines = convert_mixed(text, "tcvn3")
    assert lines == 1
    assert out == "Hà Nội, ngày 5 tháng 6 năm 2024\nủy ban nhân dân tỉnh yêu cầu các sở báo cáo\n"


def test_syllable_check():
    for word in ("nghiêng", "chuyện", "Quốc", "gì", "đường", "khuya", "ươm"):
        assert legacy.is_vietnamese_syllable(word), word
    for word in ("café", "Größe", "hoµ", "ViÖt", "naïve"):
        assert not legacy.is_vietnamese_syllable(word), word
