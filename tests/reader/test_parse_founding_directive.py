"""parse() on the founding directive, Công văn 879/UBND-VX of Lai Châu (16/7/2013): every field of its label."""
import json
import re
import unicodedata
from pathlib import Path

import pytest

from chidao.documents.reader import parse

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"
TEXT = (CORPUS / "docs" / "000.txt").read_text(encoding="utf-8")
LABEL = json.loads((CORPUS / "labels" / "000.json").read_text(encoding="utf-8"))


@pytest.fixture(autouse=True)
def _test_settings():
    """Pure Python: shadow tests/conftest.py's Django settings fixture."""


@pytest.fixture(scope="module")
def doc():
    return parse(TEXT)


def _plain(text: str) -> str:
    """A span of the source as the parser reports its text: markup removed, white space collapsed."""
    return " ".join(re.sub(r"[*#|]", " ", text).split())


@pytest.mark.parametrize("field", ["doc_type", "number", "symbol", "issuer", "place", "date", "subject",
                                   "recipients", "signer_authority", "signer_title", "signer_name"])
def test_field_equals_label(doc, field):
    assert doc[field] == LABEL[field]


def test_cited_documents(doc):
    def key(c):
        # "05" + "2006/TT-BLĐTBXH" and "05/2006" + "TT-BLĐTBXH" are one reading of "05/2006/TT-BLĐTBXH"
        return (c["type"], f"{c['number']}/{c['symbol']}", c["date"])
    assert sorted(map(key, doc["cited_documents"])) == sorted(map(key, LABEL["cited_documents"]))


def test_both_reporting_duties(doc):
    got = [(r["frequency"], r["to"], r["via"]) for r in doc["reporting"]]
    assert got == [("6 tháng", "UBND tỉnh", "Sở Lao động - TBXH"), ("năm", "UBND tỉnh", "Sở Lao động - TBXH")]
    assert all("định kỳ 6 tháng, 1 năm báo cáo" in r["text"] for r in doc["reporting"])


def test_assignees(doc):
    assert sorted(doc["assignees"]) == sorted(LABEL["assignees"])
    assert len(doc["assignees"]) == len(set(doc["assignees"]))


SECTIONS = [
    ("1", "Sở Lao động - Thương binh và Xã hội", "Sở Lao động - Thương binh và Xã hội"),
    ("2", "Công an tỉnh", "Công an tỉnh"),
    ("3", "Sở Y tế", "Sở Y tế"),
    ("4", "Sở Văn hoá Thể thao và Du lịch", "Sở Văn hoá Thể thao và Du lịch"),
    ("5", "UBND các huyện, thị xã", "UBND các huyện, thị xã"),
    ("6", "Đề nghị Ủy ban MTTQ tỉnh, và các tổ chức thành viên", "Ủy ban MTTQ tỉnh, và các tổ chức thành viên"),
    ("7", "Các sở, ngành thành viên khác", "Các sở, ngành thành viên khác"),
]


def test_seven_sections_with_headings_and_assignees(doc):
    assert [(s["number"], s["heading"], s["assignee"]) for s in doc["sections"]] == SECTIONS


def test_section_spans_slice_back_to_their_text(doc):
    source = unicodedata.normalize("NFC", TEXT)
    previous_end = 0
    for s in doc["sections"]:
        assert previous_end <= s["start"] < s["end"] <= len(source)
        assert _plain(source[s["start"]:s["end"]]) == s["text"]
        assert s["text"].startswith(f"{s['number']}. ")
        previous_end = s["end"]
    # the last section ends before the closing paragraph and the Nơi nhận
    assert doc["sections"][-1]["text"].endswith("liên quan đến chức năng, nhiệm vụ của sở, ngành mình.")
    assert "Căn cứ nội dung Công văn" not in doc["sections"][-1]["text"]


def test_each_section_gives_a_task_to_its_agency(doc):
    by_span = {(t["start"], t["end"]): t for t in doc["tasks"]}
    for s in doc["sections"]:
        task = by_span[(s["start"], s["end"])]
        assert task["assignee"] == s["assignee"]
        assert task["text"] == s["text"]


def test_closing_sentence_gives_tasks_to_the_departments_and_districts(doc):
    closing = [t for t in doc["tasks"] if "định kỳ 6 tháng, 1 năm báo cáo" in t["text"]]
    assert sorted(t["assignee"] for t in closing) == ["UBND các huyện, thị xã", "các sở, ngành, đơn vị liên quan"]
    source = unicodedata.normalize("NFC", TEXT)
    for t in closing:
        assert _plain(source[t["start"]:t["end"]]) == t["text"]
        assert t["text"].startswith("Căn cứ nội dung Công văn, UBND tỉnh yêu cầu")


def test_every_task_span_slices_back_to_its_text(doc):
    source = unicodedata.normalize("NFC", TEXT)
    assert len(doc["tasks"]) >= 9
    for t in doc["tasks"]:
        assert _plain(source[t["start"]:t["end"]]) == t["text"]
        assert t["assignee"] in doc["assignees"]


def test_no_warnings_and_json_serialisable(doc):
    assert doc["warnings"] == []
    assert json.loads(json.dumps(doc, ensure_ascii=False)) == doc


def test_offsets_refer_to_nfc_text():
    decomposed = unicodedata.normalize("NFD", TEXT)
    assert decomposed != TEXT
    result = parse(decomposed)
    source = unicodedata.normalize("NFC", decomposed)
    assert result["number"] == "879" and result["place"] == "Lai Châu"
    first = result["sections"][0]
    assert _plain(source[first["start"]:first["end"]]).startswith("1. Sở Lao động - Thương binh và Xã hội")
