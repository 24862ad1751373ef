"""The consolidated report read back with python-docx: official layout, header block, outline, tables."""
import datetime
import io

import pytest
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn

from chidao.consolidation.outputs.docx_report import build_docx
from chidao.consolidation.outputs.make_templates import write_templates


def read(data: bytes):
    return Document(io.BytesIO(data))


@pytest.fixture
def doc(report):
    return read(build_docx(report))


def cell_texts(table) -> list[str]:
    return [cell.text for row in table.rows for cell in row.cells]


def body_text(doc) -> str:
    return "\n".join(p.text for p in doc.paragraphs)


def test_page_is_a4_portrait_with_the_official_margins(doc):
    section = doc.sections[0]
    assert section.orientation == WD_ORIENT.PORTRAIT
    size = [round(length.mm, 1) for length in (section.page_width, section.page_height)]
    margins = [round(length.mm, 1) for length in (section.top_margin, section.bottom_margin,
                                                  section.left_margin, section.right_margin)]
    assert size == [210, 297]
    assert margins == [20, 20, 30, 15]


def test_body_font_is_times_new_roman_13_to_14_pt_and_no_run_names_another(doc):
    normal = doc.styles["Normal"]
    assert normal.font.name == "Times New Roman"
    assert 13 <= normal.font.size.pt <= 14
    defaults = doc.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:rFonts")).get(qn("w:ascii")) == "Times New Roman"
    assert doc.styles["Chidao Body"].font.size.pt == 14
    named = {f.get(qn("w:ascii")) for f in doc.element.body.iter(qn("w:rFonts"))}
    assert named <= {"Times New Roman", None}


def test_header_block_holds_issuer_national_motto_number_and_date(doc):
    header = doc.tables[0]
    issuer, motto = ([p.text for p in cell.paragraphs if p.text] for cell in header.rows[0].cells)
    number, date = (cell.text for cell in header.rows[1].cells)
    assert issuer == ["ỦY BAN NHÂN DÂN", "TỈNH LAI CHÂU"]
    assert motto == ["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"]
    assert number.startswith("Số:") and number.endswith("/BC-UBND")
    assert date == "Lai Châu, ngày 20 tháng 7 năm 2013"
    assert all(run.italic for run in header.rows[1].cells[1].paragraphs[0].runs)
    borders = header._tbl.tblPr.find(qn("w:tblBorders"))
    assert {edge.get(qn("w:val")) for edge in borders} == {"nil"}


def test_number_given_and_date_before_the_tenth_of_february(report):
    report.number, report.date = "57", datetime.date(2014, 2, 5)
    header = read(build_docx(report)).tables[0]
    assert header.cell(1, 0).text == "Số: 57/BC-UBND"
    assert header.cell(1, 1).text == "Lai Châu, ngày 05 tháng 02 năm 2014"


