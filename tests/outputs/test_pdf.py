"""DOCX → PDF through LibreOffice (converted once per module: a conversion takes seconds)."""
import io
import os
import stat
import unicodedata

import pytest
from pypdf import PdfReader

from chidao.consolidation.outputs import pdf
from chidao.consolidation.outputs.docx_report import build_docx

from .sample import make_report

needs_soffice = pytest.mark.skipif(not pdf.pdf_available(),
                                   reason="LibreOffice (libreoffice-writer-nogui) is not installed")


@pytest.fixture(scope="module")
def report_pdf() -> PdfReader:
    data = pdf.docx_to_pdf(build_docx(make_report()))
    assert data.startswith(b"%PDF")
    return PdfReader(io.BytesIO(data))


def page_text(reader: PdfReader, index: int) -> str:
    return unicodedata.normalize("NFC", reader.pages[index].extract_text())


@needs_soffice
def test_pdf_has_the_title_header_and_several_pages(report_pdf):
    assert len(report_pdf.pages) >= 1
    first = page_text(report_pdf, 0)
    assert "BÁO CÁO" in first and "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in first
    assert "Lai Châu, ngày 20 tháng 7 năm 2013" in first


@needs_soffice
def test_pdf_numbers_pages_from_the_second(report_pdf):
    assert len(report_pdf.pages) >= 2
    assert not page_text(report_pdf, 0).lstrip().startswith("1")
    assert page_text(report_pdf, 1).lstrip().startswith("2")


@needs_soffice
def test_pdf_uses_times_new_roman_or_its_metric_twin(report_pdf):
    resources = report_pdf.pages[0]["/Resources"]["/Font"].values()
    fonts = {str(font.get_object()["/BaseFont"]) for font in resources}
    assert fonts and all("LiberationSerif" in f or "TimesNewRoman" in f for f in fonts)


def fake_soffice(tmp_path, body: str) -> str:
    script = tmp_path / "soffice"
    script.write_text(f"#!/bin/sh\n{body}\n")
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    return str(script)


def test_missing_libreoffice_raises_a_bilingual_error(monkeypatch):
    monkeypatch.setattr(pdf, "soffice_path", lambda: None)
    assert not pdf.pdf_available()
    with pytest.raises(pdf.PdfUnavailable, match="Không tạo được PDF.*Cannot make the PDF"):
        pdf.docx_to_pdf(b"PK")


def test_failing_libreoffice_raises(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf, "soffice_path", lambda: fake_soffice(tmp_path, "echo broken >&2; exit 3"))
    with pytest.raises(pdf.PdfUnavailable, match="exited with 3: broken"):
        pdf.docx_to_pdf(b"PK")


def test_libreoffice_writing_nothing_raises(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf, "soffice_path", lambda: fake_soffice(tmp_path, "exit 0"))
    with pytest.raises(pdf.PdfUnavailable, match="wrote no PDF"):
        pdf.docx_to_pdf(b"PK")


def test_hanging_libreoffice_is_killed_after_the_timeout(monkeypatch, tmp_path):
    monkeypatch.setattr(pdf, "soffice_path", lambda: fake_soffice(tmp_path, "sleep 30 & sleep 30"))
    with pytest.raises(pdf.PdfUnavailable, match="timed out after 1 s"):
        pdf.docx_to_pdf(b"PK", timeout=1)
    assert os.path.exists(tmp_path / "soffice")
