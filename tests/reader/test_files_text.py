"""Text files: encodings (BOMs, UTF-16 without BOM, UTF-8, Windows-1258, TCVN3, VNI, mojibake in UTF-8)."""

import unicodedata
from pathlib import Path

import pytest

from chidao.documents.reader.files import ReadText, UnreadableDocument, read_bytes, read_file
from chidao.documents.reader.legacy import unicode_to_tcvn3, unicode_to_vni

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests/fixtures/files"


@pytest.fixture(autouse=True)
def _test_settings():
    """No Django here: shadow tests/conftest.py's settings fixture so these run with `-p no:django` too."""


# The Unicode text every encoded fixture was generated from (the UTF-16 file decodes unambiguously).
EXPECTED = (FIX / "cv879-utf16.txt").read_bytes().decode("utf-16")


def codes(result: ReadText) -> list[str]:
    return [w["code"] for w in result.warnings]


def test_utf16_with_bom():
    r = read_file(FIX / "cv879-utf16.txt")
    assert (r.format, r.encoding, r.warnings) == ("txt", "utf-16-le", [])
    assert r.text == EXPECTED
    assert "Số: 879/UBND-VX" in r.text.splitlines()


@pytest.mark.parametrize("codec, name", [("utf-16-le", "utf-16-le"), ("utf-16-be", "utf-16-be")])
def test_utf16_without_bom(codec, name):
    r = read_bytes(EXPECTED.encode(codec), "a.txt")
    assert r.encoding == name
    assert r.text == EXPECTED


def test_utf8_with_and_without_bom_and_crlf():
    r = read_bytes(b"\xef\xbb\xbf" + EXPECTED.replace("\n", "\r\n").encode("utf-8"), "a.md")
    assert (r.format, r.encoding) == ("txt", "utf-8-sig")
    assert r.text == EXPECTED
    r = read_bytes(EXPECTED.encode("utf-8"), "a.txt")
    assert (r.encoding, r.warnings, r.text) == ("utf-8", [], EXPECTED)


def test_utf32_bom():
    r = read_bytes(EXPECTED.encode("utf-32"), "a.txt")
    assert r.encoding.startswith("utf-32")
    assert r.text == EXPECTED


def test_cp1258_decomposed_tone_marks_become_nfc():
    data = (FIX / "cv879-cp1258.txt").read_bytes()
    assert b"\xec" in data or b"\xf2" in data  # combining tone marks, as Windows-1258 stores them
    r = read_file(FIX / "cv879-cp1258.txt")
    assert (r.encoding, r.warnings) == ("cp1258", [])
    assert r.text == EXPECTED
    assert r.text == unicodedata.normalize("NFC", r.text)
    assert not any(unicodedata.combining(c) for c in r.text)


def test_tcvn3_file_is_converted_with_a_warning():
    r = read_file(FIX / "cv879-tcvn3.txt")
    assert r.encoding == "tcvn3"
    assert codes(r) == ["legacy_encoding_converted"]
    assert "TCVN3" in r.warnings[0]["vi"] and "TCVN3" in r.warnings[0]["en"]
    assert r.text.lower() == EXPECTED.lower()
    # Lines typed in capitals get their toned capitals back.
    assert r.text.splitlines()[:3] == EXPECTED.splitlines()[:3]
    assert "Số: 879/UBND-VX" in r.text


def test_vni_file_is_converted_with_a_warning():
    r = read_file(FIX / "cv879-vni.txt")
    assert r.encoding == "vni"
    assert codes(r) == ["legacy_encoding_converted"]
    assert "VNI" in r.warnings[0]["vi"] and "VNI" in r.warnings[0]["en"]
    assert r.text == EXPECTED


