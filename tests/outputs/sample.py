"""A realistic consolidated report and chase letter for Lai Châu, 6 tháng đầu năm 2013 (figures invented)."""
import datetime
from decimal import Decimal

from chidao.consolidation.outputs.content import (
    AgencySection,
    ChaseLetter,
    HeaderCell,
    ProvincialReport,
    TableRow,
    TableSpec,
)

COMPARISON_HEADER = [
    [HeaderCell("TT", rowspan=2), HeaderCell("Chỉ tiêu", rowspan=2), HeaderCell("Đơn vị tính", rowspan=2),
     HeaderCell("6 tháng đầu năm 2013", colspan=3)],
    [HeaderCell("Số liệu"), HeaderCell("Cùng kỳ năm trước"), HeaderCell("Tăng/giảm (%)")],
]
PERCENT_FORMATS = [None, None, None, "#,##0", "#,##0", "#,##0.0"]


def establishments_table() -> TableSpec:
    return TableSpec(
        title="Biểu 1. Cơ sở kinh doanh dịch vụ dễ bị lợi dụng hoạt động mại dâm",
        header_rows=COMPARISON_HEADER,
        rows=[
            TableRow(["1", "Tổng số cơ sở", "Cơ sở", 1_234_567, 1_100_000, Decimal("12.2")], bold=True),
            TableRow(["", "Khách sạn, nhà nghỉ", "Cơ sở", 412, 389, Decimal("5.9")], level=1),
            TableRow(["", "Karaoke, vũ trường", "Cơ sở", 97, 104, Decimal("-6.7")], level=1),
            TableRow(["", "Xoa bóp, tắm hơi", "Cơ sở", 23, 19, Decimal("21.1")], level=1),
            TableRow(["2", "Số cơ sở được kiểm tra", "Lượt", 186, 152, Decimal("22.4")]),
            TableRow(["3", "Số cơ sở vi phạm bị xử lý", "Cơ sở", 14, 21, Decimal("-33.3")]),
        ],
        column_formats=PERCENT_FORMATS,
    )


def cases_table() -> TableSpec:
    return TableSpec(
        title="Biểu 2. Kết quả đấu tranh, xử lý vi phạm",
        header_rows=[
            [HeaderCell("TT", rowspan=2), HeaderCell("Chỉ tiêu", rowspan=2),
             HeaderCell("Số vụ", colspan=2), HeaderCell("Số đối tượng", colspan=2)],
            [HeaderCell("Kỳ này"), HeaderCell("Cùng kỳ"), HeaderCell("Kỳ này"), HeaderCell("Cùng kỳ")],
        ],
        rows=[
            TableRow(["1", "Chứa mại dâm", 3, 2, 7, 4]),
            TableRow(["2", "Môi giới mại dâm", 2, 1, 3, 1]),
            TableRow(["3", "Mua bán người", 5, 6, 9, 11]),
            TableRow(["", "Cộng", 10, 9, 19, 16], bold=True),
        ],
    )


def budget_table() -> TableSpec:
    return TableSpec(
        title="Biểu 3. Kinh phí và tuyên truyền",
        header_rows=[
            [HeaderCell("TT", rowspan=2), HeaderCell("Nội dung", rowspan=2),
             HeaderCell("Kinh phí (nghìn đồng)", colspan=2), HeaderCell("Tỷ lệ thực hiện", rowspan=2)],
            [HeaderCell("Dự toán"), HeaderCell("Thực hiện")],
        ],
        rows=[
            TableRow(["1", "Tuyên truyền, giáo dục", 350_000, Decimal("287500.5"), Decimal("0.8214")]),
            TableRow(["2", "Hỗ trợ người bán dâm hoàn lương", 120_000, 45_000, Decimal("0.375")]),
            TableRow(["3", "Hoạt động của Đội 178", 80_000, None, None]),
        ],
        column_formats=[None, None, "#,##0", "#,##0.0", "0.0%"],
        column_widths=[6, 40, 16, 16, 14],
    )


AGENCIES = [
    ("1. Công an tỉnh", "Tăng cường nắm tình hình, triệt phá 03 ổ nhóm chứa mại dâm tại thành phố Lai Châu."),
    ("2. Sở Văn hóa, Thể thao và Du lịch", "Kiểm tra 46 lượt cơ sở kinh doanh karaoke, nhà hàng, khách sạn."),
    ("3. Sở Y tế", "Tư vấn, xét nghiệm HIV tự nguyện cho 1.245 lượt người; lồng ghép phòng, chống HIV/AIDS."),
    ("4. Sở Thông tin và Truyền thông", "Chỉ đạo Báo Lai Châu, Đài PT-TH tỉnh đăng 32 tin, bài."),
    ("5. Hội Liên hiệp Phụ nữ tỉnh", "Tổ chức 18 buổi nói chuyện cho 2.130 lượt hội viên & người dân."),
    ("6. UBND huyện Than Uyên", "Kiện toàn Đội kiểm tra liên ngành 178, kiểm tra 21 lượt cơ sở <nhà nghỉ>."),
]


