"""Word lists of Vietnamese administrative writing used by the reader.

Everything here is lower case, new-style tone placement (hóa, ủy); `with_variants` adds the old-style spelling
(hoá, uỷ) so that raw lower-cased text can be looked up directly. Nothing here names one agency or one document:
the lists hold the nouns that *begin* an agency name ("sở", "ủy ban"), the titles of office-holders, the verbs that
begin a predicate, and the document types of Decree 30/2020 (Điều 7, Phụ lục III) and of legal documents.
"""
import unicodedata

_TONES = "\u0300\u0301\u0303\u0309\u0323"


def _old_style(word: str) -> str:
    """'ủy' -> 'uỷ', 'hóa' -> 'hoá': the tone moved to the 2nd vowel of a word-final oa/oe/uy."""
    out = []
    for syllable in word.split(" "):
        d = unicodedata.normalize("NFD", syllable)
        for a, b in (("o", "a"), ("o", "e"), ("u", "y")):
            for tone in _TONES:
                if d.endswith(a + tone + b) and not d.endswith("q" + a + tone + b):
                    d = d[: -3] + a + b + tone
        out.append(unicodedata.normalize("NFC", d))
    return " ".join(out)


def with_variants(words) -> set:
    result = set()
    for w in words:
        result.add(w)
        result.add(_old_style(w))
    return result


def _keyed(words) -> dict:
    """{first word: set of phrases starting with it}, phrases in both tone styles."""
    table: dict = {}
    for phrase in with_variants(words):
        table.setdefault(phrase.split(" ")[0], set()).add(phrase)
    return table


# --- document types -------------------------------------------------------------------------------------------

# Administrative types (NĐ 30/2020 Điều 7) and legal-document types that are cited, longest first where one is a
# prefix of another.
TYPE_NAMES = [
    "Nghị quyết liên tịch", "Thông tư liên tịch", "Văn bản hợp nhất", "Chương trình hành động", "Thông báo kết luận",
    "Quy chuẩn kỹ thuật quốc gia", "Bản thỏa thuận", "Bản ghi nhớ", "Giấy ủy quyền", "Giấy giới thiệu",
    "Giấy nghỉ phép", "Giấy mời", "Phiếu gửi", "Phiếu chuyển", "Phiếu báo", "Thư công",
    "Nghị quyết", "Quyết định", "Chỉ thị", "Quy chế", "Quy định", "Thông cáo", "Thông báo", "Hướng dẫn",
    "Chương trình", "Kế hoạch", "Phương án", "Đề án", "Dự án", "Báo cáo", "Biên bản", "Tờ trình", "Hợp đồng",
    "Công văn", "Công điện", "Nghị định", "Thông tư", "Bộ luật", "Luật", "Pháp lệnh", "Hiến pháp", "Kết luận",
    "Văn bản", "Lệnh", "Sắc lệnh", "Điều lệ",
]
# Types whose name, in capitals on a line of its own, opens the trích yếu of a typed document.
HEADER_TYPES = [
    "Chương trình hành động", "Nghị quyết", "Quyết định", "Chỉ thị", "Quy chế", "Quy định", "Thông cáo",
    "Thông báo", "Hướng dẫn", "Chương trình", "Kế hoạch", "Phương án", "Đề án", "Dự án", "Báo cáo", "Biên bản",
    "Tờ trình", "Công điện", "Giấy mời", "Giấy giới thiệu", "Công văn", "Thông tư", "Nghị định", "Kết luận",
    "Bản ghi nhớ", "Giấy ủy quyền", "Điều lệ", "Đề cương",
]
# First part of a ký hiệu -> type (Phụ lục III of NĐ 30/2020 and the usual legal abbreviations).
ABBREVIATIONS = {
    "NQ": "Nghị quyết", "QĐ": "Quyết định", "CT": "Chỉ thị", "QC": "Quy chế", "QYĐ": "Quy định",
    "TC": "Thông cáo", "TB": "Thông báo", "HD": "Hướng dẫn", "CTR": "Chương trình", "KH": "Kế hoạch",
    "PA": "Phương án", "ĐA": "Đề án", "DA": "Dự án", "BC": "Báo cáo", "BB": "Biên bản", "TTR": "Tờ trình",
    "HĐ": "Hợp đồng", "CĐ": "Công điện", "BGN": "Bản ghi nhớ", "BTT": "Bản thỏa thuận", "GUQ": "Giấy ủy quyền",
    "GM": "Giấy mời", "GGT": "Giấy giới thiệu", "GNP": "Giấy nghỉ phép", "PG": "Phiếu gửi", "PC": "Phiếu chuyển",
    "PB": "Phiếu báo", "NĐ": "Nghị định", "TT": "Thông tư", "TTLT": "Thông tư liên tịch",
    "NQLT": "Nghị quyết liên tịch", "VBHN": "Văn bản hợp nhất", "KL": "Kết luận", "CV": "Công văn",
    "L": "Luật", "PL": "Pháp lệnh", "SY": "Bản sao y", "TRS": "Bản trích sao", "SL": "Bản sao lục",
}

