"""Reporting periods under the calendar and NĐ 09/2019 cut-off rules, their codes, and due dates."""
from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chidao.lib.periods import (
    CutoffRule,
    Frequency,
    Period,
    due_date,
    parse_period_code,
    period_containing,
    periods_in,
)
from chidao.lib.workdays import DayKind, load_calendar

CALENDAR = load_calendar()
CAL, ND09 = CutoffRule.CALENDAR, CutoffRule.DECREE_09
M, Q, H, NINE, Y = (Frequency.MONTHLY, Frequency.QUARTERLY, Frequency.HALF_YEARLY, Frequency.NINE_MONTHS,
                    Frequency.YEARLY)
ONE_DAY = timedelta(days=1)
# (frequency, both halves): the regimes whose periods cover every day of the year
COVERING = [(M, False), (Q, False), (Y, False), (H, True)]
ALL_REGIMES = [*COVERING, (H, False), (NINE, False)]


@pytest.fixture(autouse=True)
def _test_settings():
    """No Django here: shadow tests/conftest.py's settings fixture."""


@pytest.mark.parametrize("period, start, end", [
    pytest.param(Period(H, CAL, 2013), date(2013, 1, 1), date(2013, 6, 30), id="2013-H1 calendar"),
    pytest.param(Period(H, ND09, 2020), date(2019, 12, 15), date(2020, 6, 14), id="2020 6 tháng NĐ 09"),
    pytest.param(Period(H, CAL, 2013, 2), date(2013, 7, 1), date(2013, 12, 31), id="2013-H2 calendar"),
    pytest.param(Period(H, ND09, 2013, 2), date(2013, 6, 15), date(2013, 12, 14), id="2013-H2 NĐ 09"),
    pytest.param(Period(Y, ND09, 2014), date(2013, 12, 15), date(2014, 12, 14), id="2014 năm NĐ 09"),
    pytest.param(Period(NINE, ND09, 2014), date(2013, 12, 15), date(2014, 9, 14), id="2014 9 tháng NĐ 09"),
    pytest.param(Period(NINE, CAL, 2014), date(2014, 1, 1), date(2014, 9, 30), id="2014 9 tháng calendar"),
    pytest.param(Period(Q, ND09, 2014, 1), date(2013, 12, 15), date(2014, 3, 14), id="2014-Q1 NĐ 09"),
    pytest.param(Period(Q, CAL, 2013, 3), date(2013, 7, 1), date(2013, 9, 30), id="2013-Q3 calendar"),
    pytest.param(Period(M, ND09, 2013, 3), date(2013, 2, 15), date(2013, 3, 14), id="2013-03 NĐ 09"),
    pytest.param(Period(M, CAL, 2024, 2), date(2024, 2, 1), date(2024, 2, 29), id="leap February"),
])
def test_data_windows(period, start, end):
    assert (period.start, period.end) == (start, end)


@pytest.mark.parametrize("period, code, vi, en", [
    pytest.param(Period(H, CAL, 2013), "2013-H1", "6 tháng đầu năm 2013", "first half of 2013", id="H1"),
    pytest.param(Period(H, CAL, 2013, 2), "2013-H2", "6 tháng cuối năm 2013", "second half of 2013", id="H2"),
    pytest.param(Period(Y, ND09, 2013), "2013", "năm 2013", "year 2013", id="year"),
    pytest.param(Period(Q, CAL, 2013, 3), "2013-Q3", "quý III năm 2013", "Q3 2013", id="quarter"),
    pytest.param(Period(Q, CAL, 2013, 4), "2013-Q4", "quý IV năm 2013", "Q4 2013", id="quarter IV"),
    pytest.param(Period(M, CAL, 2013, 9), "2013-09", "tháng 9 năm 2013", "September 2013", id="month"),
    pytest.param(Period(NINE, CAL, 2013), "2013-9M", "9 tháng năm 2013", "first nine months of 2013",
                 id="9M"),
])
def test_codes_and_labels(period, code, vi, en):
    assert (period.code, period.label_vi, period.label_en) == (code, vi, en)


@pytest.mark.parametrize("text, expected", [
    ("2013-H1", Period(H, CAL, 2013)),
    ("2013-h1", Period(H, CAL, 2013)),
    (" 2013-H2 ", Period(H, CAL, 2013, 2)),
    ("2013", Period(Y, CAL, 2013)),
    ("2013-Q3", Period(Q, CAL, 2013, 3)),
    ("2013-q3", Period(Q, CAL, 2013, 3)),
    ("2013-09", Period(M, CAL, 2013, 9)),
    ("2013-9", Period(M, CAL, 2013, 9)),
    ("2013-9M", Period(NINE, CAL, 2013)),
    ("2013-9m", Period(NINE, CAL, 2013)),
])
def test_parse_accepts_the_usual_spellings(text, expected):
    assert parse_period_code(text) == expected


