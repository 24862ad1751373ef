"""Reminders are data plus a loop: each run sends what has become due and records it, so nothing is sent twice."""
import datetime as dt

from django.conf import settings
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.urls import reverse

from chidao.accounts.models import Membership

from .models import Notice, Reminder, Report

#: Days relative to the due date: a reminder 3 days before, on the day, and chasers 1 and 7 days after.
DEFAULT_OFFSETS = (-3, 0, 1, 7)


def due_offsets(report: Report, today: dt.date, offsets=DEFAULT_OFFSETS) -> list[int]:
    return [o for o in offsets if today >= report.period.due_date + dt.timedelta(days=o)]


def send_reminders(today: dt.date, offsets=DEFAULT_OFFSETS) -> list[tuple[Report, int]]:
    """Remind the agencies whose report is not in yet. When several offsets became due since the last run only the
    latest is sent; the earlier ones are recorded as passed so they never fire late."""
    sent = []
    pending = Report.objects.filter(first_submitted_at__isnull=True).select_related("agency", "period")
    for report in pending:
        due = due_offsets(report, today, offsets)
        if not due:
            continue
        done = set(report.reminders.values_list("offset_days", flat=True))
        fresh = [o for o in due if o not in done]
        if not fresh:
            continue
        try:
            with transaction.atomic():
                for offset in fresh:  # claim them; a concurrent run fails on the unique key and sends nothing
                    Reminder.objects.create(report=report, offset_days=offset)
                _notify(report, max(fresh))
        except IntegrityError:
            continue
        sent.append((report, max(fresh)))
    return sent


def _notify(report: Report, offset: int) -> None:
    due = report.period.due_date.strftime("%d/%m/%Y")
    if offset < 0:
        text = f"Nhắc nộp báo cáo {report.period.label}: hạn nộp ngày {due}."
    elif offset == 0:
        text = f"Hôm nay ({due}) là hạn nộp báo cáo {report.period.label}."
    else:
        text = f"Báo cáo {report.period.label} đã quá hạn {offset} ngày (hạn {due}); đề nghị nộp ngay."
    url = reverse("report_detail", args=[report.pk])
    Notice.objects.create(agency=report.agency, text=text, url=url)
    emails = [m.user.email for m in Membership.objects.filter(agency=report.agency).select_related("user")
              if m.user.email]
    if emails:
        send_mail(f"[chidao] {text}", f"{text}\n\n{url}", settings.DEFAULT_FROM_EMAIL, emails)