# --- agencies ---------------------------------------------------------------------------------------------------

# Nouns that begin the name of an organisation. "Ambiguous" ones are also ordinary words (báo cáo, phòng chống,
# trường hợp, tổ chức ...): they count only when the next word is capitalised or names a level of government.
ORG_HEADS = _keyed([
    "công an", "ủy ban", "ubnd", "ub", "ubmttq", "mttq", "ủy ban nhân dân", "hđnd", "hội đồng", "hội đồng nhân dân",
    "văn phòng", "chi cục", "tổng cục", "trung tâm", "bệnh viện", "kho bạc", "ngân hàng", "tổng công ty", "công ty",
    "tập đoàn", "hợp tác xã", "liên hiệp", "liên đoàn", "liên minh", "hiệp hội", "bảo hiểm xã hội", "bhxh",
    "ban quản lý", "bql", "bộ chỉ huy", "bộ tư lệnh", "học viện", "đại học", "vườn quốc gia", "viện kiểm sát",
    "tòa án", "cảng vụ", "bưu điện", "chi nhánh", "đảng ủy", "đảng đoàn", "ban cán sự", "tỉnh ủy", "thành ủy",
    "huyện ủy", "mặt trận", "kiểm lâm", "hạt kiểm lâm", "cục thuế", "chi cục thuế", "hải quan", "cục hải quan",
    "thường trực", "đài phát thanh", "doanh nghiệp", "cơ quan", "đơn vị", "cơ sở", "chủ đầu tư", "chủ dự án",
    "chủ các", "chủ cơ sở", "chủ rừng", "chủ công trình", "sở", "bộ", "cục", "ban", "vụ", "viện", "đài", "báo",
    "đoàn", "hội", "phòng", "trường", "trạm", "đội", "tổ", "thuế", "thanh tra", "nhà trường", "địa phương",
    "tạp chí", "học viện", "nhà xuất bản",
])
AMBIGUOUS_HEADS = with_variants([
    "sở", "bộ", "cục", "ban", "vụ", "viện", "đài", "báo", "đoàn", "hội", "phòng", "trường", "trạm", "đội",
    "tổ", "thuế", "thanh tra", "thường trực", "hội đồng", "mặt trận", "chi nhánh", "kiểm lâm", "hải quan",
    "liên minh", "liên hiệp", "ub", "tạp chí",
])
# Nouns naming an agency only when something follows ("Công ty" alone, "Doanh nghiệp" alone are not enough as the
# subject of a sentence; "Doanh nghiệp cho thuê lại lao động" or "Quý doanh nghiệp" are).
GENERIC_HEADS = with_variants([
    "doanh nghiệp", "cơ quan", "đơn vị", "cơ sở", "địa phương", "công ty", "nhà trường",
])
# Office-holders.
TITLE_HEADS = _keyed([
    "chủ tịch", "phó chủ tịch", "giám đốc", "phó giám đốc", "tổng giám đốc", "phó tổng giám đốc", "chánh văn phòng",
    "phó chánh văn phòng", "chánh thanh tra", "chánh án", "thủ trưởng", "người đứng đầu", "trưởng ban",
    "phó trưởng ban", "trưởng phòng", "phó trưởng phòng", "trưởng công an", "bộ trưởng", "thứ trưởng", "đồng chí",
    "đ/c", "lãnh đạo", "cục trưởng", "phó cục trưởng", "chi cục trưởng", "tổng cục trưởng", "hiệu trưởng",
    "vụ trưởng", "viện trưởng", "chủ nhiệm", "bí thư", "trưởng", "giám đốc sở",
])
# After "các" / "những": plural group nouns, in lower case.
PLURAL_NOUNS = _keyed([
    "sở", "ban", "ngành", "bộ", "cơ quan", "đơn vị", "địa phương", "tổ chức", "doanh nghiệp", "cơ sở", "hội",
    "đoàn thể", "trường", "nhà trường", "công ty", "xã", "phường", "huyện", "quận", "tỉnh", "thành phố",
    "thị xã", "phòng", "chi cục", "trung tâm", "bệnh viện", "viện", "chủ đầu tư", "tập đoàn", "tổng công ty",
    "hợp tác xã", "cơ quan báo chí", "bộ phận", "đội", "lực lượng", "thành viên", "cấp ủy", "ủy ban", "chi nhánh",
    "hội đồng", "ngân hàng", "tổ chức tín dụng", "cá nhân", "chủ dự án", "chủ rừng", "chủ cơ sở", "cơ sở y tế",
    "cơ sở giáo dục", "đơn vị sự nghiệp", "ban quản lý", "bql", "trạm", "hạt", "nhà máy", "khu", "cụm",
])
# Words naming a level of government; after an ambiguous head they make it an agency ("Thanh tra tỉnh").
LOCALITY_WORDS = with_variants([
    "tỉnh", "thành", "thành phố", "tp", "huyện", "quận", "thị xã", "xã", "phường", "thị trấn", "trung ương",
    "cấp", "các", "việt nam", "chính phủ", "quốc gia", "đặc khu",
])
# Heads after which a name must follow before "và" may split two agencies ("Văn phòng Đoàn Đại biểu Quốc hội và
# Hội đồng nhân dân Thành phố" is one office).
SHARED_HEADS = with_variants(["văn phòng", "ban", "đoàn", "hội đồng", "ủy ban", "thường trực"])
# Right-hand sides of "và" that depend on the left-hand agency ("Ủy ban MTTQ tỉnh và các tổ chức thành viên").
DEPENDENT_MARKERS = with_variants(["thành viên", "trực thuộc", "chính trị", "đoàn thể"])

