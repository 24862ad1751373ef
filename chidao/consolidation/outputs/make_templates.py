"""Write the two Word templates (báo cáo tổng hợp, công văn đôn đốc) with python-docx.

The layout of Nghị định 30/2020 (A4, margins, Times New Roman, header block, page numbers from page 2) is set
here once; the builders only fill the Jinja tags. The department may open the .docx files in Word and restyle
them as long as the tags stay. After a change run
``python -m chidao.consolidation.outputs.make_templates`` and commit both this script and the .docx files.
"""
from __future__ import annotations

import sys
from collections.abc import Iterable
from pathlib import Path

from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_TAB_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph

TEMPLATES = Path(__file__).resolve().parent / "templates"
REPORT_TEMPLATE = TEMPLATES / "bao_cao_tong_hop.docx"
CHASE_TEMPLATE = TEMPLATES / "cong_van_don_doc.docx"

FONT = "Times New Roman"
PAGE_MM = (210, 297)
MARGINS_MM = {"top": 20, "bottom": 20, "left": 30, "right": 15}
TEXT_WIDTH_MM = PAGE_MM[0] - MARGINS_MM["left"] - MARGINS_MM["right"]
HEADER_COLUMNS_MM = (74, TEXT_WIDTH_MM - 74)  # the right one just holds the Quốc hiệu in 12 pt
SIGNATURE_COLUMNS_MM = (80, TEXT_WIDTH_MM - 80)
MOTTO_RULE_MM = 56  # as long as "Độc lập - Tự do - Hạnh phúc" in 13 pt bold
SHORT_RULE_MM = 28  # 1/3 to 1/2 of the line above it (issuer, trích yếu)
SIGNATURE_GAP_LINES = 4

QUOC_HIEU = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
TIEU_NGU = "Độc lập - Tự do - Hạnh phúc"
REPORT_SECTIONS = {
    "situation": "I. TÌNH HÌNH CHUNG",
    "results": "II. KẾT QUẢ THỰC HIỆN",
    "assessment": "III. ĐÁNH GIÁ CHUNG",
    "direction": "IV. PHƯƠNG HƯỚNG, NHIỆM VỤ KỲ TỚI",
    "recommendations": "V. ĐỀ XUẤT, KIẾN NGHỊ",
}

# Paragraph styles: (size pt, bold, italic, alignment, first-line indent mm, space before pt, keep with next)
STYLES = {
    "Chidao Body": (14, False, False, WD_ALIGN_PARAGRAPH.JUSTIFY, 10, 6, False),
    "Chidao Section": (14, True, False, WD_ALIGN_PARAGRAPH.JUSTIFY, 10, 6, True),
    "Chidao Subsection": (14, True, False, WD_ALIGN_PARAGRAPH.JUSTIFY, 10, 6, True),
    "Chidao Header": (13, False, False, WD_ALIGN_PARAGRAPH.CENTER, 0, 0, False),
    "Chidao Title": (14, True, False, WD_ALIGN_PARAGRAPH.CENTER, 0, 18, True),
    "Chidao Subject": (14, True, False, WD_ALIGN_PARAGRAPH.CENTER, 0, 0, True),
    "Chidao Recipients Label": (12, True, True, WD_ALIGN_PARAGRAPH.LEFT, 0, 6, True),
    "Chidao Recipients": (11, False, False, WD_ALIGN_PARAGRAPH.LEFT, 0, 0, False),
    "Chidao Signature": (14, True, False, WD_ALIGN_PARAGRAPH.CENTER, 0, 0, False),
    "Chidao Table Title": (13, True, False, WD_ALIGN_PARAGRAPH.CENTER, 0, 12, True),
    "Chidao Table Text": (12, False, False, WD_ALIGN_PARAGRAPH.LEFT, 0, 0, False),
}


# --- document, fonts, styles --------------------------------------------------------------------------------


