"""The chase letter names every late agency, the old and new deadlines, and carries a công văn's parts."""
import io

from docx import Document

from chidao.consolidation.outputs.chase_letter import build_chase_letter


def read(letter):
    return Document(io.BytesIO(build_chase_letter(letter)))


def test_letter_names_each_late_agency_with_its_status_and_the_new_deadline(letter):
    doc = read(letter)
    agencies = doc.tables[1]
    rows = [[cell.text for cell in row.cells] for row in agencies.rows]
    assert rows == [["STT", "Cơ quan, đơn vị", "Tình hình gửi báo cáo"],
                    ["1", "Sở Y tế", "chưa nộp"],
                    ["2", "Hội Liên hiệp Phụ nữ tỉnh", "nộp muộn 9 ngày"],
                    ["3", "UBND huyện Sìn Hồ", "chưa nộp"]]
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "trước ngày 10/7/2013" in text and "trước ngày 25/6/2013" in text
    assert "Phòng Phòng, chống tệ nạn xã hội, điện thoại 0231.3876.543." in text


def test_header_has_number_subject_line_and_date(letter):
    header = read(letter).tables[0]
    left = [p.text for p in header.cell(1, 0).paragraphs]
    assert left[0] == "Số: 412/SLĐTBXH-PCTNXH"
    assert left[1].startswith("V/v đôn đốc nộp báo cáo")
    assert header.cell(1, 1).text == "Lai Châu, ngày 05 tháng 7 năm 2013"
    assert [p.text for p in header.cell(0, 0).paragraphs if p.text] == [
        "UBND TỈNH LAI CHÂU", "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"]


def test_kinh_gui_lists_several_recipients_one_per_line(letter):
    texts = [p.text for p in read(letter).paragraphs]
    start = texts.index("Kính gửi:\t- Sở Y tế;")
    assert texts[start + 1:start + 3] == ["\t- Hội Liên hiệp Phụ nữ tỉnh;", "\t- UBND huyện Sìn Hồ."]


def test_single_recipient_goes_on_the_kinh_gui_line(letter):
    letter.recipients = ["Sở Y tế"]
    assert "Kính gửi:\tSở Y tế." in [p.text for p in read(letter).paragraphs]


def test_recipients_start_with_nhu_tren_and_archive_with_the_drafting_unit(letter):
    doc = read(letter)
    recipients, signer = doc.tables[2].rows[0].cells
    assert [p.text for p in recipients.paragraphs] == ["Nơi nhận:", "- Như trên;", "- Lưu: VT, PCTNXH."]
    signed = [p.text for p in signer.paragraphs if p.text]
    assert signed == ["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Nguyễn Văn Bình"]


def test_subject_without_v_v_gets_it(letter):
    letter.subject = "đôn đốc nộp báo cáo"
    assert read(letter).tables[0].cell(1, 0).paragraphs[1].text == "V/v đôn đốc nộp báo cáo"
