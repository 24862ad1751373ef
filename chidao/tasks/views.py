from pathlib import Path

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chidao.accounts.access import MEMBER, Role, grant_access
from chidao.lib.vntext import fold
from chidao.web.history import audit_rows

from . import flow
from .access import get_task_for_user, tasks_for_user
from .forms import DueDateForm, TaskActionForm, TaskFilterForm
from .models import OfficeStatus, TaskUpdate


@grant_access(MEMBER)
def task_list(request):
    today = timezone.localdate()
    form = TaskFilterForm(request.GET or None)
    tasks = tasks_for_user(request.user).with_office_status(today)
    if form.is_valid():
        data = form.cleaned_data
        if data["q"]:
            tasks = tasks.filter(search_text__contains=fold(data["q"]))
        if data["directive"]:
            tasks = tasks.filter(directive=data["directive"])
        if data["agency"]:
            tasks = tasks.filter(agency=data["agency"])
        if data["status"]:
            tasks = tasks.filter(office_status=data["status"])
        if data["state"]:
            tasks = tasks.filter(state=data["state"])
        if data["due_before"]:
            tasks = tasks.filter(due_date__lte=data["due_before"])
    return render(request, "tasks/task_list.html", {"form": form, "tasks": tasks[:500], "count": tasks.count(),
                                                    "statuses": OfficeStatus})


@grant_access(MEMBER)
def task_detail(request, pk: int):
    task = get_task_for_user(request, pk)
    return render(request, "tasks/task_detail.html", _detail_context(request, task))


def _detail_context(request, task, action_form=None):
    today = timezone.localdate()
    history = list(task.history.select_related("history_user"))
    for update in task.updates.all():
        history.extend(update.history.select_related("history_user"))
    membership = request.user.membership
    return {
        "task": task,
        "status": task.office_status(today),
        "updates": task.updates.select_related("author"),
        "actions": flow.available(request.user, task),
        "action_form": action_form or TaskActionForm(),
        "due_form": DueDateForm(instance=task) if _may_set_due(membership, task) else None,
        "history": audit_rows(history),
    }


def _may_set_due(membership, task) -> bool:
    return membership.role == Role.ADMIN or (
        membership.role == Role.COORDINATOR and membership.agency_id == task.directive.lead_agency_id)


@require_POST
@grant_access(Role.REPORTER, Role.COORDINATOR, Role.ADMIN)
def task_act(request, pk: int):
    task = get_task_for_user(request, pk)
    form = TaskActionForm(request.POST, request.FILES)
    if form.is_valid():
        data = form.cleaned_data
        if data["kind"] not in flow.TRANSITIONS:
            raise PermissionDenied
        try:
            flow.perform(task, data["kind"], request.user, note=data["note"] or "", progress=data["progress"],
                         evidence=data["evidence"], completed_on=data["completed_on"])
        except flow.TransitionRefused as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, _("Đã ghi nhận: %(what)s.") % {"what": flow.TRANSITIONS[data["kind"]].label})
            return redirect(task)
    task.refresh_from_db()
    return render(request, "tasks/task_detail.html", _detail_context(request, task, form), status=400)


@require_POST
@grant_access(Role.COORDINATOR, Role.ADMIN)
def task_set_due(request, pk: int):
    task = get_task_for_user(request, pk)
    if not _may_set_due(request.user.membership, task):
        raise PermissionDenied
    form = DueDateForm(request.POST, instance=task)
    if form.is_valid():
        task._history_user = request.user
        form.save()
        messages.success(request, _("Đã cập nhật hạn hoàn thành."))
    else:
        messages.error(request, _("Ngày không hợp lệ."))
    return redirect(task)


@grant_access(MEMBER)
def task_evidence(request, pk: int):
    """Evidence files are served only through this view, to users who may see the task."""
    update = get_object_or_404(TaskUpdate.objects.exclude(evidence=""), pk=pk)
    get_task_for_user(request, update.task_id)
    return FileResponse(update.evidence.open("rb"), as_attachment=True,
                        filename=Path(update.evidence.name).name)
