from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from chidao.tasks.models import TaskUpdate


def test_reporter_sees_only_their_agencys_tasks(client, cast):
    client.force_login(cast.users["health"])
    page = client.get(reverse("task_list")).content.decode()
    assert cast.health_task.get_absolute_url() in page
    assert cast.police_task.get_absolute_url() not in page


def test_search_ignores_vietnamese_accents(client, cast):
    client.force_login(cast.users["leader"])
    page = client.get(reverse("task_list"), {"q": "so y te"}).content.decode()
    assert cast.health_task.get_absolute_url() in page
    assert cast.police_task.get_absolute_url() not in page


def test_posting_progress_with_a_file(client, cast):
    client.force_login(cast.users["health"])
    response = client.post(reverse("task_act", args=[cast.health_task.pk]), {
        "kind": "progress", "note": "Kiểm tra 5 cơ sở karaoke", "progress": "30",
        "evidence": SimpleUploadedFile("bien-ban.pdf", b"%PDF-1.4"),
    })
    assert response.status_code == 302
    update = TaskUpdate.objects.get()
    assert update.note == "Kiểm tra 5 cơ sở karaoke" and update.evidence


def test_a_refused_file_keeps_the_typed_note(client, cast):
    client.force_login(cast.users["health"])
    response = client.post(reverse("task_act", args=[cast.health_task.pk]), {
        "kind": "progress", "note": "Nội dung dài đã gõ", "evidence": SimpleUploadedFile("virus.exe", b"MZ"),
    })
    assert response.status_code == 400
    page = response.content.decode()
    assert "Loại tệp không được nhận" in page and "Nội dung dài đã gõ" in page
    assert not TaskUpdate.objects.exists()


def test_reporter_cannot_act_on_another_agencys_task(client, cast):
    client.force_login(cast.users["police"])
    response = client.post(reverse("task_act", args=[cast.health_task.pk]), {"kind": "progress", "note": "x"})
    assert response.status_code == 404
    assert not TaskUpdate.objects.exists()


def test_coordinator_sets_a_due_date_and_the_audit_shows_it(client, cast):
    client.force_login(cast.users["coordinator"])
    client.post(reverse("task_set_due", args=[cast.health_task.pk]), {"due_date": "2013-12-31"})
    latest = cast.health_task.history.first()
    assert latest.history_user == cast.users["coordinator"] and str(latest.due_date) == "2013-12-31"
    page = client.get(cast.health_task.get_absolute_url()).content.decode()
    history_table = page[page.index('class="history"'):]
    assert "Hạn hoàn thành: ∅ →" in history_table


def test_a_task_turns_overdue_on_the_home_page_the_day_after_its_due_date(client, cast):
    import datetime as dt
    from zoneinfo import ZoneInfo

    import time_machine

    cast.health_task.due_date = dt.date(2013, 12, 31)
    cast.health_task.save()
    client.force_login(cast.users["health"])
    hanoi = ZoneInfo("Asia/Ho_Chi_Minh")

    def overdue_tile() -> str:
        page = client.get(reverse("home")).content.decode()
        tile = page[page.index('data-tile="open_overdue"'):]
        return tile[tile.index('class="figure">') + 15:].split("<", 1)[0]

    with time_machine.travel(dt.datetime(2013, 12, 31, 23, 0, tzinfo=hanoi), tick=False):
        assert overdue_tile() == "0"
    with time_machine.travel(dt.datetime(2014, 1, 1, 0, 30, tzinfo=hanoi), tick=False):
        assert overdue_tile() == "1"