def make_report(date=datetime.date(2013, 7, 20)) -> ProvincialReport:
    return ProvincialReport(
        issuer_parent="",
        issuer="ỦY BAN NHÂN DÂN TỈNH LAI CHÂU",
        number="",
        symbol="BC-UBND",
        place="Lai Châu",
        date=date,
        title="BÁO CÁO",
        subject="Kết quả công tác phòng, chống tệ nạn mại dâm 6 tháng đầu năm 2013",
        basis=["Thực hiện Công văn số 879/UBND-VX ngày 16/7/2013 của UBND tỉnh Lai Châu về việc tăng cường "
               "công tác phòng, chống tệ nạn mại dâm, Ủy ban nhân dân tỉnh báo cáo kết quả 6 tháng đầu "
               "năm 2013 như sau:"],
        situation=["Tình hình tệ nạn mại dâm trên địa bàn tỉnh cơ bản được kiềm chế, không phát sinh tụ điểm "
                   "phức tạp; tuy nhiên hoạt động mại dâm trá hình tại một số cơ sở karaoke, nhà nghỉ còn "
                   "diễn biến khó lường."],
        agency_sections=[
            AgencySection(heading, [text, "Các nhiệm vụ được giao cơ bản hoàn thành theo kế hoạch."],
                          [("Xây dựng kế hoạch thực hiện Công văn 879/UBND-VX", "Hoàn thành đúng hạn"),
                           ("Báo cáo kết quả 6 tháng", "Hoàn thành quá hạn")])
            for heading, text in AGENCIES
        ],
        results_summary=["Toàn tỉnh kiểm tra 186 lượt cơ sở (tăng 22,4% so với cùng kỳ), phát hiện, xử lý "
                         "14 cơ sở vi phạm (giảm 33,3%), xử phạt hành chính 127.500.000 đồng."],
        assessment=["Ưu điểm: công tác phối hợp giữa các ngành được tăng cường.",
                    "Tồn tại, hạn chế: việc quản lý cơ sở kinh doanh dịch vụ ở vùng sâu còn khó khăn.",
                    "Nguyên nhân: lực lượng mỏng, kinh phí hạn chế."],
        direction=["Tiếp tục tuyên truyền, kiểm tra các cơ sở kinh doanh dịch vụ dễ bị lợi dụng."],
        recommendations=["Đề nghị Bộ Lao động - Thương binh và Xã hội hỗ trợ kinh phí tập huấn cho "
                         "Đội 178./."],
        tables=[establishments_table(), cases_table(), budget_table()],
        recipients=["Bộ Lao động - TB&XH (để b/c)", "TT. Tỉnh ủy, TT. HĐND tỉnh (để b/c)",
                    "Chủ tịch, các PCT UBND tỉnh", "Các sở, ban, ngành, đoàn thể tỉnh", "Lưu: VT, VX"],
        signer_authority="TM. ỦY BAN NHÂN DÂN",
        signer_title="KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH",
        signer_name="Lê Trọng Quảng",
    )


def make_letter() -> ChaseLetter:
    return ChaseLetter(
        issuer_parent="UBND TỈNH LAI CHÂU",
        issuer="SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI",
        number="412",
        symbol="SLĐTBXH-PCTNXH",
        place="Lai Châu",
        date=datetime.date(2013, 7, 5),
        subject="V/v đôn đốc nộp báo cáo kết quả công tác phòng, chống tệ nạn mại dâm 6 tháng đầu năm 2013",
        recipients=["Sở Y tế", "Hội Liên hiệp Phụ nữ tỉnh", "UBND huyện Sìn Hồ"],
        period_label="kết quả công tác phòng, chống tệ nạn mại dâm 6 tháng đầu năm 2013",
        due_date=datetime.date(2013, 6, 25),
        late_agencies=[("Sở Y tế", "chưa nộp"), ("Hội Liên hiệp Phụ nữ tỉnh", "nộp muộn 9 ngày"),
                       ("UBND huyện Sìn Hồ", "chưa nộp")],
        new_deadline=datetime.date(2013, 7, 10),
        contact="Phòng Phòng, chống tệ nạn xã hội, điện thoại 0231.3876.543",
        signer_authority="KT. GIÁM ĐỐC",
        signer_title="PHÓ GIÁM ĐỐC",
        signer_name="Nguyễn Văn Bình",
    )
