import datetime as dt

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from chidao.reporting.reminders import send_reminders


class Command(BaseCommand):
    help = ("Gửi nhắc nhở nộp báo cáo (chạy bằng cron) / Send due reminders, never the same one twice "
            "(run from cron).")

    def add_arguments(self, parser):
        parser.add_argument("--today", help="YYYY-MM-DD (mặc định: hôm nay / default: today)")

    def handle(self, *args, today=None, **options):
        try:
            day = dt.date.fromisoformat(today) if today else timezone.localdate()
        except ValueError:
            raise CommandError("--today: cần dạng YYYY-MM-DD / expected YYYY-MM-DD", returncode=2) from None
        sent = send_reminders(day)
        for report, offset in sent:
            self.stdout.write(f"{report.agency} · {report.period.label} · {offset:+d} ngày/days")
        self.stdout.write(f"Đã gửi / sent: {len(sent)}")