def new_document() -> Document:
    """An A4 portrait document with the official margins, fonts and page numbers from page 2."""
    doc = Document()
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(PAGE_MM[0]), Mm(PAGE_MM[1])
    section.top_margin, section.bottom_margin = Mm(MARGINS_MM["top"]), Mm(MARGINS_MM["bottom"])
    section.left_margin, section.right_margin = Mm(MARGINS_MM["left"]), Mm(MARGINS_MM["right"])
    section.header_distance = section.footer_distance = Mm(10)
    _set_fonts(doc)
    _add_styles(doc)
    _add_page_numbers(section)
    return doc


def _set_fonts(doc: Document) -> None:
    """Times New Roman everywhere: explicit names, not theme fonts, so Word and LibreOffice agree."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    _explicit_fonts(rpr)
    rpr.find(qn("w:sz")).set(qn("w:val"), "28")
    rpr.find(qn("w:szCs")).set(qn("w:val"), "28")
    rpr.find(qn("w:lang")).set(qn("w:val"), "vi-VN")
    spacing = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr")).find(qn("w:spacing"))
    spacing.set(qn("w:after"), "0")
    spacing.set(qn("w:line"), "240")
    normal = doc.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(14)
    _explicit_fonts(normal.element.get_or_add_rPr())


def _explicit_fonts(rpr) -> None:
    """Replace theme font references by the font name in every script slot."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for key in list(fonts.attrib):
        del fonts.attrib[key]
    for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
        fonts.set(qn(f"w:{slot}"), FONT)


def _add_styles(doc: Document) -> None:
    """Named paragraph styles, so the department restyles a kind of paragraph in one place."""
    for name, (size, bold, italic, align, indent, before, keep) in STYLES.items():
        style = doc.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
        style.base_style = doc.styles["Normal"]
        style.quick_style = True
        style.font.size, style.font.bold, style.font.italic = Pt(size), bold, italic
        fmt = style.paragraph_format
        fmt.alignment = align
        fmt.first_line_indent = Mm(indent) if indent else None
        fmt.space_before, fmt.space_after = Pt(before), Pt(0)
        fmt.line_spacing = 1.0
        fmt.keep_with_next = keep
        fmt.widow_control = True


def _add_page_numbers(section) -> None:
    """A centred PAGE field in the header of every page but the first (different first page)."""
    section.different_first_page_header_footer = True
    section.first_page_header.is_linked_to_previous = False
    paragraph = section.header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    parts = (("begin", None), ("instr", " PAGE "), ("separate", None), ("text", "2"), ("end", None))
    for kind, text in parts:
        run = paragraph.add_run()
        run.font.size = Pt(13)
        if kind == "instr":
            instr = OxmlElement("w:instrText")
            instr.set(qn("xml:space"), "preserve")
            instr.text = text
            run._r.append(instr)
        elif kind == "text":
            run.text = text
        else:
            char = OxmlElement("w:fldChar")
            char.set(qn("w:fldCharType"), kind)
            run._r.append(char)


# --- paragraphs, rules, tables ------------------------------------------------------------------------------


def para(container, text: str = "", style: str = "Chidao Body", **run_format) -> Paragraph:
    """Add a paragraph holding one run (one run keeps each Jinja tag whole)."""
    paragraph = container.add_paragraph(style=style)
    if text:
        add_run(paragraph, text, **run_format)
    return paragraph


def add_run(paragraph: Paragraph, text: str, *, bold=None, italic=None, size=None):
    """A run with optional direct formatting on top of the paragraph style."""
    run = paragraph.add_run(text)
    run.bold, run.italic = bold, italic
    if size:
        run.font.size = Pt(size)
    return run


def first_para(cell: _Cell, text: str = "", style: str = "Chidao Header", **run_format) -> Paragraph:
    """Use a new cell's empty paragraph for the first line instead of leaving a blank one."""
    paragraph = cell.paragraphs[0]
    paragraph.style = style
    if text:
        add_run(paragraph, text, **run_format)
    return paragraph


