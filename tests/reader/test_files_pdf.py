""".pdf files: text layer, two-column header, scans, encryption, damage."""

import logging
import re
from pathlib import Path

import pytest

from chidao.documents.reader import fmt_pdf
from chidao.documents.reader.files import UnreadableDocument, read_bytes, read_file
from chidao.documents.reader.fmt_pdf import decolumnise

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests/fixtures/files"
PDF = (FIX / "cv879.pdf").read_bytes()


@pytest.fixture(autouse=True)
def _test_settings():
    """No Django here: shadow tests/conftest.py's settings fixture so these run with `-p no:django` too."""


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


def test_text_layer_with_the_header_columns_apart():
    r = read_file(FIX / "cv879.pdf")
    assert (r.format, r.encoding, r.warnings) == ("pdf", None, [])
    lines = r.text.splitlines()
    # Layout mode puts both header columns on each line; decolumnise() gives the left column, then the right.
    assert lines[:7] == [
        "ỦY BAN NHÂN DÂN",
        "TỈNH LAI CHÂU",
        "Số: 879/UBND-VX",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA",
        "VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Lai Châu, ngày 16 tháng 7 năm 2013",
    ]
    assert "V/v tăng cường thực hiện công tác" in lines
    # The signature line is split too.
    i = lines.index("Nơi nhận:")
    assert lines[i + 1] == "TM. ỦY BAN NHÂN DÂN"


def test_pdf_holds_every_word_of_the_docx():
    pdf_words = words(read_file(FIX / "cv879.pdf").text)
    docx_words = words(read_file(FIX / "cv879.docx").text)
    assert sorted(pdf_words) == sorted(docx_words)


def test_scanned_pdf_has_no_text_layer():
    with pytest.raises(UnreadableDocument) as e:
        read_file(FIX / "scanned.pdf")
    assert e.value.code == "no_text_layer"
    assert e.value.vi.startswith(
        "Tệp PDF không có lớp chữ (bản quét); hệ thống chưa hỗ trợ nhận dạng chữ (OCR)"
    )
    assert "OCR" in e.value.en and "text layer" in e.value.en


def test_encrypted_pdf():
    with pytest.raises(UnreadableDocument) as e:
        read_file(FIX / "encrypted.pdf")
    assert e.value.code == "pdf_encrypted"
    assert "mật khẩu" in e.value.vi and "password" in e.value.en


@pytest.mark.parametrize(
    "data",
    [PDF[: len(PDF) // 2], PDF[:-300], b"%PDF-1.4\n" + b"garbage " * 100, b"%PDF-1.7\n%%EOF"],
    ids=["half", "no-trailer", "garbage", "header-only"],
)
def test_damaged_pdf(data):
    with pytest.raises(UnreadableDocument) as e:
        read_bytes(data, "a.pdf")
    assert e.value.code == "pdf_corrupt"
    assert "hỏng" in e.value.vi and "damaged" in e.value.en


def test_repairable_damage_is_read_with_a_warning_and_nothing_on_stderr(capfd):
    data = re.sub(rb"startxref\s+\d+", b"startxref\n999", PDF)
    r = read_bytes(data, "a.pdf")
    assert [w["code"] for w in r.warnings] == ["pdf_irregular"]
    assert "Số: 879/UBND-VX" in r.text
    out, err = capfd.readouterr()
    assert out == err == ""
    # The pypdf logger is left as it was.
    assert logging.getLogger("pypdf").propagate is True


@pytest.mark.parametrize("data", [b"not a pdf", (FIX / "cv879.docx").read_bytes()], ids=["text", "docx"])
def test_not_a_pdf(data):
    with pytest.raises(UnreadableDocument) as e:
        read_bytes(data, "a.pdf")
    assert e.value.code == "not_pdf"
    assert "%PDF" in e.value.vi and "%PDF" in e.value.en


def test_page_cap(monkeypatch):
    monkeypatch.setattr(fmt_pdf, "MAX_PAGES", 1)
    r = read_file(FIX / "cv879.pdf")
    assert [w["code"] for w in r.warnings] == ["pdf_page_limit"]
    assert "Số: 879/UBND-VX" in r.text and "Lưu: VT, VX" not in r.text


def test_decolumnise_interleaved_header():
    layout = (
        "        UBND TỈNH LAI CHÂU              CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
        "         SỞ Y TẾ                             Độc lập - Tự do - Hạnh phúc\n"
        "\n"
        "   Số: 12/SYT-NV                          Lai Châu, ngày 3 tháng 5 năm 2024\n"
        "V/v phòng chống dịch\n"
        "Kính gửi: các đơn vị trực thuộc.\n"
    )
    assert decolumnise(layout).splitlines() == [
        "UBND TỈNH LAI CHÂU",
        "SỞ Y TẾ",
        "Số: 12/SYT-NV",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Lai Châu, ngày 3 tháng 5 năm 2024",
        "V/v phòng chống dịch",
        "Kính gửi: các đơn vị trực thuộc.",
    ]


def test_decolumnise_leaves_ordinary_text_alone():
    text = "Một dòng    có khoảng trắng rộng\nnhưng chỉ một lần.\n  Thụt đầu dòng."
    assert decolumnise(text) == "Một dòng    có khoảng trắng rộng\nnhưng chỉ một lần.\nThụt đầu dòng."
