"""The labelling conventions of SCHEMA.md, checked on short documents written for the purpose (not corpus
files): how agencies are split and named, who counts as an assignee, which reporting duties are listed."""
import pytest

from chidao.documents.reader import parse


@pytest.fixture(autouse=True)
def _test_settings():
    """Pure Python: shadow tests/conftest.py's Django settings fixture."""


def doc(body: str) -> str:
    return ("ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU\n\nSố: 15/UBND-VX\nV/v triển khai nhiệm vụ\n\n"
            "Lai Châu, ngày 5 tháng 3 năm 2024\n\nKính gửi: Các sở, ngành tỉnh.\n\n"
            f"{body}\n\nNơi nhận:\n- Như trên;\n- Lưu: VT, VX.\n\nKT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\n\nNguyễn Văn An\n")


def assignees(body: str) -> list:
    return parse(doc(body))["assignees"]


def frequencies(body: str) -> list:
    return sorted(r["frequency"] for r in parse(doc(body))["reporting"])


# --- assignees ------------------------------------------------------------------------------------------------

def test_a_list_of_agencies_splits():
    assert assignees("Đề nghị Sở Y tế, Sở Tài chính khẩn trương triển khai thực hiện./.") == ["Sở Y tế", "Sở Tài chính"]


def test_title_distributed_over_named_departments():
    assert assignees("Giao Giám đốc các Sở: Tư pháp, Tài chính chủ trì thực hiện./.") == [
        "Giám đốc Sở Tư pháp", "Giám đốc Sở Tài chính"]


def test_a_group_phrase_stays_one_item():
    assert assignees("Yêu cầu UBND các huyện, thị xã triển khai thực hiện./.") == ["UBND các huyện, thị xã"]
    assert assignees("Đề nghị các sở, ngành liên quan triển khai thực hiện./.") == ["các sở, ngành liên quan"]


def test_and_splits_two_agencies_but_not_an_agency_and_its_members():
    assert assignees("Các sở, ban, ngành và UBND các huyện tổ chức thực hiện./.") == [
        "Các sở, ban, ngành", "UBND các huyện"]
    assert assignees("Đề nghị Ủy ban MTTQ tỉnh và các tổ chức thành viên tuyên truyền, vận động./.") == [
        "Ủy ban MTTQ tỉnh và các tổ chức thành viên"]


def test_and_inside_a_name_does_not_split():
    assert assignees("Giao Sở Lao động - Thương binh và Xã hội chủ trì thực hiện./.") == [
        "Sở Lao động - Thương binh và Xã hội"]
    assert assignees("Giao Sở Văn hóa, Thể thao và Du lịch chủ trì thực hiện./.") == [
        "Sở Văn hóa, Thể thao và Du lịch"]


def test_a_partner_is_not_an_assignee():
    assert assignees("Giao Sở Y tế chủ trì, phối hợp với Sở Tài chính và Công an tỉnh triển khai./.") == ["Sở Y tế"]


def test_sentence_subject_is_an_assignee():
    assert assignees("Công an tỉnh chỉ đạo tăng cường quản lý địa bàn./.") == ["Công an tỉnh"]


def test_the_issuer_speaking_is_not_an_assignee():
    result = assignees("UBND tỉnh yêu cầu Sở Xây dựng kiểm tra các công trình./.")
    assert result == ["Sở Xây dựng"]


def test_narration_is_not_a_task():
    assert assignees("Thời gian qua, Sở Y tế đã triển khai nhiều biện pháp phòng chống dịch./.") == []


def test_a_decisions_closing_clause():
    text = ("Điều 3. Chánh Văn phòng UBND tỉnh, Giám đốc Sở Tài chính; Chủ tịch UBND các huyện, thành phố và các "
            "tổ chức, cá nhân có liên quan chịu trách nhiệm thi hành Quyết định này./.")
    assert assignees(text) == ["Chánh Văn phòng UBND tỉnh", "Giám đốc Sở Tài chính",
                               "Chủ tịch UBND các huyện, thành phố", "các tổ chức, cá nhân có liên quan"]


def test_section_headings_name_their_agency_and_give_a_task():
    result = parse(doc("1. Sở Y tế\nTăng cường kiểm tra các cơ sở.\n\n2. Sở Tài chính\nBố trí kinh phí thực hiện./."))
    assert [(s["number"], s["assignee"]) for s in result["sections"]] == [("1", "Sở Y tế"), ("2", "Sở Tài chính")]
    assert [t["assignee"] for t in result["tasks"]] == ["Sở Y tế", "Sở Tài chính"]


