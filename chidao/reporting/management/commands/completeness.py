import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from chidao.lib.periods import parse_period_code
from chidao.reporting.completeness import as_json_rows, completeness, totals


class Command(BaseCommand):
    help = "Tiến độ nộp báo cáo của một kỳ / Completeness of a period (chidao completeness 2013-H1 [--json])."

    def add_arguments(self, parser):
        parser.add_argument("period", help="2013-H1, 2013, 2013-Q3, 2013-09")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, period, **options):
        try:
            code = parse_period_code(period).code
        except ValueError as problem:
            raise CommandError(str(problem), returncode=2) from None
        rows = completeness(code, timezone.localdate())
        if not rows:
            raise CommandError(f"Không có báo cáo nào cho kỳ {code} / no reports for period {code}", returncode=2)
        if options["json"]:
            self.stdout.write(json.dumps(as_json_rows(rows), ensure_ascii=False, indent=2))
            return
        for row in rows:
            self.stdout.write(f"{row.agency:50s} nộp/submitted {row.submitted}  đúng hạn/on time {row.on_time}  "
                              f"muộn/late {row.late}  {row.status}")
        self.stdout.write(f"Tổng / total: {totals(rows)}")
