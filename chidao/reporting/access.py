from django.http import Http404

from .models import Report


def reports_for_user(user):
    membership = getattr(user, "membership", None)
    reports = Report.objects.select_related("agency", "period", "period__regime", "period__regime__via",
                                            "period__regime__recipient", "period__regime__form")
    if membership is None:
        return reports.none()
    if membership.sees_all:
        return reports
    return reports.filter(agency_id=membership.agency_id)


def get_report_for_user(request, pk: int) -> Report:
    try:
        return reports_for_user(request.user).get(pk=pk)
    except Report.DoesNotExist:
        raise Http404 from None


def may_edit(user, report: Report) -> bool:
    """Figures are typed by the agency's reporters (administrators may help), only while the report is editable."""
    membership = getattr(user, "membership", None)
    if membership is None or not report.editable:
        return False
    return membership.role == "admin" or (membership.role == "reporter" and membership.agency_id == report.agency_id)
