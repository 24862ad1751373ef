"""Cell formats of the template: official fonts, yellow input cells, grey cells that take no value."""
from dataclasses import dataclass

from xlsxwriter.format import Format
from xlsxwriter.workbook import Workbook

FONT = "Times New Roman"   # LibreOffice substitutes Liberation Serif (same metrics) where it is missing
INPUT_FILL = "#FFF2CC"
HEADER_FILL = "#DDEBF7"
GROUP_FILL = "#F2F2F2"
NOT_ASKED_FILL = "#BFBFBF"


@dataclass(frozen=True)
class Styles:
    """The formats one workbook uses (XlsxWriter formats belong to one workbook)."""

    title: Format
    subtitle: Format
    note: Format
    header: Format
    group: Format
    number: Format
    text: Format
    unit: Format
    whole: Format
    decimal: Format
    not_asked: Format
    narrative_label: Format
    narrative: Format
    meta: Format


def make_styles(workbook: Workbook) -> Styles:
    """Create every format once."""
    def fmt(**props: object) -> Format:
        return workbook.add_format({"font_name": FONT, "font_size": 12, "valign": "vcenter", **props})

    boxed = {"border": 1, "text_wrap": True}
    return Styles(
        title=fmt(bold=True, font_size=14, align="center", text_wrap=True),
        subtitle=fmt(align="center"),
        note=fmt(italic=True, font_size=11, align="center", text_wrap=True),
        header=fmt(bold=True, align="center", bg_color=HEADER_FILL, **boxed),
        group=fmt(bold=True, bg_color=GROUP_FILL, **boxed),
        number=fmt(align="center", **boxed),
        text=fmt(**boxed),
        unit=fmt(align="center", **boxed),
        whole=fmt(border=1, locked=False, bg_color=INPUT_FILL, num_format="#,##0"),
        decimal=fmt(border=1, locked=False, bg_color=INPUT_FILL, num_format="#,##0.00"),
        not_asked=fmt(border=1, bg_color=NOT_ASKED_FILL),
        narrative_label=fmt(bold=True, valign="top", **boxed),
        narrative=fmt(valign="top", locked=False, bg_color=INPUT_FILL, num_format="@", **boxed),
        meta=fmt(),
    )
