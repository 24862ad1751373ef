"""parse() answers on any text: random Unicode, Vietnamese-looking text assembled from real fragments, real
documents cut anywhere or damaged. It never raises, never fails internally (no 'internal_error' warning), returns
every key with the right type, and keeps every span inside the NFC-normalised input."""
import datetime
import json
import re
import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chidao.documents.reader import parse
from chidao.documents.reader.parse import KEYS

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "corpus"
DOCS = [p.read_text(encoding="utf-8") for p in sorted((CORPUS / "docs").glob("*.txt"))]
SCALARS = ["doc_type", "number", "symbol", "issuer", "place", "date", "subject", "signer_authority",
           "signer_title", "signer_name"]
FREQUENCIES = {"tuần", "tháng", "quý", "6 tháng", "9 tháng", "năm", "đột xuất", "một lần"}

# real lines of the corpus, and the pieces of a document's layout, to build text that looks like a document
FRAGMENTS = sorted({line.strip() for doc in DOCS for line in doc.splitlines() if 3 < len(line.strip()) < 160})[::7]
LAYOUT = ["Số: ", "/UBND-VX", "/QĐ-UBND", "V/v ", "Kính gửi:", "- ", "1. ", "2.1. ", "a) ", "(1) ", "**", "*", "|",
          "# ", "Nơi nhận:", "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn A", "./.",
          "Lai Châu, ngày 16 tháng 7 năm 2013", "ngày 31 tháng 2 năm 2020", "ngày tháng năm", "CỘNG HÒA XÃ HỘI",
          "QUYẾT ĐỊNH", "KẾ HOẠCH", "Điều 3.", "giao ", "đề nghị ", "yêu cầu ", "định kỳ 6 tháng, 1 năm báo cáo",
          "“", "”", "(", ")", ";", ":", ",", ".", "\n", "\n\n", "   ", "\t", "\u00a0", "\r\n", "số 05/2006/TT-BLĐTBXH"]
SETTINGS = settings(max_examples=120, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.fixture(autouse=True)
def _test_settings():
    """Pure Python: shadow tests/conftest.py's Django settings fixture."""


def check(text: str) -> dict:
    result = parse(text)
    source = unicodedata.normalize("NFC", text)
    n = len(source)
    assert list(result) == KEYS
    codes = [w["code"] for w in result["warnings"]]
    assert "internal_error" not in codes
    for w in result["warnings"]:
        assert set(w) == {"code", "vi", "en"} and all(isinstance(w[k], str) and w[k] for k in w)
    for key in SCALARS:
        assert result[key] is None or (isinstance(result[key], str) and result[key].strip() == result[key] != "")
    if result["date"] is not None:
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", result["date"])
        datetime.date.fromisoformat(result["date"])
    for key in ("recipients", "assignees"):
        assert isinstance(result[key], list) and all(isinstance(x, str) and x for x in result[key])
    assert len(result["assignees"]) == len(set(result["assignees"]))
    for c in result["cited_documents"]:
        assert {"type", "number", "symbol", "date"} <= set(c)
        assert all(c[k] is None or isinstance(c[k], str) for k in ("type", "number", "symbol", "date"))
    for r in result["reporting"]:
        assert r["frequency"] in FREQUENCIES
        assert all(r[k] is None or isinstance(r[k], str) for k in ("to", "via", "deadline", "text"))
    for s in result["sections"]:
        assert s["number"] is None or isinstance(s["number"], str)
        assert isinstance(s["heading"], str) and isinstance(s["text"], str)
        assert s["assignee"] is None or isinstance(s["assignee"], str)
        assert isinstance(s["start"], int) and isinstance(s["end"], int) and 0 <= s["start"] <= s["end"] <= n
    for t in result["tasks"]:
        assert isinstance(t["assignee"], str) and t["assignee"] and isinstance(t["text"], str)
        assert t["assignee"] in result["assignees"]
        assert 0 <= t["start"] <= t["end"] <= n
    for r in result["reporting"]:
        assert 0 <= r["start"] <= r["end"] <= n
    json.dumps(result, ensure_ascii=False)
    return result


@SETTINGS
@given(st.text(max_size=3000))
def test_random_text(text):
    check(text)


@SETTINGS
@given(st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.sampled_from(LAYOUT)), max_size=80),
       st.lists(st.sampled_from(["", " ", "\n", "\n\n", "  |  ", ";"]), min_size=1, max_size=5))
