from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from chidao.lib.periods import parse_period_code
from chidao.reporting.models import ReportingPeriod


class Command(BaseCommand):
    help = ("Xuất báo cáo tổng hợp của một kỳ / Write the provincial report of a period "
            "(chidao report 2013-H1 --format docx|xlsx|pdf --out FILE).")

    def add_arguments(self, parser):
        parser.add_argument("period", help="2013-H1, 2013")
        parser.add_argument("--format", choices=["docx", "xlsx", "pdf"], default="docx")
        parser.add_argument("--out", required=True)

    def handle(self, *args, period, format, out, **options):
        from chidao.consolidation.outputs.pdf import PdfUnavailable
        from chidao.consolidation.views import render_report

        try:
            code = parse_period_code(period).code
        except ValueError as problem:
            raise CommandError(str(problem), returncode=2) from None
        if not ReportingPeriod.objects.filter(code=code).exists():
            raise CommandError(f"Không có kỳ báo cáo {code} / no reporting period {code}", returncode=2)
        try:
            data = render_report(code, format)
        except PdfUnavailable as problem:
            raise CommandError(str(problem), returncode=2) from None
        try:
            Path(out).write_bytes(data)
        except OSError as problem:
            raise CommandError(f"{out}: không ghi được / cannot write: {problem.strerror}", returncode=2) from None
        self.stdout.write(f"Đã ghi / written: {out} ({len(data):,} bytes)")
