"""A realistic PCMD form spec, and the edits a user makes to a downloaded template (openpyxl, as Excel)."""
from collections.abc import Mapping
from io import BytesIO

from openpyxl import load_workbook
from openpyxl.utils.cell import coordinate_to_tuple, get_column_letter

from chidao.reporting.excel.names import parse_reference, quote_sheet
from chidao.reporting.excel.spec import Column, FormSpec, IndicatorRow, NarrativeField

TOTAL = Column("total", "Tổng số")
ESTABLISHMENT_TYPES = (Column("luu_tru", "Cơ sở lưu trú"), Column("karaoke", "Karaoke"),
                       Column("massage", "Xoa bóp, massage"), Column("vu_truong_bar", "Vũ trường, quán bar"),
                       Column("khac", "Loại khác"))
SUPPORT_TYPES = (Column("y_te", "Y tế"), Column("phap_ly", "Pháp lý"), Column("day_nghe", "Dạy nghề"),
                 Column("vay_von", "Vay vốn"), Column("viec_lam", "Việc làm"))
BY_TYPE = (TOTAL, *ESTABLISHMENT_TYPES)
ONLY_TOTAL = (TOTAL,)

G1 = "I. Cơ sở kinh doanh dịch vụ dễ bị lợi dụng"
G2 = "II. Kiểm tra, xử lý vi phạm"
G3 = "III. Đấu tranh, triệt xóa"
G4 = "IV. Tuyên truyền"
G5 = "V. Hỗ trợ người bán dâm"

ROWS = (
    IndicatorRow("CS_KD", "Số cơ sở kinh doanh dịch vụ dễ bị lợi dụng hoạt động mại dâm", "cơ sở", BY_TYPE,
                 group=G1),
    IndicatorRow("CS_NV", "Số nhân viên làm việc tại các cơ sở", "người", ONLY_TOTAL, group=G1),
    IndicatorRow("KT_LUOT", "Số lượt kiểm tra", "lượt", ONLY_TOTAL, group=G2),
    IndicatorRow("KT_CS", "Số cơ sở được kiểm tra", "cơ sở", BY_TYPE, group=G2),
    IndicatorRow("VP_SO", "Số cơ sở vi phạm", "cơ sở", BY_TYPE, group=G2),
    IndicatorRow("PHAT_TIEN", "Số tiền xử phạt vi phạm hành chính", "đồng", ONLY_TOTAL, group=G2),
    IndicatorRow("DINH_CHI", "Số cơ sở bị đình chỉ, tước giấy phép", "cơ sở", ONLY_TOTAL, group=G2),
    IndicatorRow("VU_AN", "Số vụ mua bán dâm phát hiện", "vụ", ONLY_TOTAL, group=G3),
    IndicatorRow("DOI_TUONG", "Số đối tượng bị xử lý", "người", ONLY_TOTAL, group=G3),
    IndicatorRow("TU_DIEM", "Số tụ điểm bị triệt xóa", "tụ điểm", ONLY_TOTAL, group=G3),
    IndicatorRow("TT_BUOI", "Số buổi tuyên truyền", "buổi", ONLY_TOTAL, group=G4),
    IndicatorRow("TT_NGUOI", "Số lượt người được tuyên truyền", "lượt người", ONLY_TOTAL, group=G4),
    IndicatorRow("TT_XA", "Số xã tổ chức ít nhất một hình thức tuyên truyền", "xã", ONLY_TOTAL, group=G4),
    IndicatorRow("XA_TONG", "Tổng số xã trên địa bàn", "xã", ONLY_TOTAL, group=G4),
    IndicatorRow("HT_NGUOI", "Số lượt người bán dâm được hỗ trợ", "lượt người", (TOTAL, *SUPPORT_TYPES),
                 group=G5),
    IndicatorRow("HT_KINH_PHI", "Kinh phí hỗ trợ", "triệu đồng", ONLY_TOTAL, whole=False, group=G5),
)

NARRATIVES = (
    NarrativeField("tinh_hinh", "Tình hình tệ nạn mại dâm trên địa bàn"),
    NarrativeField("ket_qua", "Kết quả thực hiện công tác phòng, chống mại dâm"),
    NarrativeField("ton_tai", "Tồn tại, hạn chế và nguyên nhân"),
    NarrativeField("phuong_huong", "Phương hướng, nhiệm vụ kỳ tới"),
    NarrativeField("kien_nghi", "Kiến nghị, đề xuất"),
    NarrativeField("task_12", "Nhiệm vụ: kiểm tra liên ngành các cơ sở kinh doanh dịch vụ (KH 3742/KH-UBND)",
                   max_chars=4000),
    NarrativeField("task_15", "Nhiệm vụ: tập huấn cho cán bộ làm công tác phòng, chống mại dâm cấp xã",
                   max_chars=4000),
)


