from django.urls import reverse

from chidao.reporting import services
from chidao.reporting.models import ReportValue


def test_autosave_saves_one_figure(client, cast, health_report):
    client.force_login(cast.users["health"])
    response = client.post(reverse("report_autosave", args=[health_report.pk]), {"v__kt-luot__total": "1.234"})
    assert "Đã lưu" in response.content.decode()
    assert services.values_of(health_report)[("kt-luot", "total")] == 1234


def test_autosave_refuses_text_and_keeps_the_saved_value(client, cast, health_report):
    services.save_report(health_report, values={("kt-luot", "total"): 7})
    client.force_login(cast.users["health"])
    response = client.post(reverse("report_autosave", args=[health_report.pk]), {"v__kt-luot__total": "mười"})
    assert "Chưa lưu" in response.content.decode() and "không phải là số" in response.content.decode()
    assert services.values_of(health_report)[("kt-luot", "total")] == 7


def test_a_failed_full_save_shows_what_was_typed_and_saves_nothing(client, cast, health_report):
    client.force_login(cast.users["health"])
    response = client.post(reverse("report_save", args=[health_report.pk]), {
        "v__kt-luot__total": "12", "v__tt-buoi__total": "nhiều", "n__results": "Đoạn văn dài đã gõ cẩn thận"})
    assert response.status_code == 400
    page = response.content.decode()
    assert "Đoạn văn dài đã gõ cẩn thận" in page and 'value="nhiều"' in page
    assert not ReportValue.objects.exists()


def test_another_agency_cannot_see_or_save_the_report(client, cast, health_report):
    client.force_login(cast.users["police"])
    assert client.get(health_report.get_absolute_url()).status_code == 404
    assert client.post(reverse("report_save", args=[health_report.pk]), {"v__kt-luot__total": "1"}).status_code == 404


def test_leader_reads_but_cannot_save(client, cast, health_report):
    client.force_login(cast.users["leader"])
    assert client.get(health_report.get_absolute_url()).status_code == 200
    assert client.post(reverse("report_save", args=[health_report.pk]), {}).status_code == 403
