"""The consolidated report as a Word file: docxtpl fills the department's template, then python-docx puts the
statistics tables (merged headers, Vietnamese number format) where the template's table markers stand."""
from __future__ import annotations

import io
from pathlib import Path
from typing import Any

from docx.document import Document
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docxtpl import DocxTemplate
from jinja2 import Environment, StrictUndefined

from .content import (
    ProvincialReport,
    TableSpec,
    centred_columns,
    check_table,
    column_widths,
    day_month,
    document_number,
    format_number,
    is_number,
    issuer_lines,
    label_column,
    layout_header,
    recipient_items,
    short_date,
    signer_lines,
)
from .make_templates import REPORT_TEMPLATE, TEXT_WIDTH_MM, fixed_table

TABLE_FONT_PT = 12
LEVEL_INDENT_MM = 4
MARKER = "[[chidao:bieu:{}]]"


def build_docx(report: ProvincialReport, template: Path | None = None) -> bytes:
    """Fill the report template and return the .docx bytes (nothing is written to disk)."""
    for table in report.tables:
        check_table(table)
    tpl = render_template(template or REPORT_TEMPLATE, report_context(report))
    keep_last_paragraph_with_signature(tpl.docx)
    insert_tables(tpl.docx, report.tables)  # not get_docx(): it reloads the unrendered template
    return save(tpl)


def render_template(template: Path, context: dict[str, Any]) -> DocxTemplate:
    """Render with autoescaping (text may hold & or <) and strict names, so a mistyped tag fails loudly."""
    tpl = DocxTemplate(str(template))
    tpl.render(context, jinja_env=Environment(undefined=StrictUndefined), autoescape=True)
    return tpl


def save(tpl: DocxTemplate) -> bytes:
    """The rendered document as bytes."""
    buffer = io.BytesIO()
    tpl.save(buffer)
    return buffer.getvalue()


def header_context(doc: Any) -> dict[str, Any]:
    """Tags shared by every document's header block and signature (report and công văn alike)."""
    day, month = day_month(doc.date)
    return {
        "issuer_parent": doc.issuer_parent.strip(),
        "issuer_lines": issuer_lines(doc.issuer),
        "number": document_number(doc.number),
        "symbol": doc.symbol,
        "place": doc.place,
        "day": day,
        "month": month,
        "year": doc.date.year,
        "signer_lines": signer_lines(doc.signer_authority, doc.signer_title),
        "signer_name": doc.signer_name,
    }


def report_context(report: ProvincialReport) -> dict[str, Any]:
    """Everything the report template's tags read, already in the words and formats it prints."""
    return {
        **header_context(report),
        "title": report.title,
        "subject": report.subject,
        "basis": report.basis,
        "situation": report.situation,
        "results_summary": report.results_summary,
        "agency_sections": [
            {"heading": s.heading, "paragraphs": s.paragraphs,
             "tasks": [{"text": text.strip().rstrip(".;:"), "status": status.strip().rstrip(".")}
                       for text, status in s.tasks]}
            for s in report.agency_sections
        ],
        "assessment": report.assessment,
        "direction": report.direction,
        "recommendations": report.recommendations,
        "recipient_items": recipient_items(report.recipients),
        "reference": (f"Báo cáo số {document_number(report.number)}/{report.symbol} "
                      f"ngày {short_date(report.date)}"),
        "tables": [{"title": t.title, "marker": MARKER.format(i)} for i, t in enumerate(report.tables)],
    }


def keep_last_paragraph_with_signature(doc: Document) -> None:
    """Keep the last body paragraph on the signature's page: a signature never stands alone on a page."""
    signature = next((t for t in doc.tables if "Nơi nhận" in t._tbl.xpath("string(.)")), None)
    if signature is None:
        return
    previous = signature._tbl.getprevious()
    while previous is not None and previous.tag == qn("w:p"):
        Paragraph(previous, signature._parent).paragraph_format.keep_with_next = True
        if "".join(previous.itertext()).strip():
            return
        previous = previous.getprevious()


# --- statistics tables --------------------------------------------------------------------------------------


def insert_tables(doc: Document, tables: list[TableSpec]) -> None:
    """Put each table just before its marker paragraph and empty the marker (it spaces the tables apart)."""
    markers = {p.text.strip(): p for p in doc.paragraphs if p.text.strip().startswith("[[chidao:bieu:")}
    for i, spec in enumerate(tables):
        table = build_table(doc, spec)
        marker = markers.get(MARKER.format(i))
        if marker is None:  # the template lost its markers: append rather than drop the figures
            marker = doc.add_paragraph()
        marker._p.addprevious(table._tbl)
        for run in marker.runs:
            run._r.getparent().remove(run._r)


def build_table(doc: Document, spec: TableSpec) -> Table:
    """A bordered Word table: merged bold header rows that repeat on each page, then the data rows."""
    depth = len(spec.header_rows)
    widths = column_widths(spec)
    scale = TEXT_WIDTH_MM / sum(widths)
    table = fixed_table(doc, [w * scale for w in widths], rows=depth + len(spec.rows), borders=True)
    for placed in layout_header(spec.header_rows):
        cell = table.cell(placed.row, placed.col)
        if placed.merged:
            cell = cell.merge(table.cell(placed.row + placed.rowspan - 1, placed.col + placed.colspan - 1))
        write_cell(cell, placed.text, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER)
        cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    for tr in table._tbl.tr_lst[:depth]:
        repeat_as_header(tr)
    centred, label = centred_columns(spec), label_column(spec)
    for tr, row in zip(table._tbl.tr_lst[depth:], spec.rows, strict=True):
        for column, (tc, value) in enumerate(zip(tr.tc_lst, row.cells, strict=True)):
            align = cell_alignment(value, column in centred)
            paragraph = write_cell(_Cell(tc, table), format_number(value, spec.format_for(column)),
                                   bold=row.bold, align=align)
            if column == label and row.level:
                paragraph.paragraph_format.left_indent = Mm(LEVEL_INDENT_MM * row.level)
    return table


def cell_alignment(value, centred: bool) -> WD_ALIGN_PARAGRAPH:
    """Numbers right (digits line up), short codes centred, text left."""
    if is_number(value):
        return WD_ALIGN_PARAGRAPH.RIGHT
    return WD_ALIGN_PARAGRAPH.CENTER if centred else WD_ALIGN_PARAGRAPH.LEFT


def write_cell(cell: _Cell, text: str, *, bold: bool, align: WD_ALIGN_PARAGRAPH) -> Paragraph:
    """Write one cell's text in the table font (12 pt) without the body's first-line indent."""
    paragraph = cell.paragraphs[0]
    for run in paragraph.runs:
        run._r.getparent().remove(run._r)
    paragraph.alignment = align
    run = paragraph.add_run(text)
    run.bold = bold or None
    run.font.size = Pt(TABLE_FONT_PT)
    return paragraph


def repeat_as_header(tr) -> None:
    """Mark a header row to repeat at the top of each page and never split across pages."""
    tr_pr = tr.get_or_add_trPr()
    for tag in ("w:cantSplit", "w:tblHeader"):
        if tr_pr.find(qn(tag)) is None:
            tr_pr.append(OxmlElement(tag))