def rule(container, width_mm: float, space_before_pt: float = 3,
         centred_in_mm: float | None = None) -> Paragraph:
    """A short solid line (a top border on an empty 1 pt paragraph), centred, as under issuer and motto."""
    paragraph = container.add_paragraph(style="Chidao Header")
    fmt = paragraph.paragraph_format
    side = max((centred_in_mm or TEXT_WIDTH_MM) - width_mm, 0) / 2
    fmt.left_indent = fmt.right_indent = Mm(side)
    fmt.first_line_indent = Mm(0)
    fmt.space_before = Pt(space_before_pt)
    fmt.line_spacing = Pt(1)
    borders = OxmlElement("w:pBdr")
    top = OxmlElement("w:top")
    for key, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "000000")):
        top.set(qn(f"w:{key}"), value)
    borders.append(top)
    paragraph._p.get_or_add_pPr().insert_element_before(borders, "w:shd", "w:tabs", "w:spacing", "w:ind",
                                                          "w:jc", "w:rPr")
    mark = paragraph._p.get_or_add_pPr()
    size = OxmlElement("w:rPr")
    sz = OxmlElement("w:sz")
    sz.set(qn("w:val"), "2")
    size.append(sz)
    mark.append(size)
    return paragraph


def fixed_table(container, widths_mm: Iterable[float], rows: int = 1, borders: bool = False) -> Table:
    """A table with fixed column widths, borderless (layout) or with thin lines (data)."""
    widths = list(widths_mm)
    table = container.add_table(rows=rows, cols=len(widths))
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Mm(width)
        for cell in column.cells:
            cell.width = Mm(width)
    set_borders(table, "single" if borders else "nil")
    set_cell_margins(table, 57 if borders else 0)
    return table


def set_borders(table: Table, value: str) -> None:
    """Explicit table borders so the look does not depend on a table style being present."""
    tbl_pr = table._tbl.tblPr
    for old in tbl_pr.findall(qn("w:tblBorders")):
        tbl_pr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:val"), value)
        if value != "nil":
            edge.set(qn("w:sz"), "4")
            edge.set(qn("w:space"), "0")
            edge.set(qn("w:color"), "000000")
        borders.append(edge)
    tbl_pr.append(borders)


def set_cell_margins(table: Table, side_twips: int) -> None:
    """Left and right cell padding; layout tables use none so the columns get the full width."""
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        edge = OxmlElement(f"w:{side}")
        edge.set(qn("w:w"), str(side_twips))
        edge.set(qn("w:type"), "dxa")
        margins.append(edge)
    table._tbl.tblPr.append(margins)


def loop(container, tag: str, style: str = "Chidao Body") -> Paragraph:
    """A docxtpl paragraph tag ({%p for … %}); docxtpl removes the paragraph that carries it."""
    return para(container, "{%p " + tag + " %}", style)


def preserve_spaces(doc: Document) -> None:
    """Mark every text node xml:space="preserve" so filled-in blanks ("Số:      /BC-") keep their width."""
    related = (rel.target_part for rel in doc.part.rels.values() if not rel.is_external)
    for part in [doc.part, *related]:
        element = getattr(part, "element", None)
        if element is None:
            continue
        for node in element.iter(qn("w:t")):
            node.set(qn("xml:space"), "preserve")


# --- the two templates --------------------------------------------------------------------------------------


