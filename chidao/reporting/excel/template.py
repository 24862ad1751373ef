"""build_template: the downloadable .xlsx for one form, agency and period, written in memory (XlsxWriter)."""
import re
from decimal import Decimal
from io import BytesIO

from xlsxwriter.workbook import Workbook
from xlsxwriter.worksheet import Worksheet

from .errors import number_vi
from .layout import (
    FIXED_COLUMNS,
    HEADER_ROW,
    META_ROWS,
    NARRATIVE_FIRST_ROW,
    SHEET_META,
    SHEET_NARRATIVES,
    SHEET_VALUES,
    GroupLine,
)
from .names import META_NAMES, narrative_name, quote_sheet, value_name
from .spec import FormSpec, IndicatorRow
from .styles import Styles, make_styles

__all__ = ["build_template"]

Values = dict[tuple[str, str], Decimal | int | None]

WHOLE_PROMPT = ("Nhập một số nguyên không âm (0, 1, 2 …), chỉ gồm chữ số; hàng nghìn có thể viết 1.234. "
                "Để trống nếu không có số liệu.")
DECIMAL_PROMPT = ("Nhập một số không âm; phần thập phân viết sau dấu phẩy (1,5). "
                  "Để trống nếu không có số liệu.")
PROTECTION = {"format_columns": True, "format_rows": True, "select_locked_cells": True,
              "select_unlocked_cells": True}


def build_template(spec: FormSpec, values: Values | None = None,
                   narratives: dict[str, str] | None = None) -> bytes:
    """The template as .xlsx bytes, pre-filled with `values` and `narratives` where given."""
    values = dict(values or {})
    narratives = dict(narratives or {})
    _refuse_unknown(spec, values, narratives)
    out = BytesIO()
    workbook = Workbook(out, {"in_memory": True})
    workbook.set_properties({"title": f"{spec.form_code} – {spec.form_name}",
                             "subject": f"{spec.agency_name} – {spec.period_label}",
                             "comments": f"Mẫu {spec.form_code}, phiên bản {spec.version}"})
    styles = make_styles(workbook)
    _values_sheet(workbook, workbook.add_worksheet(SHEET_VALUES), spec, styles, values)
    _narratives_sheet(workbook, workbook.add_worksheet(SHEET_NARRATIVES), spec, styles, narratives)
    _meta_sheet(workbook, workbook.add_worksheet(SHEET_META), spec, styles)
    workbook.close()
    return out.getvalue()


def _refuse_unknown(spec: FormSpec, values: Values, narratives: dict[str, str]) -> None:
    """A value the form has no cell for, or a narrative too long for its cell, is a caller's bug: say so."""
    unknown = set(values) - set(spec.layout.cells)
    if unknown:
        raise ValueError(f"the form has no cell for {sorted(unknown)}")
    limits = {n.code: n.max_chars for n in spec.narratives}
    for code, text in narratives.items():
        if code not in limits:
            raise ValueError(f"the form has no narrative {code!r}")
        if len(text) > limits[code]:
            raise ValueError(f"narrative {code!r} has {len(text)} characters; its cell takes {limits[code]}")
    for key, value in values.items():
        if value is not None and (isinstance(value, bool) or not isinstance(value, int | Decimal)):
            raise TypeError(f"value for {key} must be int, Decimal or None, not {type(value).__name__}")


def _absolute(cell: str) -> str:
    """'D7' -> '$D$7'."""
    m = re.fullmatch(r"([A-Z]+)([0-9]+)", cell)
    assert m is not None, cell
    return f"${m[1]}${m[2]}"


def _name(workbook: Workbook, name: str, sheet: str, cell: str) -> None:
    workbook.define_name(name, f"={quote_sheet(sheet)}!{_absolute(cell)}")


def _values_sheet(workbook: Workbook, ws: Worksheet, spec: FormSpec, styles: Styles, values: Values) -> None:
    """Titles, header, group headings and one row per indicator; only the yellow cells are editable."""
    layout = spec.layout
    last = layout.last_column
    ws.merge_range(0, 0, 0, last, spec.form_name.upper(), styles.title)
    ws.merge_range(1, 0, 1, last, f"Đơn vị báo cáo: {spec.agency_name}", styles.subtitle)
    ws.merge_range(2, 0, 2, last, f"Kỳ báo cáo: {spec.period_label}", styles.subtitle)
    ws.merge_range(3, 0, 3, last, f"Mẫu {spec.form_code}, phiên bản {spec.version}. Nhập số liệu vào các ô "
                   "nền vàng; để trống ô không có số liệu; ô xám không cần nhập.", styles.note)
    ws.set_row(0, 36)
    ws.set_row(3, 32)
    header = ["STT", "Chỉ tiêu", "Đơn vị tính", *(column.label for column in layout.columns)]
    ws.write_row(HEADER_ROW - 1, 0, header, styles.header)
    ws.set_row(HEADER_ROW - 1, 48)
    ws.set_column(0, 0, 6)
    ws.set_column(1, 1, 52)
    ws.set_column(2, 2, 11)
    ws.set_column(FIXED_COLUMNS, last, 15)
    whole_cells: list[tuple[int, int]] = []
    decimal_cells: list[tuple[int, int]] = []
    for line in layout.lines:
        r = line.row - 1
        if isinstance(line, GroupLine):
            ws.merge_range(r, 0, r, last, line.text, styles.group)
            continue
        _indicator_row(ws, r, line.number, line.indicator, spec, styles, values,
                       whole_cells if line.indicator.whole else decimal_cells)
        for column in line.indicator.columns:
            _name(workbook, value_name(line.indicator.code, column.code), SHEET_VALUES,
                  layout.cells[line.indicator.code, column.code])
    _validate(ws, whole_cells, {"validate": "integer", "criteria": ">=", "value": 0,
                                "input_title": "Số nguyên không âm", "input_message": WHOLE_PROMPT,
                                "error_title": "Không phải số nguyên không âm",
                                "error_message": "Ô này chỉ nhận số nguyên không âm (0, 1, 2 …)."})
    _validate(ws, decimal_cells, {"validate": "decimal", "criteria": ">=", "value": 0,
                                  "input_title": "Số không âm", "input_message": DECIMAL_PROMPT,
                                  "error_title": "Không phải số không âm",
                                  "error_message": "Ô này chỉ nhận số không âm."})
    ws.freeze_panes(HEADER_ROW, FIXED_COLUMNS)
    _print_setup(ws, HEADER_ROW - 1)
    ws.protect("", PROTECTION)
    ws.activate()


