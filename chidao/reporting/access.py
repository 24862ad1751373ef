from chidao.accounts.access import get_scoped_or_404, scoped_to_user

from .models import Report

_RELATED = ("agency", "period", "period__regime", "period__regime__via", "period__regime__recipient",
            "period__regime__form")


def reports_for_user(user):
    return scoped_to_user(Report.objects.select_related(*_RELATED), user)


def get_report_for_user(request, pk: int) -> Report:
    return get_scoped_or_404(Report.objects.select_related(*_RELATED), request.user, pk)


def may_edit(user, report: Report) -> bool:
    """Figures are typed by the agency's reporters (administrators may help), only while the report is editable."""
    membership = getattr(user, "membership", None)
    if membership is None or not report.editable:
        return False
    return membership.role == "admin" or (membership.role == "reporter" and membership.agency_id == report.agency_id)