def sample_spec(version: int = 2, agency_code: str = "so-ldtbxh", period_code: str = "2013-H1",
                form_code: str = "PCMD-DK") -> FormSpec:
    """Sở LĐTBXH Lai Châu's half-year report, 16 indicators (3 by establishment type, 1 by support type)."""
    return FormSpec(form_code=form_code, form_name="Báo cáo kết quả công tác phòng, chống mại dâm",
                    version=version, agency_code=agency_code,
                    agency_name="Sở Lao động - Thương binh và Xã hội tỉnh Lai Châu",
                    period_code=period_code, period_label="6 tháng đầu năm 2013", rows=ROWS,
                    narratives=NARRATIVES)


def filled_values(spec: FormSpec) -> dict[tuple[str, str], int | None]:
    """Plausible numbers for every cell, with a few left empty; the decimal row gets a fraction."""
    values: dict[tuple[str, str], int | None] = {}
    for i, key in enumerate(spec.value_keys()):
        values[key] = None if i % 7 == 3 else 10 * i + 3
    values["PHAT_TIEN", "total"] = 157_500_000
    return values


FILLED_NARRATIVES = {
    "tinh_hinh": "Tình hình tệ nạn mại dâm cơ bản được kiểm soát.\nXuất hiện hoạt động qua mạng xã hội.",
    "ket_qua": "Tổ chức 12 đợt kiểm tra liên ngành; xử phạt 4 cơ sở.",
    "ton_tai": "",
    "phuong_huong": "Tiếp tục kiểm tra các cơ sở lưu trú, karaoke.",
    "kien_nghi": "Đề nghị bổ sung kinh phí cho Đội kiểm tra liên ngành 178.",
    "task_12": "Đã hoàn thành kiểm tra 35 cơ sở.",
    "task_15": "Tổ chức 2 lớp tập huấn cho 96 cán bộ cấp xã.",
}


def _load(data: bytes):
    return load_workbook(BytesIO(data))


def _save(workbook) -> bytes:
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()


def fill(data: bytes, by_name: Mapping[str, object]) -> bytes:
    """Type values into the cells behind defined names, as a user would; returns the saved workbook."""
    workbook = _load(data)
    for name, value in by_name.items():
        sheet, cell = parse_reference(workbook.defined_names[name].attr_text)
        workbook[sheet][cell] = value
    return _save(workbook)


def fill_cells(data: bytes, by_cell: Mapping[tuple[str, str], object]) -> bytes:
    """Type values at (sheet, "E9") coordinates."""
    workbook = _load(data)
    for (sheet, cell), value in by_cell.items():
        workbook[sheet][cell] = value
    return _save(workbook)


def edit_meta(data: bytes, **meta: object) -> bytes:
    """Change the hidden identity cells (form=, version=, agency=, period=)."""
    return fill(data, {f"meta_{key}": value for key, value in meta.items()})


def drop_names(data: bytes, *names: str) -> bytes:
    """Delete defined names, as a damaged or hand-rebuilt workbook would lack them."""
    workbook = _load(data)
    for name in names:
        del workbook.defined_names[name]
    return _save(workbook)


def point_name(data: bytes, name: str, reference: str) -> bytes:
    """Make a defined name point elsewhere (e.g. "#REF!" after its row was deleted)."""
    workbook = _load(data)
    workbook.defined_names[name].attr_text = reference
    return _save(workbook)


def insert_rows(data: bytes, sheet: str, at_row: int, amount: int = 1) -> bytes:
    """Insert rows the way Excel does: cells below move down, and so do the defined names pointing at them.

    openpyxl's insert_rows moves cells only, so merged ranges and names are moved here, as Excel moves them.
    """
    workbook = _load(data)
    worksheet = workbook[sheet]
    worksheet.insert_rows(at_row, amount)
    for merged in worksheet.merged_cells.ranges:
        if merged.min_row >= at_row:
            merged.shift(row_shift=amount)
    for definition in workbook.defined_names.values():
        target = parse_reference(definition.attr_text)
        if target is None or target[0] != sheet:
            continue
        row, col = coordinate_to_tuple(target[1])
        if row >= at_row:
            definition.attr_text = f"{quote_sheet(sheet)}!${get_column_letter(col)}${row + amount}"
    return _save(workbook)