def _indicator_row(ws: Worksheet, r: int, number: int, indicator: IndicatorRow, spec: FormSpec,
                   styles: Styles, values: Values, cells: list[tuple[int, int]]) -> None:
    """STT, label, unit, then an input cell per asked column and a grey cell per column not asked."""
    ws.write_number(r, 0, number, styles.number)
    ws.write_string(r, 1, indicator.label, styles.text)
    ws.write_string(r, 2, indicator.unit, styles.unit)
    asked = {column.code for column in indicator.columns}
    fmt = styles.whole if indicator.whole else styles.decimal
    for c, column in enumerate(spec.layout.columns, start=FIXED_COLUMNS):
        if column.code not in asked:
            ws.write_blank(r, c, None, styles.not_asked)
            continue
        value = values.get((indicator.code, column.code))
        if value is None:
            ws.write_blank(r, c, None, fmt)
        else:
            ws.write_number(r, c, int(value) if value == int(value) else float(value), fmt)
        cells.append((r, c))


def _validate(ws: Worksheet, cells: list[tuple[int, int]], options: dict[str, object]) -> None:
    """One data-validation rule (with its input message) over all the given cells."""
    if not cells:
        return
    (r, c), *others = cells
    others_as_ranges = [[r2, c2, r2, c2] for r2, c2 in others]
    ws.data_validation(r, c, r, c, {**options, "other_cells": others_as_ranges} if others else options)


def _print_setup(ws: Worksheet, repeat_row: int) -> None:
    """A4 landscape, one page wide, header repeated, page numbers."""
    ws.set_paper(9)
    ws.set_landscape()
    ws.fit_to_pages(1, 0)
    ws.set_margins(left=0.6, right=0.4, top=0.6, bottom=0.6)
    ws.center_horizontally()
    ws.repeat_rows(repeat_row)
    ws.set_footer("&CTrang &P/&N")


def _narratives_sheet(workbook: Workbook, ws: Worksheet, spec: FormSpec, styles: Styles,
                      narratives: dict[str, str]) -> None:
    """One row per narrative: its label, then a large wrapped text cell."""
    ws.merge_range(0, 0, 0, 1, "THUYẾT MINH BÁO CÁO", styles.title)
    ws.merge_range(1, 0, 1, 1, "Viết vào các ô nền vàng. Xuống dòng trong ô: Alt+Enter (Excel), "
                   "Ctrl+Enter (LibreOffice).", styles.note)
    ws.write_row(NARRATIVE_FIRST_ROW - 2, 0, ["Nội dung", "Thuyết minh"], styles.header)
    ws.set_column(0, 0, 30)
    ws.set_column(1, 1, 110)
    for i, field in enumerate(spec.narratives):
        r = NARRATIVE_FIRST_ROW - 1 + i
        ws.write_string(r, 0, field.label, styles.narrative_label)
        text = narratives.get(field.code, "")
        if text:
            ws.write_string(r, 1, text, styles.narrative)
        else:
            ws.write_blank(r, 1, None, styles.narrative)
        ws.set_row(r, 160)
        ws.data_validation(r, 1, r, 1, {
            "validate": "length", "criteria": "<=", "value": field.max_chars,
            "input_title": field.label[:32],
            "input_message": f"Tối đa {number_vi(field.max_chars)} ký tự.",
            "error_title": "Quá dài",
            "error_message": f"Tối đa {number_vi(field.max_chars)} ký tự; hãy rút gọn."})
        _name(workbook, narrative_name(field.code), SHEET_NARRATIVES, spec.layout.narrative_cells[field.code])
    _print_setup(ws, NARRATIVE_FIRST_ROW - 2)
    ws.fit_to_pages(1, 0)
    ws.protect("", PROTECTION)


def _meta_sheet(workbook: Workbook, ws: Worksheet, spec: FormSpec, styles: Styles) -> None:
    """Hidden: what the file is (form, version, agency, period), so stale or foreign uploads are spotted."""
    content: dict[str, str | int] = {"form": spec.form_code, "version": spec.version,
                                     "agency": spec.agency_code, "period": spec.period_code}
    for r, key in enumerate(META_ROWS):
        ws.write_string(r, 0, key, styles.meta)
        value = content[key]
        if isinstance(value, int):
            ws.write_number(r, 1, value, styles.meta)
        else:
            ws.write_string(r, 1, value, styles.meta)
        _name(workbook, META_NAMES[key], SHEET_META, f"B{r + 1}")
    ws.hide()
    ws.protect("", PROTECTION)
