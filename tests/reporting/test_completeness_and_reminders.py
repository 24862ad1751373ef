import datetime as dt
import io
import json

from django.core import mail
from django.core.management import call_command

from chidao.reporting import flow
from chidao.reporting.completeness import completeness, totals
from chidao.reporting.models import Notice, Reminder, Report
from chidao.reporting.reminders import send_reminders


def _submit_on(report, user, day):
    flow.perform(report, "submit", user)
    at = dt.datetime.combine(day, dt.time(9), tzinfo=dt.timezone(dt.timedelta(hours=7)))
    Report.objects.filter(pk=report.pk).update(first_submitted_at=at, submitted_at=at)


def test_on_time_late_and_missing(regime, cast):
    period = regime.periods.get()
    health = period.reports.get(agency=cast.health)
    _submit_on(health, cast.users["health"], period.due_date)
    before_due = completeness(period.code, period.due_date)
    assert totals(before_due) == {"expected": 2, "submitted": 1, "on_time": 1, "late": 0}
    after_due = completeness(period.code, period.due_date + dt.timedelta(days=1))
    assert totals(after_due) == {"expected": 2, "submitted": 1, "on_time": 1, "late": 1}
    police = period.reports.get(agency=cast.police)
    _submit_on(police, cast.users["police"], period.due_date + dt.timedelta(days=3))
    rows = {r.agency_code: r for r in completeness(period.code, period.due_date + dt.timedelta(days=5))}
    assert (rows["cong-an-tinh"].submitted, rows["cong-an-tinh"].on_time, rows["cong-an-tinh"].late) == (1, 0, 1)


def test_completeness_command_prints_json(regime, cast):
    out = io.StringIO()
    call_command("completeness", "2013-h1", "--json", stdout=out)
    rows = json.loads(out.getvalue())
    assert {r["agency"] for r in rows} == {"Sở Y tế", "Công an tỉnh"}
    assert set(rows[0]) >= {"agency", "expected", "submitted", "on_time", "late", "status"}


def test_reminders_are_never_sent_twice(regime, cast, settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    cast.users["health"].email = "yte@laichau.gov.vn"
    cast.users["health"].save()
    due = regime.periods.get().due_date
    assert send_reminders(due - dt.timedelta(days=4)) == []
    first = send_reminders(due - dt.timedelta(days=3))
    assert len(first) == 2 and len(mail.outbox) == 1
    assert send_reminders(due - dt.timedelta(days=3)) == []
    # a run that missed the due day and the day after sends only the latest chaser, once
    late = send_reminders(due + dt.timedelta(days=2))
    assert {offset for _, offset in late} == {1}
    assert Reminder.objects.filter(offset_days=0).count() == 2
    assert send_reminders(due + dt.timedelta(days=2)) == []
    assert Notice.objects.filter(agency=cast.health).count() == 2


def test_submitted_reports_get_no_reminder(regime, cast):
    period = regime.periods.get()
    _submit_on(period.reports.get(agency=cast.health), cast.users["health"], period.due_date)
    sent = send_reminders(period.due_date + dt.timedelta(days=1))
    assert [report.agency for report, _ in sent] == [cast.police]


def test_chase_letter_names_the_overdue_agencies(regime, cast):
    import io

    import docx

    from chidao.reporting.chase import chase_letter

    period = regime.periods.get()
    _submit_on(period.reports.get(agency=cast.health), cast.users["health"], period.due_date)
    assert chase_letter(period.code, period.due_date) is None  # nobody is overdue on the due day
    letter = docx.Document(io.BytesIO(chase_letter(period.code, period.due_date + dt.timedelta(days=10))))
    text = "\n".join([p.text for p in letter.paragraphs] +
                     [c.text for t in letter.tables for r in t.rows for c in r.cells])
    assert "Công an tỉnh" in text and "quá hạn 10 ngày" in text
    assert "Sở Y tế" not in text.split("Kính gửi")[1].split("Nơi nhận")[0]


def test_a_reminder_shows_on_the_agencys_home_page(client, regime, cast):
    send_reminders(regime.periods.get().due_date)
    client.force_login(cast.users["health"])
    page = client.get("/").content.decode()
    assert "Hôm nay" in page and "là hạn nộp báo cáo" in page
