"""The report workflow, one table of transitions, each guarded by compare-and-set and logged as a ReportEvent.

    draft ──submit──▶ submitted ──accept──▶ accepted
      returned ◀──return──┘                  │
      returned ──submit──▶ submitted          └──reopen (with a reason)──▶ returned

Reporters of the report's agency submit; the regime's lead agency (its coordinator) and administrators return,
accept and reopen. Side effects, stated here and nowhere else: submit stamps `submitted_at` (and
`first_submitted_at` once, which decides on-time); accept stamps `accepted_at` and publishes the figures to the
consolidated tables; reopen withdraws them.
"""
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chidao.accounts.roles import Role
from chidao.lib.workflow import Transition, TransitionRefused, advance

from . import services
from .models import Report, ReportEvent

Status = Report.Status


TRANSITIONS = {
    "submit": Transition("submit", (Status.DRAFT, Status.RETURNED), Status.SUBMITTED, "agency", False,
                         gettext_lazy("Nộp báo cáo")),
    "return": Transition("return", (Status.SUBMITTED,), Status.RETURNED, "lead", True, gettext_lazy("Trả lại")),
    "accept": Transition("accept", (Status.SUBMITTED,), Status.ACCEPTED, "lead", False, gettext_lazy("Tiếp nhận")),
    "reopen": Transition("reopen", (Status.ACCEPTED,), Status.RETURNED, "lead", True,
                         gettext_lazy("Mở lại để sửa")),
}


def may_act(user, report: Report, transition: Transition) -> bool:
    membership = getattr(user, "membership", None)
    if membership is None:
        return False
    if membership.role == Role.ADMIN:
        return True
    if transition.actors == "agency":
        return membership.role == Role.REPORTER and membership.agency_id == report.agency_id
    lead = report.period.regime.lead_agency
    return membership.role == Role.COORDINATOR and lead is not None and membership.agency_id == lead.pk


def available(user, report: Report) -> list[Transition]:
    return [t for t in TRANSITIONS.values() if report.status in t.sources and may_act(user, report, t)]


def blocking_issues(report: Report) -> list:
    """Errors, and warnings that have no comment yet: both stop a submission."""
    comments = services.comments_of(report)
    return [issue for issue in services.check(report)
            if issue.is_error or not comments.get((issue.indicator, issue.column), "").strip()]


def perform(report: Report, name: str, user, note: str = "") -> ReportEvent:
    transition = TRANSITIONS[name]
    if not may_act(user, report, transition):
        raise TransitionRefused(_("Bạn không có quyền thực hiện thao tác này."))
    if transition.note_required and not note.strip():
        raise TransitionRefused(_("Cần ghi lý do."))
    now = timezone.now()
    with transaction.atomic():
        # Lock first (PostgreSQL) so no save slips in between the check and the transition.
        Report.objects.select_for_update().filter(pk=report.pk).exists()
        if name == "submit" and blocking_issues(report):
            raise TransitionRefused(_("Báo cáo còn lỗi hoặc cảnh báo chưa giải trình; hãy sửa trước khi nộp."))
        stamps = {"submit": {"submitted_at": now}, "accept": {"accepted_at": now},
                  "reopen": {"accepted_at": None}}.get(name, {})
        # Compare-and-set: of two clicks or two tabs, exactly one finds the report still in a source status.
        if not advance(Report.objects, report.pk, "status", transition, **stamps):
            raise TransitionRefused(_("Báo cáo đã được xử lý ở nơi khác; hãy tải lại trang."))
        from_status = report.status if report.status in transition.sources else transition.sources[0]
        if name == "submit":
            Report.objects.filter(pk=report.pk, first_submitted_at__isnull=True).update(first_submitted_at=now)
        report.refresh_from_db()
        event = ReportEvent.objects.create(report=report, actor=user, from_status=from_status,
                                           to_status=transition.target, note=note.strip())
        _side_effects(name, report)
        return event


def _side_effects(name: str, report: Report) -> None:
    from chidao.consolidation import publish

    if name == "accept":
        publish.publish(report)
    elif name == "reopen":
        publish.withdraw(report)
