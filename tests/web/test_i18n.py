"""Vietnamese by default, English on request, and an English catalogue with nothing left untranslated.

New strings reach the catalogue through `scripts/make-translations.sh` (makemessages + msgfmt); the catalogue
tests below then fail until every new entry has an English msgstr and no entry is fuzzy.
"""
import ast
import gettext
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.urls import reverse
from django.utils import translation

CATALOGUE = Path(settings.BASE_DIR) / "chidao" / "locale" / "en" / "LC_MESSAGES" / "django.po"
COMPILED = CATALOGUE.with_suffix(".mo")

# (English, Vietnamese msgid) pairs the pages must show in English and must no longer show in Vietnamese.
LOGIN_STRINGS = [("Log in", "Đăng nhập"), ("Username", "Tên đăng nhập"), ("Password", "Mật khẩu")]
HOME_STRINGS = [
    ("Overview", "Tổng quan"),
    ("Log out", "Đăng xuất"),
    ("Periodic reports", "Báo cáo định kỳ"),
    ("Report completeness", "Tiến độ nộp báo cáo"),
    ("Dashboard", "Bảng điều khiển"),
    ("Pivot table", "Bảng tổng hợp"),
    ("Directives being tracked", "Văn bản chỉ đạo đang theo dõi"),
    ("Not done, within deadline", "Chưa hoàn thành trong hạn"),
    ("Not done, overdue", "Chưa hoàn thành quá hạn"),
    ("Leader (read-only)", "Lãnh đạo (chỉ xem)"),
]


@pytest.fixture(autouse=True)
def _keep_active_language():
    """LocaleMiddleware activates English for the request's thread; leave the thread as this test found it."""
    with translation.override(translation.get_language()):
        yield


def test_log_in_page_is_vietnamese_by_default(client):
    html = client.get(reverse("login")).content.decode()
    assert '<html lang="vi">' in html
    for english, vietnamese in LOGIN_STRINGS:
        assert vietnamese in html
        assert english not in html


def test_set_language_switches_log_in_and_home_to_english(client, cast):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302

    html = client.get(reverse("login")).content.decode()
    assert '<html lang="en">' in html
    for english, vietnamese in LOGIN_STRINGS:
        assert english in html
        assert vietnamese not in html

    client.force_login(cast.users["leader"])
    response = client.get(reverse("home"))
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="en">' in html
    for english, vietnamese in HOME_STRINGS:
        assert english in html, english
        assert vietnamese not in html, vietnamese


# --- the catalogue itself (stdlib only: no polib) ---------------------------------------------------------------

def _unquote(line: str) -> str:
    """The text of one PO string line `"…"`, escapes resolved."""
    return ast.literal_eval(line.strip())


def read_catalogue(path: Path) -> list[dict]:
    """Entries of a PO file: {"flags", "msgctxt", "msgid", "msgid_plural", "msgstr": [..]}; obsolete (#~) skipped."""
    entries, entry, field = [], None, None

    def finish():
        if entry is not None and "msgid" in entry:
            entries.append(entry)

    for raw in path.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not line:
            finish()
            entry, field = None, None
            continue
        if entry is None:
            entry = {"flags": set(), "msgctxt": None, "msgid_plural": None, "msgstr": {}}
        if line.startswith("#~"):
            continue
        if line.startswith("#,"):
            entry["flags"].update(flag.strip() for flag in line[2:].split(","))
        elif line.startswith("#"):
            continue
        elif line.startswith('"'):
            if isinstance(field, tuple):
                entry["msgstr"][field[1]] += _unquote(line)
            else:
                entry[field] += _unquote(line)
        else:
            keyword, _, rest = line.partition(" ")
            if keyword.startswith("msgstr"):
                index = int(keyword[7:-1]) if keyword.startswith("msgstr[") else 0
                field = ("msgstr", index)
                entry["msgstr"][index] = _unquote(rest)
            else:
                field = keyword
                entry[field] = _unquote(rest)
    finish()
    return entries


def messages() -> list[dict]:
    return [e for e in read_catalogue(CATALOGUE) if e["msgid"] != ""]


def test_catalogue_exists_and_has_entries():
    assert CATALOGUE.exists(), "run scripts/make-translations.sh"
    assert len(messages()) > 100


def test_no_entry_is_untranslated_or_fuzzy():
    entries = read_catalogue(CATALOGUE)
    fuzzy = [e["msgid"] or "(header)" for e in entries if "fuzzy" in e["flags"]]
    untranslated = [e["msgid"] for e in messages() if not e["msgstr"] or any(s == "" for s in e["msgstr"].values())]
    assert not fuzzy, f"fuzzy entries in {CATALOGUE.name}: {fuzzy}"
    assert not untranslated, f"untranslated entries in {CATALOGUE.name}: {untranslated}"


PLACEHOLDER = re.compile(r"%\([^)]+\)[#0 +-]*\d*(?:\.\d+)?[diouxXeEfFgGcrsa]|%%|\{[^{}]*\}")


def test_translations_keep_placeholders_and_edge_spaces():
    wrong = []
    for e in messages():
        for msgstr in e["msgstr"].values():
            if sorted(PLACEHOLDER.findall(e["msgid"])) != sorted(PLACEHOLDER.findall(msgstr)):
                wrong.append((e["msgid"], msgstr, "placeholders"))
            for edge in (str.startswith, str.endswith):
                if edge(e["msgid"], " ") != edge(msgstr, " "):
                    wrong.append((e["msgid"], msgstr, "leading/trailing space"))
    assert not wrong


def test_compiled_catalogue_matches_the_po():
    """Django reads the .mo only: a .po edited without recompiling would show Vietnamese silently."""
    assert COMPILED.exists(), "run scripts/make-translations.sh"
    with COMPILED.open("rb") as f:
        compiled = gettext.GNUTranslations(f)
    stale = [e["msgid"] for e in messages() if e["msgctxt"] is None and e["msgid_plural"] is None
             and compiled.gettext(e["msgid"]) != e["msgstr"][0]]
    assert not stale, f"{COMPILED.name} is older than {CATALOGUE.name}; run scripts/make-translations.sh: {stale}"
