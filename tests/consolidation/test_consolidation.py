"""The consolidated read model: current the moment a report is accepted, empty of it the moment it is reopened,
and the same provincial total whichever administrative tree the figures are summed in."""
import datetime as dt
from decimal import Decimal as D

import pytest

from chidao.consolidation import queries
from chidao.orgs import dataset
from chidao.orgs.models import AdminUnit, Agency
from chidao.orgs.services import load_dataset
from chidao.reporting import flow, services

from ..factories import AgencyFactory


@pytest.fixture
def units_and_reports(cast, regime):
    """Health (province), Than Uyên district and one pre-reform commune report inspections for 2013-H1."""
    load_dataset(dataset.load())
    than_uyen = Agency.objects.get(code="ubnd-huyen-than-uyen")
    old_commune = AdminUnit.objects.filter(level="commune", valid_to=dt.date(2025, 6, 30),
                                           parent__code="110").first()
    commune = AgencyFactory(code="ubnd-xa-thu", name=f"Ủy ban nhân dân {old_commune.name}", kind="ubnd",
                            admin_unit=old_commune)
    regime.agencies.add(than_uyen, commune)
    services.ensure_reports(regime)
    period = regime.periods.get()
    figures = {cast.health: 5, than_uyen: 40, commune: 7}
    for agency, inspected in figures.items():
        report = period.reports.get(agency=agency)
        services.save_report(report, values={("kt-luot", "total"): D(inspected),
                                             ("cs-tong", "karaoke"): D(inspected * 2)})
        flow.perform(report, "submit", cast.users["admin"])
        flow.perform(report, "accept", cast.users["coordinator"])
    return period, old_commune, figures


def test_accepted_figures_are_consolidated_at_once(units_and_reports):
    period, _, figures = units_and_reports
    totals = queries.provincial_totals(period.code)
    assert totals[("kt-luot", "total")] == sum(figures.values())
    assert totals[("cs-tong", "karaoke")] == 2 * sum(figures.values())


def test_reopening_removes_a_report_and_accepting_restores_it(units_and_reports, cast):
    period, _, figures = units_and_reports
    report = period.reports.get(agency=cast.health)
    flow.perform(report, "reopen", cast.users["coordinator"], note="Sai số liệu")
    assert queries.provincial_totals(period.code)[("kt-luot", "total")] == sum(figures.values()) - 5
    flow.perform(report, "submit", cast.users["health"])
    flow.perform(report, "accept", cast.users["coordinator"])
    assert queries.provincial_totals(period.code)[("kt-luot", "total")] == sum(figures.values())


def test_pre_and_post_reform_trees_give_the_same_provincial_total(units_and_reports):
    period, old_commune, figures = units_and_reports
    pre = queries.by_unit(period.code, "pre")
    post = queries.by_unit(period.code, "post")
    total = sum(figures.values())
    assert sum(v for (c, _col, _u), v in pre.items() if c == "kt-luot") == total
    assert sum(v for (c, _col, _u), v in post.items() if c == "kt-luot") == total
    # before the reform the commune's figure sits in its district; after it, in its successor commune
    assert pre[("kt-luot", "total", "110")] == 40 + 7
    successor = old_commune.successors().get()
    assert post[("kt-luot", "total", successor.code)] == 7
    assert post[("kt-luot", "total", queries.PROVINCE)] == 40 + 5


def test_a_ratio_is_total_over_total_not_an_average_of_ratios(units_and_reports, cast):
    period, _, _ = units_and_reports
    assert ("tl-cs-kiem-tra", "total") not in queries.provincial_totals(period.code)  # no numerator reported yet
    report = period.reports.get(agency=cast.health)  # 10 karaoke establishments
    flow.perform(report, "reopen", cast.users["coordinator"], note="Bổ sung")
    services.save_report(report, values={("kt-co-so", "karaoke"): D(10)})  # 10 of 10 inspected: 100 %
    flow.perform(report, "submit", cast.users["health"])
    flow.perform(report, "accept", cast.users["coordinator"])
    # province: 10 inspected of 104 establishments = 9.6 %, not the mean of 100 %, 0 % and 0 %
    assert queries.provincial_totals(period.code)[("tl-cs-kiem-tra", "total")] == D("9.6")
