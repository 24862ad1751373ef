"""The reader compiled by mypyc (scripts/compile_reader.py, run by ./test.sh) reads exactly as the plain-Python one:
on every corpus and fixture document, on the same documents cut, shuffled and re-cased, and on hypothesis's text.
A build made from other sources is never used; CHIDAO_READER=python turns the compiled reader off."""
import random
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import chidao.documents.reader as reader
from chidao.documents.reader import compiled

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
TEXTS = sorted(FIXTURES.rglob("*.txt"))

needs_build = pytest.mark.skipif(
    not reader.COMPILED,
    reason="no compiled reader matching these sources: run scripts/compile_reader.py (./test.sh does)",
)


@pytest.fixture(autouse=True)
def _test_settings():
    """Pure Python: shadow tests/conftest.py's Django settings fixture."""


def variants(text: str, rnd: random.Random):
    yield text
    for _ in range(3):
        cut = rnd.randrange(len(text) + 1)
        yield text[:cut]
        yield text[cut:]
    lines = text.split("\n")
    rnd.shuffle(lines)
    yield "\n".join(lines)
    yield text.upper()
    yield text.lower()
    yield text.replace("\n", " ")


@needs_build
@pytest.mark.parametrize("path", TEXTS, ids=lambda p: str(p.relative_to(FIXTURES)))
def test_compiled_reads_as_python(path):
    rnd = random.Random(path.name)
    for text in variants(path.read_text(encoding="utf-8", errors="replace"), rnd):
        assert reader.parse(text) == reader.parse_python(text)


@needs_build
@settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from("Sở Y tế, UBND các huyện; Công an tỉnh chủ trì báo cáo định kỳ 6 tháng"
                                        " gửi về ./.\n:-1.2a)ĐđÀÁẠ“”()|*#Số:/UBND-VX ngày 16 tháng 7 năm 2013"),
               max_size=400))
def test_compiled_reads_random_text_as_python(text):
    assert reader.parse(text) == reader.parse_python(text)


@needs_build
def test_compiled_reader_is_the_build_of_these_sources():
    assert compiled.built_fingerprint() == compiled.fingerprint()
    assert type(reader.parse).__name__ == "builtin_function_or_method"  # a C function, not the Python one


def test_a_build_of_other_sources_is_not_used(monkeypatch):
    monkeypatch.setattr(compiled, "fingerprint", lambda: "other sources")
    assert compiled.load() is None


def test_plain_python_on_request(monkeypatch):
    monkeypatch.setenv("CHIDAO_READER", "python")
    assert compiled.load() is None


def test_no_build_no_compiled_reader(monkeypatch):
    monkeypatch.setattr(compiled, "PACKAGE", "chidao_reader_that_was_never_built")
    assert compiled.built_fingerprint() is None
    assert compiled.load() is None
