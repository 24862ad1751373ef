"""Errors common to all formats: empty, too large, unknown type, .doc, missing file, directory; size limit."""

import builtins
import os
from pathlib import Path

import pytest

from chidao.documents.reader import files
from chidao.documents.reader.files import (
    DEFAULT_MAX_BYTES,
    UnreadableDocument,
    max_document_bytes,
    read_bytes,
    read_file,
)

ROOT = Path(__file__).resolve().parents[2]
FIX = ROOT / "tests/fixtures/files"


@pytest.fixture(autouse=True)
def _test_settings():
    """No Django here: shadow tests/conftest.py's settings fixture so these run with `-p no:django` too."""


def check(e: UnreadableDocument, code: str) -> UnreadableDocument:
    assert e.code == code
    assert e.vi.strip() and e.en.strip() and e.vi != e.en
    assert not e.vi.isascii(), "the Vietnamese message keeps its diacritics"
    assert str(e) == e.en
    return e


def read_error(data: bytes, name: str, **kw) -> UnreadableDocument:
    with pytest.raises(UnreadableDocument) as e:
        read_bytes(data, name, **kw)
    return e.value


@pytest.mark.parametrize("name", ["a.txt", "a.md", "a.docx", "a.pdf", "a.doc"])
def test_empty_file(name):
    e = check(read_error(b"", name), "empty_file")
    assert e.vi == "Tệp rỗng (0 byte)."


def test_too_large_names_the_limit_in_mb():
    e = check(read_error(b"x" * 3 * 1024 * 1024, "a.txt", max_bytes=2 * 1024 * 1024), "too_large")
    assert "giới hạn là 2 MB" in e.vi and "limit is 2 MB" in e.en
    assert "3 MB" in e.vi


def test_default_limit_is_20_mb_and_the_environment_overrides_it_at_call_time(monkeypatch):
    monkeypatch.delenv("CHIDAO_MAX_DOCUMENT_BYTES", raising=False)
    assert DEFAULT_MAX_BYTES == 20 * 1024 * 1024 == max_document_bytes()
    monkeypatch.setenv("CHIDAO_MAX_DOCUMENT_BYTES", "1048576")
    assert max_document_bytes() == 1048576
    e = check(read_error(b"a" * 1048577, "a.txt"), "too_large")
    assert "1 MB" in e.vi
    monkeypatch.setenv("CHIDAO_MAX_DOCUMENT_BYTES", "nonsense")
    assert max_document_bytes() == DEFAULT_MAX_BYTES


def test_read_file_checks_the_size_before_opening(tmp_path, monkeypatch):
    big = tmp_path / "big.txt"
    big.write_bytes(b"a" * 5000)

    def no_open(*a, **k):
        raise AssertionError("opened a file over the limit")

    monkeypatch.setattr(builtins, "open", no_open)
    with pytest.raises(UnreadableDocument) as e:
        read_file(big, max_bytes=4000)
    check(e.value, "too_large")


def test_read_file_never_reads_more_than_the_limit_plus_one(tmp_path, monkeypatch):
    grown = tmp_path / "grown.txt"
    grown.write_bytes(b"a" * 5000)
    real_stat = Path.stat
    monkeypatch.setattr(Path, "stat", lambda self, **k: os.stat_result((0,) * 6 + (10,) + (0,) * 3))
    sizes = []
    real_open = builtins.open

    class Spy:
        def __init__(self, f):
            self.f = f

        def __enter__(self):
            return self

        def __exit__(self, *a):
            self.f.close()

        def read(self, n=-1):
            sizes.append(n)
            return self.f.read(n)

    monkeypatch.setattr(builtins, "open", lambda *a, **k: Spy(real_open(*a, **k)))
    with pytest.raises(UnreadableDocument) as e:
        read_file(grown, max_bytes=100)  # stat said 10 bytes; the file has grown to 5000 since
    check(e.value, "too_large")
    assert sizes == [101]
    monkeypatch.setattr(Path, "stat", real_stat)


@pytest.mark.parametrize("name", ["a.odt", "a.rtf", "a.xlsx", "a.html", "noextension", "a.TXT.bak"])
def test_unsupported_format_names_the_accepted_ones(name):
    e = check(read_error(b"some content", name), "unsupported_format")
    for ext in (".txt", ".md", ".docx", ".pdf"):
        assert ext in e.vi and ext in e.en


def test_extension_is_case_insensitive():
    assert read_bytes("Văn bản".encode(), "A.TXT").text == "Văn bản"


@pytest.mark.parametrize("name", ["a.doc", "A.DOC"])
def test_old_word_doc_asks_to_save_as_docx(name):
    e = check(read_error(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(1000), name), "legacy_doc")
    assert ".docx" in e.vi and ".docx" in e.en
    assert "lưu lại thành .docx" in e.vi and "save it as .docx" in e.en


def test_missing_file(tmp_path):
    with pytest.raises(UnreadableDocument) as e:
        read_file(tmp_path / "khong-co.txt")
    check(e.value, "not_found")


def test_directory(tmp_path):
    with pytest.raises(UnreadableDocument) as e:
        read_file(tmp_path)
    check(e.value, "is_directory")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads every file")
def test_permission_denied(tmp_path):  # pragma: no cover - the project's machines run as root
    f = tmp_path / "a.txt"
    f.write_text("x")
    f.chmod(0)
    with pytest.raises(UnreadableDocument) as e:
        read_file(f)
    check(e.value, "permission_denied")


def test_every_fixture_error_has_a_specific_bilingual_message():
    expected = {
        "bomb.docx": "zip_bomb",
        "encrypted.pdf": "pdf_encrypted",
        "fake.docx": "not_docx",
        "garbage.txt": "binary_file",
        "scanned.pdf": "no_text_layer",
    }
    messages = set()
    for name, code in expected.items():
        with pytest.raises(UnreadableDocument) as e:
            read_file(FIX / name)
        check(e.value, code)
        messages.add(e.value.vi)
    assert len(messages) == len(expected)


def test_unreadable_document_shape():
    e = UnreadableDocument("x", "Lỗi", "Error")
    assert (e.code, e.vi, e.en, str(e)) == ("x", "Lỗi", "Error", "Error")
    assert isinstance(e, Exception)
    assert files.ReadText("t", "txt", "utf-8").warnings == []
