"""`chidao demo` (and so ./run.sh) can run again and again: it adds what is missing and keeps what is there."""
import datetime as dt

from chidao.documents.models import Directive
from chidao.reporting.models import Report, ReportEvent
from chidao.tasks.models import Task, TaskUpdate
from chidao.web.demo import load_demo


def _counts():
    return (Directive.objects.count(), Task.objects.count(), TaskUpdate.objects.count(), Report.objects.count(),
            ReportEvent.objects.count())


def test_loading_again_changes_nothing_and_keeps_edits(demo_data, django_user_model):
    before = _counts()
    task = Task.objects.filter(agency__code="so-y-te").first()
    task.due_date = dt.date(2014, 3, 31)
    task.save()
    user = django_user_model.objects.get(username="yte")
    user.set_password("doi-mat-khau-roi")
    user.save()
    load_demo(log=lambda *args: None)
    assert _counts() == before
    assert Task.objects.get(pk=task.pk).due_date == dt.date(2014, 3, 31)
    assert django_user_model.objects.get(username="yte").check_password("doi-mat-khau-roi")


def test_the_demo_tells_the_story_the_issues_ask_for(demo_data):
    directive = Directive.objects.get(number="879", symbol="UBND-VX", year=2013)
    assert directive.sections.count() == 7 and directive.lead_agency.code == "so-ldtbxh"
    assert sorted(directive.reporting_duties.values_list("frequency", flat=True)) == ["6 tháng", "năm"]
    h1 = Report.objects.filter(period__code="2013-H1")
    assert h1.filter(status="returned").count() == 1 and h1.filter(first_submitted_at__isnull=True).count() == 1
    late = [r for r in h1.exclude(first_submitted_at__isnull=True) if not r.is_on_time()]
    assert len(late) == 1
    assert Report.objects.filter(period__code="2013").exists()
