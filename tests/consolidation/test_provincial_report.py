"""The provincial report read back: every figure equals the sum of the accepted reports; the header is official."""
import io
from collections import defaultdict
from decimal import Decimal

import docx
import openpyxl
import pytest

from chidao.consolidation.views import render_report
from chidao.reporting.models import Indicator, ReportValue

PERIOD = "2013-H1"


def _accepted_sums() -> dict[str, Decimal]:
    sums: dict[str, Decimal] = defaultdict(Decimal)
    for value in ReportValue.objects.filter(report__period__code=PERIOD, report__status="accepted",
                                            value__isnull=False).select_related("indicator"):
        sums[value.indicator.name] += value.value
    return sums


def _number(text: str) -> Decimal | None:
    text = text.strip().rstrip("%")
    return Decimal(text.replace(".", "").replace(",", ".")) if text else None


def _biểu_1_rows(table_rows) -> dict[str, Decimal | None]:
    """{indicator name: this period's figure} from Biểu 1 (columns: name, unit, this period, …)."""
    names = set(Indicator.objects.values_list("name", flat=True))
    return {row[0].strip(): row[2] for row in table_rows if row and row[0] and row[0].strip() in names}


def test_docx_figures_and_header(demo_data):
    document = docx.Document(io.BytesIO(render_report(PERIOD, "docx")))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for r in t.rows for c in r.cells)
    assert "ỦY BAN NHÂN DÂN" in cells and "TỈNH LAI CHÂU" in cells
    assert "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in cells and "/BC-UBND" in cells
    assert "Lai Châu, ngày" in cells
    assert "BÁO CÁO" in text and "6 tháng đầu năm 2013" in text
    biểu_1 = next(t for t in document.tables if any("Kỳ này" in c.text for c in t.rows[0].cells))
    rows = [[c.text for c in r.cells] for r in biểu_1.rows]
    found = {name: _number(value) for name, value in _biểu_1_rows(rows).items()}
    sums = _accepted_sums()
    assert sums, "the demo has accepted 2013-H1 reports"
    for name, total in sums.items():
        assert found[name] == total, name


def test_xlsx_figures(demo_data):
    workbook = openpyxl.load_workbook(io.BytesIO(render_report(PERIOD, "xlsx")))
    sheet = workbook[workbook.sheetnames[0]]
    rows = [[c.value for c in row] for row in sheet.iter_rows()]
    found = {name: value for name, value in _biểu_1_rows([r for r in rows if isinstance(r[0], str)]).items()}
    for name, total in _accepted_sums().items():
        assert Decimal(str(found[name])) == total, name


@pytest.mark.skipif(not __import__("chidao.consolidation.outputs.pdf", fromlist=["pdf_available"]).pdf_available(),
                    reason="LibreOffice is not installed (./test.sh installs it)")
def test_pdf_carries_the_title(demo_data):
    from pypdf import PdfReader

    pdf = render_report(PERIOD, "pdf")
    assert pdf.startswith(b"%PDF")
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "BÁO CÁO" in text