# --- verbs ------------------------------------------------------------------------------------------------------

# Words that begin a predicate: an agency name read left to right ends before one of these (in lower case).
# "Strong" ones end a relative clause too ("Các cơ quan được phân công chủ trì ... có trách nhiệm ...").
STRONG_VERBS = _keyed([
    "có trách nhiệm", "chịu trách nhiệm", "khẩn trương", "nghiêm túc", "chủ động", "kịp thời", "tăng cường",
    "tiếp tục", "căn cứ", "trên cơ sở", "tập trung", "quán triệt", "có văn bản", "nghiêm chỉnh", "trực tiếp",
    "thường xuyên", "khẩn cấp", "sớm",
])
WEAK_VERBS = _keyed([
    "chủ trì", "phối hợp", "thực hiện", "triển khai", "tổ chức", "nghiên cứu", "theo", "quan tâm", "chỉ đạo",
    "hướng dẫn", "xây dựng", "rà soát", "kiểm tra", "báo cáo", "tham mưu", "phản ánh", "phản hồi", "gửi",
    "cập nhật", "đẩy mạnh", "nâng cao", "bố trí", "đôn đốc", "theo dõi", "giám sát", "xem xét", "phê duyệt",
    "cung cấp", "lập hồ sơ", "làm rõ", "xử lý", "bảo đảm", "đảm bảo", "phổ biến", "tuyên truyền", "duy trì",
    "hoàn thành", "hoàn thiện", "trình", "đề xuất", "tiếp nhận", "giải quyết", "tự kiểm tra", "tự rà soát",
    "thống nhất", "làm việc", "ban hành", "thông báo", "yêu cầu", "đề nghị", "giao", "có ý kiến", "kết luận",
    "là", "đã", "được", "sẽ", "cần", "nắm", "chuẩn bị", "tiến hành", "cử", "huy động", "vận động", "công khai",
    "niêm yết", "thẩm định", "cân đối", "sơ kết", "tổng kết", "tổng hợp", "biết", "thi hành", "trao đổi",
    "làm đầu mối", "tiếp thu", "hỗ trợ", "định hướng", "mở", "trả lời", "để", "trong", "tại", "về", "với",
    "đối với", "nhằm", "khi", "nếu", "thì", "không", "chưa", "cho ý kiến", "cho phép", "đang", "vẫn", "cũng",
    "luôn", "tích cực",
    "quyết liệt", "ký", "điều chỉnh", "sửa đổi", "bổ sung", "tạo điều kiện", "đánh giá", "phân công", "phân loại",
    "lựa chọn", "thành lập", "kiện toàn", "giữ", "giữ vững", "bám sát", "làm tốt", "vận hành", "đăng ký",
    "thu hồi", "ưu tiên", "tạm dừng", "hạn chế", "chấp hành", "nộp", "kiến nghị", "lắng nghe", "đối thoại",
    "sử dụng", "khai thác", "tiếp", "phát huy", "tham gia", "chuyển", "xin", "nhận được", "lập kế hoạch",
    "có nhận được", "có báo cáo", "có kế hoạch", "có giải pháp", "có hướng dẫn", "mời", "dự", "chia sẻ",
    "rút kinh nghiệm", "lưu ý", "gương mẫu", "đi đầu", "ra quân", "tuyệt đối", "nghiêm cấm", "chấm dứt",
    "phát hiện", "ngăn chặn", "đấu tranh", "theo chức năng", "căn cứ vào", "từ", "trước", "sau", "đến",
    "hằng năm", "hàng năm", "định kỳ", "giúp", "làm", "đưa", "áp dụng", "quy định", "tham dự", "thông qua",
    "tổ chức thực hiện", "vay", "ký kết", "chỉ định",
])
# A subject followed by one of these is not being told to act (narration, the issuer speaking).
NON_TASK_VERBS = with_variants([
    "đã", "được", "là", "sẽ", "đang", "vẫn", "cũng", "chưa", "không", "thông báo", "ban hành", "có ý kiến",
    "kết luận", "trả lời", "xin", "nhận được", "có nhận được", "chuyển", "luôn", "từ", "trước", "sau", "đến",
    "với", "cho", "tại", "trong", "về", "để", "nhằm", "khi", "nếu", "thì", "mời", "dự", "tham dự", "vay",
])
# A subject followed by one of these gives the task to the object that follows ("UBND tỉnh yêu cầu các sở ...").
SPEECH_VERBS = with_variants(["yêu cầu", "đề nghị", "giao"])
# Words before "giao" / "đề nghị" / "yêu cầu" that make it a noun ("theo đề nghị của", "nhiệm vụ được giao").
TRIGGER_BLOCKERS = with_variants([
    "được", "theo", "xét", "đáp ứng", "hồ sơ", "văn bản", "những", "các", "có", "tờ trình", "nhiệm vụ",
])
# Words that open an introductory phrase; the subject then follows its first comma.
INTRO_WORDS = _keyed([
    "trên cơ sở", "căn cứ", "trong", "trường hợp", "đồng thời", "khi", "nếu", "sau khi", "để", "ngoài ra",
    "theo đó", "riêng", "quá trình", "thời gian", "bên cạnh đó", "đối với", "hằng năm", "hàng năm", "định kỳ",
    "trước ngày", "từ", "với", "qua", "tùy", "tuỳ", "mặt khác", "thực hiện", "nhằm", "tiếp theo", "sau đó",
])
# Labels of a plan's task lines whose value names the agency in charge ("Cơ quan chủ trì: Sở Tư pháp").
LEAD_LABELS = with_variants([
    "cơ quan chủ trì", "cơ quan thực hiện", "đơn vị chủ trì", "đơn vị thực hiện", "cơ quan chủ trì thực hiện",
    "đơn vị chủ trì thực hiện", "chủ trì", "chủ trì thực hiện", "trách nhiệm thực hiện", "cơ quan thực hiện chính",
    "đơn vị thực hiện chính", "cơ quan, đơn vị chủ trì", "cơ quan, đơn vị thực hiện", "giao", "đề nghị",
])
# Two words that make a noun although the second alone opens a predicate ("đơn vị sự nghiệp công lập").
COMPOUND_NOUNS = with_variants([
    "công lập", "công trình", "quy trình", "chương trình", "lộ trình", "tiến trình", "hành trình", "giáo trình",
    "kèm theo", "dân lập", "tư thục",
])
