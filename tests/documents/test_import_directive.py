"""Importing a directive: upload, review, save; and what is refused with nothing stored."""
import io
import json
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.urls import reverse

from chidao.documents.models import Directive, PendingImport
from chidao.orgs import dataset
from chidao.orgs.services import load_dataset
from chidao.tasks.models import Task

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures"
CV879 = (FIXTURES / "corpus" / "docs" / "000.txt").read_bytes()


@pytest.fixture
def coordinator(client, cast):
    load_dataset(dataset.load())
    client.force_login(cast.users["coordinator"])
    return client


def _upload(client, name: str, data: bytes):
    return client.post(reverse("directive_upload"), {"document": SimpleUploadedFile(name, data)})


def test_upload_review_and_save_the_founding_directive(coordinator):
    response = _upload(coordinator, "cv879.txt", CV879)
    assert response.status_code == 302
    review = coordinator.get(response.url)
    page = review.content.decode()
    assert "<mark" in page and "Sở Y tế" in page
    form = review.context["form"]
    data = {name: field.value() for name, field in ((n, form[n]) for n in form.fields)}
    post = {k: (v if v is not None else "") for k, v in data.items()}
    saved = coordinator.post(response.url, post)
    assert saved.status_code == 302
    directive = Directive.objects.get(number="879", symbol="UBND-VX", year=2013)
    assert directive.lead_agency.code == "so-ldtbxh"
    codes = set(directive.tasks.values_list("agency__code", flat=True))
    assert {"so-ldtbxh", "cong-an-tinh", "so-y-te", "so-vhttdl", "ubmttq-tinh"} <= codes
    assert sorted(directive.reporting_duties.values_list("frequency", flat=True)) == ["6 tháng", "năm"]
    assert not PendingImport.objects.exists()


def test_a_corrected_link_is_what_gets_saved(coordinator, cast):
    response = _upload(coordinator, "cv879.txt", CV879)
    form = coordinator.get(response.url).context["form"]
    post = {n: (form[n].value() if form[n].value() is not None else "") for n in form.fields}
    task_fields = [n for n in form.fields if n.startswith("task_")]
    for name in task_fields:
        post[name] = []
    post[task_fields[0]] = [cast.health.pk]
    assert coordinator.post(response.url, post).status_code == 302
    assert list(Task.objects.filter(directive__number="879").values_list("agency__code", flat=True)) == ["so-y-te"]


def test_reimporting_the_same_reference_is_refused_with_a_link(coordinator):
    call_command("import_directive", str(FIXTURES / "corpus" / "docs" / "000.txt"), stdout=io.StringIO())
    response = _upload(coordinator, "again.txt", CV879)
    assert response.status_code == 400
    existing = Directive.objects.get(number="879", year=2013)
    assert existing.get_absolute_url() in response.content.decode()
    assert Directive.objects.filter(number="879").count() == 1 and not PendingImport.objects.exists()


@pytest.mark.parametrize("name,data,message", [
    pytest.param("anh.png", b"\x89PNG\r\n\x1a\n" + bytes(200), "Chỉ nhận tệp", id="not-a-document"),
    pytest.param("rong.txt", b"", "", id="empty"),
    pytest.param("rac.docx", b"day khong phai zip", "docx", id="docx-not-zip"),
    pytest.param("thu-moi.txt", "Kính mời các đồng chí dự họp lúc 8 giờ.".encode(), "Không nhận ra cơ quan",
                 id="no-assignee"),
])
def test_bad_uploads_store_nothing(coordinator, name, data, message):
    response = _upload(coordinator, name, data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Directive.objects.filter(number="879").exists() and not PendingImport.objects.exists()


def test_an_oversized_upload_is_refused(coordinator, settings):
    settings.CHIDAO_MAX_DOCUMENT_BYTES = 1000
    response = _upload(coordinator, "cv879.txt", CV879)
    assert response.status_code == 400 and "Tệp quá lớn" in response.content.decode()
    assert not PendingImport.objects.exists()


def test_cli_import_then_tasks_json(db):
    load_dataset(dataset.load())
    call_command("import_directive", str(FIXTURES / "corpus" / "docs" / "000.txt"), stdout=io.StringIO())
    out = io.StringIO()
    call_command("tasks", "--directive", "879/UBND-VX/2013", "--json", stdout=out)
    rows = json.loads(out.getvalue())
    assert {row["agency_code"] for row in rows} >= {"so-ldtbxh", "cong-an-tinh", "so-y-te", "so-vhttdl"}
    assert set(rows[0]) == {"directive", "agency_code", "agency", "text", "status", "state", "due_date"}
    assert all(row["directive"] == "879/UBND-VX/2013" for row in rows)


def test_cli_import_of_an_unreadable_file_exits_2(db, tmp_path):
    bad = tmp_path / "scan.pdf"
    bad.write_bytes((FIXTURES / "files" / "scanned.pdf").read_bytes())
    with pytest.raises(CommandError) as raised:
        call_command("import_directive", str(bad))
    assert raised.value.returncode == 2 and "OCR" in str(raised.value)
    assert not Directive.objects.exists()