def test_lead_agency_of_a_plans_task_line():
    text = ("1. Tuyên truyền, phổ biến Luật.\n- Cơ quan chủ trì: Sở Tư pháp.\n"
            "- Cơ quan phối hợp: Sở Thông tin và Truyền thông.\n- Thời gian thực hiện: Năm 2024./.")
    assert assignees(text) == ["Sở Tư pháp"]


def test_each_name_once():
    assert assignees("Giao Sở Y tế chủ trì. Đề nghị Sở Y tế báo cáo kết quả./.") == ["Sở Y tế"]


# --- reporting ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("sentence, expected", [
    ("định kỳ 6 tháng, 1 năm báo cáo kết quả về UBND tỉnh", ["6 tháng", "năm"]),
    ("định kỳ hằng quý, 6 tháng, năm báo cáo kết quả về UBND tỉnh", ["6 tháng", "năm", "quý"]),
    ("báo cáo kết quả thực hiện về UBND tỉnh trước ngày 15/12 hằng năm", ["năm"]),
    ("định kỳ trước ngày 15/6 và 15/12 hằng năm báo cáo UBND tỉnh", ["6 tháng"]),
    ("hằng tháng báo cáo tiến độ về Sở Nội vụ", ["tháng"]),
    ("khi có vướng mắc, phát sinh kịp thời báo cáo UBND tỉnh để xem xét", ["đột xuất"]),
    ("báo cáo kết quả về UBND tỉnh trước ngày 30/6/2024", ["một lần"]),
    ("báo cáo kết quả theo quy định", []),
    ("báo cáo kết quả năm 2023 về UBND tỉnh", []),
])
def test_reporting_frequency(sentence, expected):
    assert frequencies(f"Đề nghị Sở Y tế triển khai thực hiện, {sentence}./.") == expected


def test_reporting_addressee_and_relay():
    result = parse(doc("Yêu cầu các sở, ngành định kỳ 6 tháng báo cáo kết quả về UBND tỉnh (qua Sở Nội vụ) "
                       "để tổng hợp./."))
    assert [(r["frequency"], r["to"], r["via"]) for r in result["reporting"]] == [("6 tháng", "UBND tỉnh", "Sở Nội vụ")]
    assert result["reporting"][0]["from"] == "các sở, ngành"


def test_a_report_named_twice_is_one_duty():
    result = parse(doc("Doanh nghiệp thực hiện báo cáo định kỳ 6 tháng gửi Sở Nội vụ. Báo cáo 6 tháng gửi "
                       "trước ngày 20 tháng 6./."))
    assert [r["frequency"] for r in result["reporting"]] == ["6 tháng"]


# --- header ---------------------------------------------------------------------------------------------------

def test_header_fields():
    result = parse(doc("Nội dung./."))
    assert (result["doc_type"], result["number"], result["symbol"]) == ("Công văn", "15", "UBND-VX")
    assert (result["issuer"], result["place"], result["date"]) == ("ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", "Lai Châu",
                                                                   "2024-03-05")
    assert result["subject"] == "triển khai nhiệm vụ"
    assert result["recipients"] == ["Các sở, ngành tỉnh"]
    assert (result["signer_authority"], result["signer_title"], result["signer_name"]) == (
        "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn An")


def test_typed_document_subject_and_year_in_number():
    text = ("ỦY BAN NHÂN DÂN\nTỈNH LÀO CAI\n\nSố: 12/2024/QĐ-UBND\n\nLào Cai, ngày 10 tháng 5 năm 2024\n\n"
            "QUYẾT ĐỊNH\nBan hành Quy chế phối hợp\n\nỦY BAN NHÂN DÂN TỈNH LÀO CAI\n\nCăn cứ Luật Tổ chức chính "
            "quyền địa phương ngày 19 tháng 6 năm 2015;\n\nQUYẾT ĐỊNH:\n\nĐiều 1. Ban hành kèm theo Quyết định này "
            "Quy chế.\n\nĐiều 2. Giám đốc Sở Nội vụ chịu trách nhiệm thi hành Quyết định này./.\n\n"
            "Nơi nhận:\n- Như Điều 2;\n- Lưu: VT.\n\nTM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH\n\nTrịnh Xuân Trường\n")
    result = parse(text)
    assert (result["doc_type"], result["number"], result["symbol"]) == ("Quyết định", "12", "2024/QĐ-UBND")
    assert result["subject"] == "Ban hành Quy chế phối hợp"
    assert result["assignees"] == ["Giám đốc Sở Nội vụ"]
    assert (result["signer_authority"], result["signer_title"]) == ("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH")
