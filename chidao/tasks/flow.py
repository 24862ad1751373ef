"""The task workflow: every transition in one table, each guarded by compare-and-set and logged as a TaskUpdate.

    open ──report_completion──▶ reported ──confirm──▶ done
      ▲                            │                   │
      └──────────return────────────┘◀──────reopen──────┘   (reopen goes back to open)

Progress notes (post_progress) keep the task open. Reporters act on their own agency's tasks; the coordinator
of the directive's lead agency (and administrators) confirm, return and reopen. Side effects: `completed_on`
is set when completion is reported (the date the reporter gives) and cleared on return and reopen.
"""
import datetime as dt

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from chidao.accounts.roles import Role
from chidao.lib.workflow import Transition, TransitionRefused, advance

from .models import Task, TaskUpdate

State = Task.State
Kind = TaskUpdate.Kind


TRANSITIONS = {
    Kind.PROGRESS: Transition(Kind.PROGRESS, (State.OPEN,), State.OPEN, "agency", True,
                              gettext_lazy("Cập nhật tiến độ")),
    Kind.COMPLETION: Transition(Kind.COMPLETION, (State.OPEN,), State.REPORTED, "agency", True,
                                gettext_lazy("Báo cáo hoàn thành")),
    Kind.CONFIRMED: Transition(Kind.CONFIRMED, (State.REPORTED,), State.DONE, "lead", False,
                               gettext_lazy("Xác nhận hoàn thành")),
    Kind.RETURNED: Transition(Kind.RETURNED, (State.REPORTED,), State.OPEN, "lead", True,
                              gettext_lazy("Trả lại")),
    Kind.REOPENED: Transition(Kind.REOPENED, (State.DONE,), State.OPEN, "lead", True, gettext_lazy("Mở lại")),
}


def may_act(user, task: Task, transition: Transition) -> bool:
    membership = getattr(user, "membership", None)
    if membership is None:
        return False
    if transition.actors == "agency":
        return membership.role == Role.ADMIN or (
            membership.role == Role.REPORTER and membership.agency_id == task.agency_id)
    lead_id = task.directive.lead_agency_id
    return membership.role == Role.ADMIN or (
        membership.role == Role.COORDINATOR and lead_id is not None and membership.agency_id == lead_id)


def available(user, task: Task) -> list[Transition]:
    return [t for t in TRANSITIONS.values() if task.state in t.sources and may_act(user, task, t)]


def perform(task: Task, kind: str, user, *, note: str = "", progress: int | None = None, evidence=None,
            completed_on: dt.date | None = None) -> TaskUpdate:
    transition = TRANSITIONS[kind]
    if not may_act(user, task, transition):
        raise TransitionRefused(_("Bạn không có quyền thực hiện thao tác này."))
    if transition.note_required and not note.strip():
        raise TransitionRefused(_("Cần ghi nội dung."))
    with transaction.atomic():
        # Compare-and-set: of two clicks, or two tabs, exactly one finds the task still in a source state.
        if not advance(Task.objects, task.pk, "state", transition):
            raise TransitionRefused(_("Nhiệm vụ đã được người khác xử lý; hãy tải lại trang."))
        from_state = task.state if task.state in transition.sources else transition.sources[0]
        task.refresh_from_db()
        if progress is not None:
            task.progress = progress
        if kind == Kind.COMPLETION:
            task.progress = 100
            task.completed_on = completed_on or timezone.localdate()
        elif kind in (Kind.RETURNED, Kind.REOPENED):
            task.completed_on = None
        task._history_user = user
        task.save()  # the history row records the fields this transition changed
        return TaskUpdate.objects.create(task=task, kind=kind, author=user, note=note.strip(), progress=progress,
                                         evidence=evidence or "", from_state=from_state, to_state=transition.target)
