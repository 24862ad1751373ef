import threading
from decimal import Decimal as D

import pytest
from django.db import connection

from chidao.consolidation.models import ConsolidatedValue
from chidao.reporting import flow, services
from chidao.reporting.models import Report, ReportEvent


def test_periods_and_reports_are_generated_once(regime):
    assert [p.code for p in regime.periods.all()] == ["2013-H1"]
    assert regime.periods.get().reports.count() == 2
    services.ensure_periods(regime)
    assert services.ensure_reports(regime) == 0


def test_submit_return_resubmit_accept(health_report, cast):
    reporter, lead = cast.users["health"], cast.users["coordinator"]
    services.save_report(health_report, values={("kt-luot", "total"): D(12)})
    flow.perform(health_report, "submit", reporter)
    flow.perform(health_report, "return", lead, note="Thiếu số cơ sở vi phạm")
    assert Report.objects.get(pk=health_report.pk).editable
    flow.perform(health_report, "submit", reporter)
    flow.perform(health_report, "accept", lead)
    report = Report.objects.get(pk=health_report.pk)
    assert report.status == "accepted" and not report.editable
    assert list(report.events.values_list("from_status", "to_status")) == [
        ("draft", "submitted"), ("submitted", "returned"), ("returned", "submitted"), ("submitted", "accepted")]
    assert report.events.get(to_status="returned").note == "Thiếu số cơ sở vi phạm"


def test_an_accepted_report_is_locked(health_report, cast):
    flow.perform(health_report, "submit", cast.users["health"])
    flow.perform(health_report, "accept", cast.users["coordinator"])
    with pytest.raises(services.ReportLocked):
        services.save_report(health_report, values={("kt-luot", "total"): D(1)})


def test_reopen_needs_a_reason_and_withdraws_the_figures(health_report, cast):
    services.save_report(health_report, values={("kt-luot", "total"): D(12)})
    flow.perform(health_report, "submit", cast.users["health"])
    flow.perform(health_report, "accept", cast.users["coordinator"])
    assert ConsolidatedValue.objects.filter(report=health_report).count() == 1
    with pytest.raises(flow.TransitionRefused):
        flow.perform(health_report, "reopen", cast.users["coordinator"], note="")
    flow.perform(health_report, "reopen", cast.users["coordinator"], note="Sai số liệu kiểm tra")
    assert not ConsolidatedValue.objects.filter(report=health_report).exists()
    flow.perform(health_report, "submit", cast.users["health"])
    flow.perform(health_report, "accept", cast.users["coordinator"])
    assert ConsolidatedValue.objects.get(report=health_report).value == D(12)


def test_errors_block_submission(health_report, cast):
    services.save_report(health_report, values={("vp-co-so", "karaoke"): D(5), ("kt-co-so", "karaoke"): D(2)})
    with pytest.raises(flow.TransitionRefused):
        flow.perform(health_report, "submit", cast.users["health"])
    assert Report.objects.get(pk=health_report.pk).status == "draft"


@pytest.mark.parametrize("actor,action", [("police", "submit"), ("leader", "submit"), ("health", "accept"),
                                          ("leader", "accept")])
def test_who_may_not_move_a_report(health_report, cast, actor, action):
    if action == "accept":
        flow.perform(health_report, "submit", cast.users["health"])
    with pytest.raises(flow.TransitionRefused):
        flow.perform(health_report, action, cast.users[actor])


def test_a_double_click_submits_once(health_report, cast):
    first, second = Report.objects.get(pk=health_report.pk), Report.objects.get(pk=health_report.pk)
    flow.perform(first, "submit", cast.users["health"])
    with pytest.raises(flow.TransitionRefused):
        flow.perform(second, "submit", cast.users["health"])
    assert ReportEvent.objects.count() == 1


@pytest.mark.django_db(transaction=True)
def test_two_concurrent_submits_make_one_transition(cast, regime):
    if connection.vendor != "postgresql":
        pytest.skip("a real race needs PostgreSQL's row locks; ./test.sh runs this on PostgreSQL")
    report = regime.periods.get().reports.get(agency=cast.health)
    barrier, outcomes = threading.Barrier(2), []

    def submit():
        from django.db import connections

        mine = Report.objects.get(pk=report.pk)
        barrier.wait()
        try:
            flow.perform(mine, "submit", cast.users["health"])
            outcomes.append("won")
        except flow.TransitionRefused:
            outcomes.append("refused")
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == ["refused", "won"]
    assert ReportEvent.objects.filter(report=report).count() == 1
    assert Report.objects.get(pk=report.pk).status == "submitted"


def test_a_warning_blocks_submission_until_it_is_explained(health_report, cast, regime):
    """An unusual figure against the agency's accepted earlier reports needs a comment, not a correction."""
    from chidao.reporting.models import ReportingPeriod

    earlier = ReportingPeriod.objects.create(regime=regime, code="2012-H1", label="6 tháng đầu năm 2012",
                                             start="2012-01-01", end="2012-06-30", due_date="2012-07-09")
    old = earlier.reports.create(agency=cast.health)
    services.save_report(old, values={("kt-luot", "total"): D(40)})
    flow.perform(old, "submit", cast.users["health"])
    flow.perform(old, "accept", cast.users["coordinator"])
    services.save_report(health_report, values={("kt-luot", "total"): D(400)})
    with pytest.raises(flow.TransitionRefused):
        flow.perform(health_report, "submit", cast.users["health"])
    services.save_report(health_report, comments={("kt-luot", "total"): "Ra quân cao điểm 3 tháng"})
    flow.perform(health_report, "submit", cast.users["health"])
    assert Report.objects.get(pk=health_report.pk).status == "submitted"
