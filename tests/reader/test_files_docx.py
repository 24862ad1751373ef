""".docx files: document order, tables (layout, data, nested), numbering, text boxes; bad files."""

import io
import struct
import time
import zipfile
from pathlib import Path

import pytest
from docx import Document

from chidao.documents.reader.files import UnreadableDocument, read_bytes, read_file

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests/fixtures/files"
W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"


@pytest.fixture(autouse=True)
def _test_settings():
    """No Django here: shadow tests/conftest.py's settings fixture so these run with `-p no:django` too."""


def docx_bytes(doc) -> bytes:
    buf = io.BytesIO()
    doc.save(buf)
    return buf.getvalue()


def raw_docx(body_xml: str, extra: dict[str, bytes] | None = None) -> bytes:
    """A minimal .docx around `body_xml` (the inside of w:body)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr(
            "[Content_Types].xml",
            '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
            '<Default Extension="xml" ContentType="application/xml"/></Types>',
        )
        z.writestr(
            "word/document.xml",
            f'<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="{W}" '
            'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" '
            'xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" '
            'xmlns:v="urn:schemas-microsoft-com:vml">'
            f"<w:body>{body_xml}</w:body></w:document>",
        )
        for name, data in (extra or {}).items():
            z.writestr(name, data)
    return buf.getvalue()


def p(text: str) -> str:
    return f'<w:p><w:r><w:t xml:space="preserve">{text}</w:t></w:r></w:p>'


# ------------------------------------------------------------------------------------------------ the fixture
def test_fixture_header_table_is_read_column_by_column():
    r = read_file(FIX / "cv879.docx")
    assert (r.format, r.encoding, r.warnings) == ("docx", None, [])
    lines = r.text.splitlines()
    assert lines[:7] == [
        "ỦY BAN NHÂN DÂN",
        "TỈNH LAI CHÂU",
        "Số: 879/UBND-VX",
        "V/v tăng cường thực hiện công tác phòng, chống tệ nạn mại dâm",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Lai Châu, ngày 16 tháng 7 năm 2013",
    ]
    assert lines[7] == "Kính gửi:"


def test_fixture_body_and_signature_in_order():
    lines = read_file(FIX / "cv879.docx").text.splitlines()
    order = [
        "1. Sở Lao động - Thương binh và Xã hội",
        "2. Công an tỉnh",
        "7. Các sở, ngành thành viên khác:",
        "Nơi nhận:",
        "- Lưu: VT, VX.",
        "TM. ỦY BAN NHÂN DÂN",
    ]
    positions = [lines.index(line) for line in order]
    assert positions == sorted(positions)
    assert lines[-1] == "TM. ỦY BAN NHÂN DÂN"


# ------------------------------------------------------------------------------------------------ structures
def test_data_table_rows_join_cells_and_nested_tables_are_read():
    doc = Document()
    doc.add_paragraph("Phụ lục nhiệm vụ")
    t = doc.add_table(rows=3, cols=3)
    for i, row in enumerate(
        [
            ("STT", "Nhiệm vụ", "Cơ quan chủ trì"),
            ("1", "Kiểm tra", "Sở Y tế"),
            ("2", "Tuyên truyền", "Sở Văn hoá"),
        ]
    ):
        for cell, text in zip(t.rows[i].cells, row, strict=True):
            cell.text = text
    nested_host = t.rows[2].cells[1]
    inner = nested_host.add_table(rows=1, cols=2)
    inner.rows[0].cells[0].text = "bước a"
    inner.rows[0].cells[1].text = "bước b"
    doc.add_paragraph("Hết phụ lục")
    lines = read_bytes(docx_bytes(doc), "a.docx").text.splitlines()
    assert lines[0] == "Phụ lục nhiệm vụ"
    assert "STT | Nhiệm vụ | Cơ quan chủ trì" in lines
    assert "1 | Kiểm tra | Sở Y tế" in lines
    # The row with a nested table is read cell by cell, the nested row in its place.
    i = lines.index("Tuyên truyền")
    assert lines[i - 1] == "2"
    assert lines[i + 1] == "bước a | bước b"
    assert lines[i + 2] == "Sở Văn hoá"
    assert lines[-1] == "Hết phụ lục"


def test_automatic_numbering_and_bullets_are_written_out():
    doc = Document()
    doc.add_paragraph("Sở Y tế", style="List Number")
    doc.add_paragraph("Công an tỉnh", style="List Number")
    doc.add_paragraph("kiểm tra các cơ sở", style="List Bullet")
    lines = read_bytes(docx_bytes(doc), "a.docx").text.splitlines()
    assert lines[0] == "1. Sở Y tế"
    assert lines[1] == "2. Công an tỉnh"
    assert lines[2].endswith("kiểm tra các cơ sở") and lines[2][0] in "•-·o▪"


def test_runs_tabs_breaks_revisions_content_controls_and_text_boxes():
    body = (
        "<w:p><w:r><w:t>Số:</w:t></w:r><w:r><w:tab/><w:t>12/UBND</w:t></w:r></w:p>"
        "<w:p><w:r><w:t>dòng một</w:t><w:br/><w:t>dòng hai</w:t></w:r></w:p>"
        "<w:p><w:del><w:r><w:delText>đã xoá</w:delText></w:r></w:del>"
        "<w:ins><w:r><w:t>đã thêm</w:t></w:r></w:ins></w:p>"
        "<w:sdt><w:sdtContent>" + p("trong ô nội dung") + "</w:sdtContent></w:sdt>"
        "<w:p><w:r><w:t>trước hộp</w:t></w:r><w:r><mc:AlternateContent>"
        '<mc:Choice Requires="wps"><w:drawing><wps:txbx><w:txbxContent>'
        + p("trong hộp chữ")
        + "</w:txbxContent></wps:txbx></w:drawing></mc:Choice>"
        "<mc:Fallback><w:pict><v:textbox><w:txbxContent>"
        + p("trong hộp chữ")
        + "</w:txbxContent></v:textbox></w:pict></mc:Fallback></mc:AlternateContent></w:r></w:p>"
        '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>PAGE</w:instrText></w:r>'
        "<w:r><w:t>cuối</w:t></w:r></w:p>"
        "<w:sectPr/>"
    )
    lines = read_bytes(raw_docx(body), "a.docx").text.splitlines()
    assert lines == [
        "Số:\t12/UBND",
        "dòng một",
        "dòng hai",
        "đã thêm",
        "trong ô nội dung",
        "trước hộp",
        "trong hộp chữ",  # once: mc:Fallback repeats it for old readers
        "cuối",
    ]


def test_strict_ooxml_namespace():
    body = p("văn bản theo chuẩn Strict")
    data = raw_docx(body).replace(W.encode(), b"http://purl.oclc.org/ooxml/wordprocessingml/main")
    assert read_bytes(data, "a.docx").text == "văn bản theo chuẩn Strict"


def test_header_footer_text_is_reported_not_read():
    hdr = f'<w:hdr xmlns:w="{W}">{p("Bản sao lưu hành nội bộ")}</w:hdr>'.encode()
    r = read_bytes(raw_docx(p("Nội dung"), {"word/header1.xml": hdr}), "a.docx")
    assert r.text == "Nội dung"
    assert [w["code"] for w in r.warnings] == ["docx_parts_not_read"]
    assert "đầu trang" in r.warnings[0]["vi"] and "header" in r.warnings[0]["en"]


def test_tcvn3_text_in_a_docx_is_converted():
    # .VnTime documents keep their TCVN3 bytes as Latin-1 characters when saved as .docx.
    from chidao.documents.reader.legacy import unicode_to_tcvn3

    text = "Ủy ban nhân dân tỉnh yêu cầu các sở, ngành báo cáo kết quả thực hiện"
    r = read_bytes(raw_docx(p(unicode_to_tcvn3(text))), "a.docx")
    assert [w["code"] for w in r.warnings] == ["legacy_encoding_converted"]
    assert r.text == "ủy" + text[2:]  # a toned capital has no TCVN3 code: it comes back lowercase


def test_docx_named_doc_is_read_with_a_warning():
    r = read_bytes(raw_docx(p("Nội dung")), "cu.doc")
    assert r.format == "docx"
    assert [w["code"] for w in r.warnings] == ["wrong_extension"]


# ------------------------------------------------------------------------------------------------ errors
def error(data: bytes, name: str = "a.docx") -> UnreadableDocument:
    with pytest.raises(UnreadableDocument) as e:
        read_bytes(data, name)
    assert e.value.vi and e.value.en and e.value.vi != e.value.en
    assert str(e.value) == e.value.en
    return e.value


def test_plain_text_named_docx():
    e = error((FIX / "fake.docx").read_bytes())
    assert e.code == "not_docx"
    assert "không phải tệp .docx hợp lệ" in e.vi
    assert ".txt" in e.vi and "not a valid .docx" in e.en.lower()


def test_pdf_named_docx():
    e = error((FIX / "cv879.pdf").read_bytes())
    assert e.code == "not_docx" and ".pdf" in e.vi and ".pdf" in e.en


def test_ole_file_named_docx_is_old_word_or_encrypted():
    e = error(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(600))
    assert e.code == "docx_encrypted_or_doc"
    assert ".doc" in e.vi and "mật khẩu" in e.vi and "password" in e.en


def test_zip_bomb_fixture_is_refused_before_decompressing():
    start = time.perf_counter()
    e = error((FIX / "bomb.docx").read_bytes())
    assert e.code == "zip_bomb"
    assert "MB" in e.vi and "giới hạn" in e.vi and "limit" in e.en
    assert time.perf_counter() - start < 1.0


def patch_declared_size(data: bytes, size: int) -> bytes:
    """Rewrite every central-directory entry's uncompressed size (the data stays as it is)."""
    out = bytearray(data)
    i = out.find(b"PK\x01\x02")
    while i != -1:
        struct.pack_into("<I", out, i + 24, size)
        i = out.find(b"PK\x01\x02", i + 4)
    return bytes(out)


