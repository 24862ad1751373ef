"""read_bytes on arbitrary bytes raises UnreadableDocument or returns text — never anything else."""

import unicodedata
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chidao.documents.reader.files import ReadText, UnreadableDocument, read_bytes

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests/fixtures/files"
EXTENSIONS = [".txt", ".md", ".docx", ".pdf", ".doc", ".odt", ""]


@pytest.fixture(autouse=True)
def _test_settings():
    """No Django here: shadow tests/conftest.py's settings fixture so these run with `-p no:django` too."""


def read_or_refuse(data: bytes, name: str) -> None:
    try:
        r = read_bytes(data, name)
    except UnreadableDocument as e:
        assert e.code and e.vi and e.en
        return
    assert isinstance(r, ReadText)
    assert r.text.strip()
    assert r.text == unicodedata.normalize("NFC", r.text)
    assert "\r" not in r.text
    assert all(isinstance(w, dict) and set(w) == {"code", "vi", "en"} for w in r.warnings)


@pytest.mark.parametrize("ext", EXTENSIONS)
@given(data=st.binary(max_size=3000))
@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_random_bytes(ext, data):
    read_or_refuse(data, "f" + ext)


MAGIC = [b"", b"%PDF-1.4\n", b"PK\x03\x04", b"\xef\xbb\xbf", b"\xff\xfe", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"]


@pytest.mark.parametrize("ext", [".txt", ".docx", ".pdf"])
@given(magic=st.sampled_from(MAGIC), data=st.binary(max_size=2000))
@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_random_bytes_behind_a_magic_number(ext, magic, data):
    read_or_refuse(magic + data, "f" + ext)


def mutate(data: bytes, edits: list[tuple[int, int]], cut: int | None) -> bytes:
    out = bytearray(data)
    for pos, value in edits:
        out[pos % len(out)] = value
    return bytes(out[:cut] if cut else out)


@pytest.mark.parametrize("name", ["cv879.docx", "cv879.pdf", "cv879-tcvn3.txt", "cv879-utf16.txt"])
@given(
    edits=st.lists(st.tuples(st.integers(min_value=0), st.integers(0, 255)), max_size=12),
    cut=st.one_of(st.none(), st.integers(min_value=1, max_value=60000)),
)
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_damaged_fixtures(name, edits, cut):
    data = (FIX / name).read_bytes()
    read_or_refuse(mutate(data, edits, cut), name)