def header_block(doc: Document, chase: bool) -> None:
    """Issuer and national motto side by side, then number (and V/v) left and place/date right."""
    table = fixed_table(doc, HEADER_COLUMNS_MM, rows=2)
    left, right = table.rows[0].cells
    first_para(left, "{%p if issuer_parent %}")
    para(left, "{{ issuer_parent }}", "Chidao Header")
    para(left, "{%p endif %}", "Chidao Header")
    para(left, "{%p for line in issuer_lines %}", "Chidao Header")
    para(left, "{{ line }}", "Chidao Header", bold=True)
    para(left, "{%p endfor %}", "Chidao Header")
    rule(left, SHORT_RULE_MM, centred_in_mm=HEADER_COLUMNS_MM[0])
    first_para(right, QUOC_HIEU, bold=True, size=12)
    para(right, TIEU_NGU, "Chidao Header", bold=True, size=13)
    rule(right, MOTTO_RULE_MM, centred_in_mm=HEADER_COLUMNS_MM[1])
    number_cell, date_cell = table.rows[1].cells
    first_para(number_cell, "Số: {{ number }}/{{ symbol }}").paragraph_format.space_before = Pt(6)
    if chase:
        para(number_cell, "{{ subject }}", "Chidao Header", size=12)
    date = first_para(date_cell, "{{ place }}, ngày {{ day }} tháng {{ month }} năm {{ year }}", italic=True,
                      size=14)
    date.paragraph_format.space_before = Pt(6)
    for cell in (*table.rows[0].cells, *table.rows[1].cells):
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP


def signature_block(doc: Document) -> None:
    """Nơi nhận bottom-left, authority, title, signature space and name bottom-right."""
    para(doc, "", "Chidao Body").paragraph_format.keep_with_next = True
    table = fixed_table(doc, SIGNATURE_COLUMNS_MM)
    # cantSplit: Nơi nhận and the signature move to the next page together
    table.rows[0]._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    left, right = table.rows[0].cells
    first_para(left, "Nơi nhận:", "Chidao Recipients Label")
    para(left, "{%p for item in recipient_items %}", "Chidao Recipients")
    para(left, "{{ item }}", "Chidao Recipients")
    para(left, "{%p endfor %}", "Chidao Recipients")
    first_para(right, "{%p for line in signer_lines %}", "Chidao Signature")
    para(right, "{{ line }}", "Chidao Signature")
    para(right, "{%p endfor %}", "Chidao Signature")
    for _ in range(SIGNATURE_GAP_LINES):
        para(right, "", "Chidao Signature")
    para(right, "{{ signer_name }}", "Chidao Signature")


def paragraphs(doc: Document, variable: str) -> None:
    """One body paragraph per item of a list of strings."""
    loop(doc, f"for text in {variable}")
    para(doc, "{{ text }}")
    loop(doc, "endfor")


def report_template() -> Document:
    """The consolidated report: header, title, outline I–V with agency sections, signature, tables."""
    doc = new_document()
    header_block(doc, chase=False)
    para(doc, "{{ title }}", "Chidao Title")
    para(doc, "{{ subject }}", "Chidao Subject")
    rule(doc, SHORT_RULE_MM + 12, space_before_pt=4)
    paragraphs(doc, "basis")
    para(doc, REPORT_SECTIONS["situation"], "Chidao Section")
    paragraphs(doc, "situation")
    para(doc, REPORT_SECTIONS["results"], "Chidao Section")
    paragraphs(doc, "results_summary")
    agency_sections(doc)
    for key in ("assessment", "direction", "recommendations"):
        para(doc, REPORT_SECTIONS[key], "Chidao Section")
        paragraphs(doc, key)
    signature_block(doc)
    statistics_tables(doc)
    return doc


def agency_sections(doc: Document) -> None:
    """Section II.n: heading, narrative and the agency's tasks with their status in italics."""
    loop(doc, "for section in agency_sections")
    para(doc, "{{ section.heading }}", "Chidao Subsection")
    paragraphs(doc, "section.paragraphs")
    loop(doc, "for task in section.tasks")
    task = para(doc, "- {{ task.text }}: ")
    add_run(task, "{{ task.status }}.", italic=True)
    loop(doc, "endfor")
    loop(doc, "endfor")


def statistics_tables(doc: Document) -> None:
    """Appendix on a new page; each marker paragraph is replaced by a real Word table after rendering."""
    loop(doc, "if tables")
    heading = para(doc, "BIỂU SỐ LIỆU", "Chidao Title")
    heading.paragraph_format.page_break_before = True
    heading.paragraph_format.space_before = Pt(0)
    para(doc, "(Kèm theo {{ reference }})", "Chidao Header", italic=True, size=14)
    loop(doc, "for table in tables")
    para(doc, "{{ table.title }}", "Chidao Table Title")
    para(doc, "{{ table.marker }}", "Chidao Table Text")
    loop(doc, "endfor")
    loop(doc, "endif")