@pytest.mark.parametrize("text", ["2013-13", "2013-00", "2013-Q0", "2013-Q5", "2013-H3", "2013-10M", "1989",
                                  "2101", "13", "2013-", "2013/09", "H1-2013", "6 tháng đầu năm 2013", ""])
def test_parse_refuses_anything_else_in_both_languages(text):
    with pytest.raises(ValueError, match="Kỳ báo cáo không hợp lệ.*Invalid period.*expected 2013-H1"):
        parse_period_code(text)


def test_parse_uses_the_rule_it_is_given():
    assert parse_period_code("2020-H1", ND09).start == date(2019, 12, 15)


@pytest.mark.parametrize("frequency, code", [
    (M, "2014-01"), (Q, "2014-Q1"), (H, "2014-H1"), (NINE, "2014-9M"), (Y, "2014")])
def test_under_decree_09_late_december_belongs_to_the_next_year(frequency, code):
    assert period_containing(frequency, ND09, date(2013, 12, 20)).code == code
    if frequency not in (H, NINE):  # no calendar H1 or 9M period contains December
        assert period_containing(frequency, CAL, date(2013, 12, 20)).year == 2013


def test_the_decree_09_year_ends_on_14_december():
    assert period_containing(Y, ND09, date(2013, 12, 14)).code == "2013"
    assert period_containing(M, ND09, date(2013, 12, 14)).code == "2013-12"


def test_days_outside_every_period_of_the_regime_are_refused():
    with pytest.raises(ValueError, match="no half_yearly period"):
        period_containing(H, CAL, date(2013, 8, 1))
    with pytest.raises(ValueError, match="no nine_months period"):
        period_containing(NINE, ND09, date(2013, 9, 20))
    with pytest.raises(ValueError):
        period_containing(Frequency.AD_HOC, CAL, date(2013, 8, 1))
    assert period_containing(H, ND09, date(2013, 8, 1), half_yearly_both_halves=True).code == "2013-H2"


def test_ad_hoc_reports_have_no_periods():
    assert periods_in(Frequency.AD_HOC, CAL, 2013, 2020) == []
    with pytest.raises(ValueError):
        Period(Frequency.AD_HOC, CAL, 2013)


@pytest.mark.parametrize("frequency, index", [(M, 13), (M, 0), (Q, 5), (H, 3), (Y, 2), (NINE, 2)])
def test_impossible_indexes_are_refused(frequency, index):
    with pytest.raises(ValueError):
        Period(frequency, CAL, 2013, index)


@pytest.mark.parametrize("frequency, both, per_year", [
    (M, False, 12), (Q, False, 4), (H, False, 1), (H, True, 2), (NINE, False, 1), (Y, False, 1)])
def test_periods_per_year(frequency, both, per_year):
    found = periods_in(frequency, CAL, 2013, 2015, half_yearly_both_halves=both)
    assert len(found) == 3 * per_year
    assert found[0].year == 2013 and found[-1].year == 2015


def test_previous_and_same_period_last_year():
    assert Period(H, CAL, 2013).previous() == Period(H, CAL, 2012)
    assert Period(H, CAL, 2013, both_halves=True).previous() == Period(H, CAL, 2012, 2)
    assert Period(H, CAL, 2013, 2).previous() == Period(H, CAL, 2013, 1)
    assert Period(M, ND09, 2013, 1).previous() == Period(M, ND09, 2012, 12)
    assert Period(Q, CAL, 2013, 1).previous() == Period(Q, CAL, 2012, 4)
    assert Period(Q, CAL, 2013, 3).same_period_last_year().code == "2012-Q3"