def test_tcvn3_pasted_into_utf8_is_converted_line_by_line():
    r = read_file(FIX / "cv879-pasted-tcvn3.txt")
    assert r.encoding == "utf-8"
    assert codes(r) == ["legacy_encoding_converted"]
    assert "dòng" in r.warnings[0]["vi"] and "line" in r.warnings[0]["en"]
    assert r.text.lower() == EXPECTED.lower()
    assert r.text.startswith("ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU")  # the Unicode lines are untouched


def test_vni_pasted_into_utf8():
    pasted = unicode_to_vni("Kính gửi các sở, ban, ngành tỉnh và Ủy ban nhân dân các huyện")
    text = "Số: 12/UBND\n" + pasted + "\n"
    r = read_bytes(text.encode("utf-8"), "a.txt")
    assert codes(r) == ["legacy_encoding_converted"]
    assert r.text == "Số: 12/UBND\nKính gửi các sở, ban, ngành tỉnh và Ủy ban nhân dân các huyện\n"


def test_plain_unicode_vietnamese_and_english_have_no_warning():
    for text in (EXPECTED, "The committee asks every department for a report.\n"):
        r = read_bytes(text.encode("utf-8"), "a.txt")
        assert r.warnings == []
        assert r.text == text


def test_undecidable_8bit_prefers_cp1258_and_says_so():
    r = read_bytes("Réunion à Genève, naïve café.".encode("cp1252"), "a.txt")
    assert r.encoding == "cp1258"
    assert codes(r) == ["encoding_uncertain"]
    assert r.warnings[0]["vi"] and r.warnings[0]["en"]


def test_tcvn3_too_short_to_tell_is_not_converted():
    data = unicode_to_tcvn3("Hà Nội").encode("cp1252")
    r = read_bytes(data, "a.txt")
    assert r.encoding != "tcvn3"
    assert "encoding_uncertain" in codes(r)


def test_a_few_broken_utf8_bytes_are_replaced_with_a_warning():
    data = EXPECTED.encode("utf-8") + b"\xe1\xba"  # cut inside the last character
    r = read_bytes(data, "a.txt")
    assert r.encoding == "utf-8"
    assert codes(r) == ["invalid_bytes_replaced"]
    assert r.text.startswith(EXPECTED)


def test_a_stray_control_character_is_dropped_with_a_warning():
    r = read_bytes(EXPECTED.encode("utf-8") + b"\x1a", "a.txt")  # DOS end-of-file mark
    assert codes(r) == ["control_characters_removed"]
    assert r.text == EXPECTED


@pytest.mark.parametrize(
    "data",
    [
        (FIX / "garbage.txt").read_bytes(),
        b"text\x00with\x00nul",
        bytes(range(1, 32)) * 20,
        "văn bản".encode() + bytes(range(1, 9)) * 30,
    ],
    ids=["random", "nul", "controls", "utf8+controls"],
)
def test_binary_garbage(data):
    with pytest.raises(UnreadableDocument) as e:
        read_bytes(data, "a.txt")
    assert e.value.code == "binary_file"
    assert "nhị phân" in e.value.vi and "binary" in e.value.en


def test_odd_length_utf16_is_binary():
    with pytest.raises(UnreadableDocument) as e:
        read_bytes(b"\xff\xfe" + "Số".encode("utf-16-le") + b"\x00\xd8", "a.txt")  # lone surrogate
    assert e.value.code == "binary_file"


@pytest.mark.parametrize(
    "data, what",
    [
        (b"%PDF-1.4\n...", "PDF"),
        (b"PK\x03\x04rest", "ZIP"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1rest", ".doc"),
    ],
)
def test_a_txt_that_is_something_else(data, what):
    with pytest.raises(UnreadableDocument) as e:
        read_bytes(data, "a.txt")
    assert e.value.code == "wrong_extension"
    assert what in e.value.vi and what in e.value.en


def test_whitespace_only_is_no_text():
    with pytest.raises(UnreadableDocument) as e:
        read_bytes(b" \r\n\t\n", "a.txt")
    assert e.value.code == "no_text"
    assert e.value.vi == "Tệp không có nội dung chữ nào."