def test_parent_body_goes_above_the_issuer(report):
    report.issuer_parent, report.issuer = "UBND TỈNH LAI CHÂU", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"
    left = read(build_docx(report)).tables[0].cell(0, 0)
    texts = [p.text for p in left.paragraphs if p.text]
    assert texts == ["UBND TỈNH LAI CHÂU", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"]
    assert all(r.bold for r in left.paragraphs[1].runs)


def test_title_subject_and_outline_in_order(doc, report):
    texts = [p.text for p in doc.paragraphs]
    assert texts[0:2] == ["BÁO CÁO", report.subject]
    assert doc.paragraphs[0].style.font.bold and doc.paragraphs[0].alignment is None
    assert doc.paragraphs[0].style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    headings = ["I. TÌNH HÌNH CHUNG", "II. KẾT QUẢ THỰC HIỆN", "III. ĐÁNH GIÁ CHUNG",
                "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI", "V. ĐỀ XUẤT, KIẾN NGHỊ"]
    assert [texts.index(h) for h in headings] == sorted(texts.index(h) for h in headings)
    assert report.basis[0] in texts and report.results_summary[0] in texts


def test_every_agency_section_has_its_heading_narrative_and_task_statuses(doc, report):
    texts = [p.text for p in doc.paragraphs]
    for section in report.agency_sections:
        position = texts.index(section.heading)
        assert texts[position + 1] == section.paragraphs[0]
        first_task = "- Xây dựng kế hoạch thực hiện Công văn 879/UBND-VX: Hoàn thành đúng hạn."
        assert texts[position + 3] == first_task
    status_run = doc.paragraphs[texts.index("- Báo cáo kết quả 6 tháng: Hoàn thành quá hạn.")].runs[-1]
    assert status_run.italic


def test_text_with_ampersand_and_angle_brackets_is_escaped_not_broken(doc):
    text = body_text(doc)
    assert "hội viên & người dân" in text and "<nhà nghỉ>" in text


def test_statistics_tables_have_merged_headers_and_vietnamese_numbers(doc, report):
    tables = doc.tables[2:]
    assert len(tables) == len(report.tables) == 3
    first = tables[0]
    assert first.cell(0, 0)._tc is first.cell(1, 0)._tc  # "TT" spans two header rows
    assert first.cell(0, 3)._tc is first.cell(0, 5)._tc and first.cell(0, 3)._tc.grid_span == 3
    assert first.cell(1, 3).text == "Số liệu"
    assert {"1.234.567", "1.100.000", "12,2", "-33,3"} <= set(cell_texts(first))
    assert first.cell(2, 3).paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert first.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
    assert {"287.500,5", "82,1%", "350.000"} <= set(cell_texts(tables[2]))
    assert tables[1].cell(0, 2)._tc is tables[1].cell(0, 3)._tc
    body = body_text(doc)
    assert all(t.title in body for t in report.tables) and "[[chidao" not in body


def test_sub_items_are_indented_and_totals_bold(doc):
    first = doc.tables[2]
    assert round(first.cell(3, 1).paragraphs[0].paragraph_format.left_indent.mm) == 4
    assert first.cell(2, 3).paragraphs[0].runs[0].bold


def test_recipients_and_signature_block(doc, report):
    signature = doc.tables[1]
    recipients, signer = signature.rows[0].cells
    lines = [p.text for p in recipients.paragraphs]
    assert lines[0] == "Nơi nhận:"
    assert recipients.paragraphs[0].style.font.bold and recipients.paragraphs[0].style.font.italic
    assert lines[1] == "- Bộ Lao động - TB&XH (để b/c);" and lines[-1] == "- Lưu: VT, VX."
    signer_text = [p.text for p in signer.paragraphs if p.text]
    assert signer_text == ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Lê Trọng Quảng"]
    assert len(signer.paragraphs) - len(signer_text) >= 3  # room for the signature and seal


def test_page_numbers_start_on_page_two(doc):
    section = doc.sections[0]
    assert section._sectPr.find(qn("w:titlePg")) is not None
    assert section.different_first_page_header_footer
    numbered = section.header._element
    assert "PAGE" in "".join(numbered.itertext())
    assert numbered.find(f".//{qn('w:fldChar')}") is not None
    assert section.header.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    first = section.first_page_header._element
    assert not first.findall(f".//{qn('w:instrText')}") and not first.findall(f".//{qn('w:fldSimple')}")


def test_regenerated_templates_work_and_keep_their_tags(tmp_path, report):
    report_template, chase_template = write_templates(tmp_path)
    raw = Document(str(report_template))
    assert "{{ subject }}" in "\n".join(p.text for p in raw.paragraphs)
    assert "{%tr for agency in late_agencies %}" in "".join(
        c.text for t in Document(str(chase_template)).tables for r in t.rows for c in r.cells)
    doc = read(build_docx(report, template=report_template))
    assert "6. UBND huyện Than Uyên" in body_text(doc)


def test_report_without_tables_has_no_appendix(report):
    report.tables = []
    doc = read(build_docx(report))
    assert "BIỂU SỐ LIỆU" not in body_text(doc) and len(doc.tables) == 2