@pytest.mark.parametrize("period, working_days, due", [
    pytest.param(Period(M, ND09, 2013, 2), 0, date(2013, 2, 18), id="cut-off 14/2/2013 in Tết: next day"),
    pytest.param(Period(M, ND09, 2013, 2), 2, date(2013, 2, 19), id="2 working days after a Tết cut-off"),
    pytest.param(Period(M, CAL, 2014, 1), 3, date(2014, 2, 8), id="crosses Tết 2014, counts làm bù Saturday"),
    pytest.param(Period(H, CAL, 2013), 0, date(2013, 7, 1), id="cut-off on a Sunday"),
    pytest.param(Period(H, CAL, 2013), 5, date(2013, 7, 5), id="five working days"),
    pytest.param(Period(Y, ND09, 2024), 2, date(2024, 12, 17), id="NĐ 09 year 2024 ends Saturday 14/12"),
    pytest.param(Period(M, CAL, 2025, 8), 1, date(2025, 9, 3), id="skips 1/9 and 2/9/2025"),
])
def test_due_dates(period, working_days, due):
    assert due_date(period, working_days, CALENDAR) == due


def test_due_dates_need_a_non_negative_count():
    with pytest.raises(ValueError):
        due_date(Period(Y, CAL, 2013), -1, CALENDAR)


def test_full_enumeration_tiles_1995_to_2100_without_gaps_or_overlaps():
    for rule in CutoffRule:
        for frequency, both in COVERING:
            found = periods_in(frequency, rule, 1995, 2100, half_yearly_both_halves=both)
            assert all(b.start == a.end + ONE_DAY for a, b in zip(found, found[1:], strict=False))
            assert sum((p.end - p.start).days + 1 for p in found) == (found[-1].end - found[0].start).days + 1


def test_every_day_of_2013_is_found_in_its_period():
    day = date(2013, 1, 1)
    while day.year == 2013:
        for rule in CutoffRule:
            for frequency, both in COVERING:
                assert period_containing(frequency, rule, day, half_yearly_both_halves=both).contains(day)
        day += ONE_DAY


days_1995_2100 = st.dates(min_value=date(1995, 1, 1), max_value=date(2100, 12, 31))
rules = st.sampled_from(list(CutoffRule))


YEARS = st.integers(min_value=1990, max_value=2100)


@st.composite
def periods(draw, years=YEARS):
    frequency, both = draw(st.sampled_from(ALL_REGIMES))
    count = {M: 12, Q: 4, H: 2 if both else 1}.get(frequency, 1)
    return Period(frequency, draw(rules), draw(years), draw(st.integers(1, count)), both_halves=both)


@given(days_1995_2100, rules, st.sampled_from(COVERING))
@settings(max_examples=300, deadline=None)
def test_every_day_falls_in_exactly_one_period(day, rule, regime):
    frequency, both = regime
    nearby = periods_in(frequency, rule, day.year - 1, day.year + 1, half_yearly_both_halves=both)
    holders = [p for p in nearby if p.contains(day)]
    assert holders == [period_containing(frequency, rule, day, half_yearly_both_halves=both)]


@given(rules, st.sampled_from(ALL_REGIMES), st.integers(min_value=1995, max_value=2095))
@settings(max_examples=100, deadline=None)
def test_periods_are_ordered_and_do_not_overlap(rule, regime, first_year):
    frequency, both = regime
    found = periods_in(frequency, rule, first_year, first_year + 5, half_yearly_both_halves=both)
    for a, b in zip(found, found[1:], strict=False):
        assert a.end < b.start
        assert a.next() == b and b.previous() == a
        if regime in COVERING:
            assert b.start == a.end + ONE_DAY


@given(periods())
@settings(max_examples=300, deadline=None)
def test_codes_round_trip(period):
    parsed = parse_period_code(period.code, period.rule, half_yearly_both_halves=period.both_halves)
    assert parsed == period
    assert parse_period_code(period.code.lower(), period.rule) == period


@given(periods(years=st.integers(min_value=1991, max_value=2100)))
@settings(max_examples=200, deadline=None)
def test_previous_steps_back_one_period(period):
    before = period.previous()
    assert before.end < period.start
    assert before.next() == period
    if period.index == 1:
        assert before.year == period.year - 1
    last_year = period.same_period_last_year()
    assert (last_year.year, last_year.index) == (period.year - 1, period.index)
    assert last_year.frequency is period.frequency


@given(periods(years=st.integers(min_value=1995, max_value=2100)), st.integers(min_value=0, max_value=30))
@settings(max_examples=200, deadline=None)
def test_deadlines_fall_on_working_days_only(period, working_days):
    due = due_date(period, working_days, CALENDAR)
    entry = CALENDAR.entry(due)
    assert CALENDAR.is_working_day(due)
    assert due.weekday() < 5 or (entry is not None and entry.kind is DayKind.WORKING_DAY)
    assert entry is None or entry.kind is DayKind.WORKING_DAY
    assert due > period.end if working_days else due >= period.end
