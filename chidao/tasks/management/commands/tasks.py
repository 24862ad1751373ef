import json

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from chidao.tasks.models import Task


class Command(BaseCommand):
    help = "Liệt kê nhiệm vụ / List stored tasks (chidao tasks [--directive 879/UBND-VX/2013] [--json])."

    def add_arguments(self, parser):
        parser.add_argument("--directive", help="số/ký hiệu/năm, e.g. 879/UBND-VX/2013")
        parser.add_argument("--json", action="store_true")

    def handle(self, *args, directive=None, json=False, **options):
        today = timezone.localdate()
        tasks = Task.objects.select_related("directive", "agency").order_by("directive_id", "id")
        if directive:
            number, _, rest = directive.partition("/")
            symbol, _, year = rest.rpartition("/")
            if not (number and symbol and year.isdigit()):
                raise CommandError("--directive: cần dạng SỐ/KÝ-HIỆU/NĂM / expected NUMBER/SYMBOL/YEAR, "
                                   "e.g. 879/UBND-VX/2013", returncode=2)
            tasks = tasks.filter(directive__number=number, directive__symbol=symbol, directive__year=int(year))
        rows = [{
            "directive": t.directive.key,
            "agency_code": t.agency.code,
            "agency": t.agency.name,
            "text": t.text,
            "status": t.office_status(today).value,
            "state": t.state,
            "due_date": t.due_date.isoformat() if t.due_date else None,
        } for t in tasks]
        if json:
            self.stdout.write(_dumps(rows))
            return
        for row in rows:
            self.stdout.write(f"{row['directive']:22s} {row['agency']:45s} {row['status']:13s} "
                              f"{row['due_date'] or '—':10s} {row['text'][:60]}")


def _dumps(rows) -> str:
    return json.dumps(rows, ensure_ascii=False, indent=2)