def test_vietnamese_looking_text(pieces, separators):
    text = "".join(piece + separators[i % len(separators)] for i, piece in enumerate(pieces))
    check(text)


@SETTINGS
@given(st.sampled_from(DOCS), st.floats(0, 1), st.floats(0, 1))
def test_truncated_documents(doc, a, b):
    start, end = sorted((int(a * len(doc)), int(b * len(doc))))
    check(doc[:end])
    check(doc[start:end])


@SETTINGS
@given(st.sampled_from(DOCS), st.lists(st.tuples(st.floats(0, 1), st.integers(0, 400),
                                                 st.sampled_from(["", "**", "\n", "|", "ư", "Số: 12/",
                                                                  "\u0301", "\ufffd", "ngày 99 tháng 99 năm 2099"])),
                                       max_size=6))
def test_damaged_documents(doc, edits):
    for where, length, insert in edits:
        i = int(where * len(doc))
        doc = doc[:i] + insert + doc[i + length:]
    check(doc)


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "|||", "****", "Số:", "Kính gửi:", "Nơi nhận:", "1.", "\x00\x01"])
def test_degenerate_input(text):
    result = check(text)
    assert result["number"] is None and result["tasks"] == []


def test_empty_text_says_so():
    assert [w["code"] for w in parse("")["warnings"]] == ["empty"]


def test_non_string_input_is_answered():
    assert list(parse(None)) == KEYS  # type: ignore[arg-type]


def test_truncated_document_is_flagged():
    founding = DOCS[0]
    cut = founding[: founding.index("## **5.")]
    result = check(cut)
    assert result["number"] == "879"
    assert "truncated" in [w["code"] for w in result["warnings"]]
    assert result["signer_authority"] is None


def test_impossible_date_is_flagged():
    text = "Số: 12/UBND-VX\nV/v thử\n\nLai Châu, ngày 31 tháng 2 năm 2020\n\nKính gửi: Sở Y tế.\n\nNội dung./."
    result = check(text)
    assert result["place"] == "Lai Châu" and result["date"] is None
    assert "date_impossible" in [w["code"] for w in result["warnings"]]


def test_missing_number_and_date_are_flagged():
    result = check("Kính gửi: Sở Y tế.\n\nĐề nghị Sở Y tế báo cáo kết quả hằng quý về Ủy ban nhân dân tỉnh./.")
    codes = [w["code"] for w in result["warnings"]]
    assert "no_number" in codes and "no_date" in codes
    assert result["assignees"] == ["Sở Y tế"]
    assert [(r["frequency"], r["to"]) for r in result["reporting"]] == [("quý", "Ủy ban nhân dân tỉnh")]


def test_huge_input_is_read_in_bounded_time():
    import time
    body = DOCS[0] * 400  # about 3 M characters
    start = time.process_time()
    result = check(body)
    assert time.process_time() - start < 20
    assert "too_long" in [w["code"] for w in result["warnings"]]


PATHOLOGICAL = {
    "one sentence, many requests": "".join(f"Giao Sở số {i} chủ trì; " for i in range(12000)),
    "many short sections": "1. Sở Y tế\n" * 30000,
    "many sections and duties": "".join(f"{i % 50}. Sở Y tế số {i}\nđịnh kỳ hằng quý báo cáo về UBND tỉnh.\n"
                                        for i in range(5000)),
    "no full stop": "Đề nghị Sở Y tế báo cáo hằng tháng về Sở X. " * 10000,
    "a long table": "".join(f"| {i} | Việc {i} | Sở số {i} | chủ trì |\n" for i in range(8000)),
    "a long recipient list": "Kính gửi:\n" + "- Sở Y tế;\n" * 30000,
    "unbalanced quotes": "“" * 30000 + "Sở Y tế chủ trì." + "”" * 30000,
}


@pytest.mark.parametrize("name", sorted(PATHOLOGICAL))
def test_pathological_input_stays_linear(name):
    import time
    start = time.process_time()
    check(PATHOLOGICAL[name])
    assert time.process_time() - start < 8, name