def test_declared_huge_sizes_are_refused():
    e = error(patch_declared_size(raw_docx(p("x")), 0xFFFF0000))
    assert e.code == "zip_bomb"


def test_lying_small_sizes_are_capped():
    # Declared size smaller than the real data: zipfile stops at the declared size and the CRC fails.
    e = error(patch_declared_size(raw_docx(p("nội dung " * 50)), 10))
    assert e.code == "corrupt_docx"


def test_corrupt_zip():
    data = (FIX / "cv879.docx").read_bytes()
    e = error(data[: len(data) // 2])
    assert e.code == "corrupt_docx"
    assert "hỏng" in e.vi and "damaged" in e.en


def test_zip_without_word_document():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("xl/workbook.xml", "<workbook/>")
    e = error(buf.getvalue())
    assert e.code == "docx_no_document"
    assert "word/document.xml" in e.vi and "word/document.xml" in e.en


def test_broken_xml():
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", "<w:document><w:body><w:p>")
    assert error(buf.getvalue()).code == "corrupt_docx"


def test_entity_expansion_is_not_performed():
    lol = (
        '<?xml version="1.0"?><!DOCTYPE d [<!ENTITY a "aaaaaaaaaa">'
        + "".join(f'<!ENTITY {chr(98 + i)} "{("&" + chr(97 + i) + ";") * 10}">' for i in range(8))
        + f']><w:document xmlns:w="{W}"><w:body><w:p><w:r><w:t>&i;</w:t></w:r></w:p>'
        + p("văn bản")
        + "</w:body></w:document>"
    )
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("word/document.xml", lol)
    start = time.perf_counter()
    try:
        r = read_bytes(buf.getvalue(), "a.docx")
        assert len(r.text) < 1000
    except UnreadableDocument as e:
        assert e.code == "corrupt_docx"
    assert time.perf_counter() - start < 2.0


def test_empty_docx_body_is_no_text():
    assert error(raw_docx("<w:sectPr/>")).code == "no_text"


def test_legacy_fonts_decide_the_encoding_run_by_run():
    styles = (
        f'<w:styles xmlns:w="{W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman"/>'
        "</w:rPr></w:rPrDefault></w:docDefaults>"
        '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:rPr><w:rFonts w:ascii=".VnTime" '
        'w:hAnsi=".VnTime"/></w:rPr></w:style>'
        '<w:style w:type="paragraph" w:styleId="Unicode"><w:rPr><w:rFonts w:ascii="Arial"/></w:rPr></w:style>'
        "</w:styles>"
    ).encode()

    def run(text: str, font: str | None = None) -> str:
        rpr = f'<w:rPr><w:rFonts w:ascii="{font}" w:hAnsi="{font}"/></w:rPr>' if font else ""
        return f'<w:r>{rpr}<w:t xml:space="preserve">{text}</w:t></w:r>'

    body = (
        # .VnTimeH draws lowercase codes as capitals: the header typed in lowercase keys.
        f"<w:p>{run('uû ban nh©n d©n tØnh lai ch©u', '.VnTimeH')}</w:p>"
        # The Normal style's .VnTime font, no font on the run.
        f"<w:p>{run('Sè: 879/UBND-VX')}</w:p>"
        f"<w:p>{run('Coäng hoøa xaõ hoäi', 'VNI-Times')}</w:p>"
        # Retyped in Unicode but still carrying the old font name: left alone.
        f"<w:p>{run('Hà Nội, ngày 5 tháng 6', '.VnTime')}</w:p>"
        # A paragraph style with a Unicode font: café stays café.
        f'<w:p><w:pPr><w:pStyle w:val="Unicode"/></w:pPr>{run("café")}</w:p>'
    )
    r = read_bytes(raw_docx(body, {"word/styles.xml": styles}), "a.docx")
    assert r.text.splitlines() == [
        "UỶ BAN NHÂN DÂN TỈNH LAI CHÂU",
        "Số: 879/UBND-VX",
        "Cộng hòa xã hội",
        "Hà Nội, ngày 5 tháng 6",
        "café",
    ]
    assert [w["code"] for w in r.warnings] == ["legacy_encoding_converted", "legacy_encoding_converted"]
    assert "TCVN3" in r.warnings[0]["en"] and "VNI" in r.warnings[1]["en"]