def chase_template() -> Document:
    """The công văn đôn đốc: header with V/v, Kính gửi, late agencies table, new deadline, signature."""
    doc = new_document()
    header_block(doc, chase=True)
    kinh_gui(doc)
    para(doc, "Theo quy định, báo cáo {{ period_label }} của các cơ quan, đơn vị gửi trước ngày "
              "{{ due_date }}. Đến ngày {{ today }}, các cơ quan, đơn vị sau chưa gửi báo cáo hoặc gửi "
              "không đúng thời hạn:")
    late_agencies_table(doc)
    deadline = para(doc, "Để kịp thời tổng hợp, báo cáo theo quy định, đề nghị Thủ trưởng các cơ quan, "
                         "đơn vị nêu trên khẩn trương hoàn thành và gửi báo cáo ")
    add_run(deadline, "trước ngày {{ new_deadline }}", bold=True)
    add_run(deadline, ".")
    loop(doc, "if contact")
    para(doc, "Thông tin chi tiết xin liên hệ: {{ contact }}.")
    loop(doc, "endif")
    para(doc, "Đề nghị các cơ quan, đơn vị quan tâm, thực hiện./.")
    signature_block(doc)
    return doc


def kinh_gui(doc: Document) -> None:
    """"Kính gửi:" then the recipients one per line, aligned on a tab after the label."""
    para(doc, "", "Chidao Header")
    loop(doc, "for item in kinh_gui")
    line = para(doc, "{% if loop.first %}Kính gửi:{% endif %}", "Chidao Header")
    fmt = line.paragraph_format
    fmt.alignment = WD_ALIGN_PARAGRAPH.LEFT
    fmt.left_indent, fmt.first_line_indent = Mm(55), Mm(-22)
    fmt.tab_stops.add_tab_stop(Mm(55), WD_TAB_ALIGNMENT.LEFT)
    line.add_run().add_tab()
    add_run(line, "{{ item }}", size=14)
    line.runs[0].font.size = Pt(14)
    loop(doc, "endfor")
    para(doc, "", "Chidao Header")


def late_agencies_table(doc: Document) -> None:
    """STT | agency | status, one row per late agency via docxtpl's {%tr for %} rows."""
    table = fixed_table(doc, (15, 95, TEXT_WIDTH_MM - 110), rows=4, borders=True)
    headings = ("STT", "Cơ quan, đơn vị", "Tình hình gửi báo cáo")
    for cell, text in zip(table.rows[0].cells, headings, strict=True):
        first_para(cell, text, "Chidao Table Text", bold=True).alignment = WD_ALIGN_PARAGRAPH.CENTER
    first_para(table.rows[1].cells[0], "{%tr for agency in late_agencies %}", "Chidao Table Text")
    values = ("{{ loop.index }}", "{{ agency.name }}", "{{ agency.status }}")
    for cell, text in zip(table.rows[2].cells, values, strict=True):
        first_para(cell, text, "Chidao Table Text", size=13)
    table.rows[2].cells[0].paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.CENTER
    first_para(table.rows[3].cells[0], "{%tr endfor %}", "Chidao Table Text")


def write_templates(directory: Path = TEMPLATES) -> list[Path]:
    """Write both templates into a directory (the package's by default) and return their paths."""
    directory.mkdir(parents=True, exist_ok=True)
    written = []
    for path, build in ((REPORT_TEMPLATE, report_template), (CHASE_TEMPLATE, chase_template)):
        doc = build()
        preserve_spaces(doc)
        target = directory / path.name
        doc.save(str(target))
        written.append(target)
    return written


if __name__ == "__main__":
    for written_path in write_templates(Path(sys.argv[1]) if len(sys.argv) > 1 else TEMPLATES):
        print(written_path)
