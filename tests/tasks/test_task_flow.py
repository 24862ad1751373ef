import datetime as dt

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from chidao.tasks import flow
from chidao.tasks.models import Task, TaskUpdate


def test_reporter_posts_progress_with_evidence(cast):
    evidence = SimpleUploadedFile("bien-ban-kiem-tra.pdf", b"%PDF-1.4 x")
    update = flow.perform(cast.health_task, "progress", cast.users["health"], note="Đã kiểm tra 12 cơ sở",
                          progress=40, evidence=evidence)
    cast.health_task.refresh_from_db()
    assert (cast.health_task.state, cast.health_task.progress) == ("open", 40)
    assert update.evidence.name.endswith(".pdf") and update.from_state == update.to_state == "open"


def test_return_then_complete_then_confirm(cast):
    task, health, lead = cast.health_task, cast.users["health"], cast.users["coordinator"]
    flow.perform(task, "completion", health, note="Xong", completed_on=dt.date(2013, 11, 30))
    flow.perform(task, "returned", lead, note="Thiếu biên bản kiểm tra")
    task.refresh_from_db()
    assert task.state == "open" and task.completed_on is None
    flow.perform(task, "completion", health, note="Bổ sung biên bản", completed_on=dt.date(2013, 12, 2))
    flow.perform(task, "confirmed", lead)
    task.refresh_from_db()
    assert task.state == "done" and task.completed_on == dt.date(2013, 12, 2)
    kinds = list(task.updates.values_list("kind", "from_state", "to_state"))
    assert kinds == [("completion", "open", "reported"), ("returned", "reported", "open"),
                     ("completion", "open", "reported"), ("confirmed", "reported", "done")]
    # the audit trail names who changed what
    assert {record.history_user for record in task.history.all() if record.history_user} == {health, lead}


@pytest.mark.parametrize("actor,kind", [
    pytest.param("police", "progress", id="another-agency-reporter"),
    pytest.param("leader", "progress", id="leader-reads-only"),
    pytest.param("coordinator", "progress", id="coordinator-does-not-report-for-agencies"),
])
def test_who_may_not_report_on_a_task(cast, actor, kind):
    with pytest.raises(flow.TransitionRefused):
        flow.perform(cast.health_task, kind, cast.users[actor], note="x")
    assert not TaskUpdate.objects.exists()


def test_only_the_lead_agency_confirms(cast):
    flow.perform(cast.health_task, "completion", cast.users["health"], note="Xong")
    for actor in ("health", "police", "leader"):
        with pytest.raises(flow.TransitionRefused):
            flow.perform(cast.health_task, "confirmed", cast.users[actor])
    cast.health_task.directive.lead_agency = None
    cast.health_task.directive.save()
    with pytest.raises(flow.TransitionRefused):
        flow.perform(cast.health_task, "confirmed", cast.users["coordinator"])


def test_a_return_needs_a_note(cast):
    flow.perform(cast.health_task, "completion", cast.users["health"], note="Xong")
    with pytest.raises(flow.TransitionRefused):
        flow.perform(cast.health_task, "returned", cast.users["coordinator"], note="  ")
    assert Task.objects.get(pk=cast.health_task.pk).state == "reported"


def test_a_stale_second_click_confirms_once(cast):
    flow.perform(cast.health_task, "completion", cast.users["health"], note="Xong")
    first = Task.objects.get(pk=cast.health_task.pk)
    second = Task.objects.get(pk=cast.health_task.pk)  # the same page open in another tab
    flow.perform(first, "confirmed", cast.users["coordinator"])
    with pytest.raises(flow.TransitionRefused):
        flow.perform(second, "confirmed", cast.users["coordinator"])
    assert TaskUpdate.objects.filter(kind="confirmed").count() == 1


def test_reopen_clears_the_completion_date(cast):
    flow.perform(cast.health_task, "completion", cast.users["health"], note="Xong")
    flow.perform(cast.health_task, "confirmed", cast.users["coordinator"])
    flow.perform(Task.objects.get(pk=cast.health_task.pk), "reopened", cast.users["coordinator"],
                 note="Phát hiện cơ sở vi phạm mới")
    task = Task.objects.get(pk=cast.health_task.pk)
    assert (task.state, task.completed_on) == ("open", None)
