from django.db.models import Count
from django.shortcuts import render
from django.utils import timezone

from chidao.accounts.access import MEMBER, grant_access
from chidao.documents.models import Directive
from chidao.reporting.models import Notice
from chidao.tasks.access import tasks_for_user
from chidao.tasks.models import OfficeStatus


@grant_access(MEMBER)
def home(request):
    today = timezone.localdate()
    tasks = tasks_for_user(request.user).with_office_status(today)
    counts = dict(tasks.values_list("office_status").annotate(n=Count("id")).values_list("office_status", "n"))
    tiles = [(status, counts.get(status.value, 0)) for status in OfficeStatus]
    overdue = tasks.filter(office_status=OfficeStatus.OPEN_OVERDUE).order_by("due_date")[:20]
    directives = Directive.objects.select_related("lead_agency").prefetch_related("sections", "reporting_duties")
    notices = Notice.objects.filter(agency_id=request.user.membership.agency_id)[:10]
    return render(request, "web/home.html", {"directives": directives[:20], "tiles": tiles, "overdue": overdue,
                                             "today": today, "notices": notices})
