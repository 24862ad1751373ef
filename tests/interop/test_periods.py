"""Our period codes ↔ DHIS2 periods ↔ ADX start/duration, including what DHIS2 cannot express."""
from datetime import date

import pytest

from chidao.consolidation.interop import (
    Period,
    adx_period,
    dhis2_period,
    parse_our_period,
    period_from_adx,
    period_from_dhis2,
)
from chidao.lib import periods as period_lib

from .common import WINDOW_2020_H1

TABLE = [
    # ours, start, end, DHIS2, ADX
    pytest.param("2013-H1", date(2013, 1, 1), date(2013, 6, 30), "2013S1", "2013-01-01/P6M", id="half-1"),
    pytest.param("2013-H2", date(2013, 7, 1), date(2013, 12, 31), "2013S2", "2013-07-01/P6M", id="half-2"),
    pytest.param("2013", date(2013, 1, 1), date(2013, 12, 31), "2013", "2013-01-01/P1Y", id="year"),
    pytest.param("2013-Q1", date(2013, 1, 1), date(2013, 3, 31), "2013Q1", "2013-01-01/P3M", id="quarter-1"),
    pytest.param("2013-Q3", date(2013, 7, 1), date(2013, 9, 30), "2013Q3", "2013-07-01/P3M", id="quarter-3"),
    pytest.param("2013-Q4", date(2013, 10, 1), date(2013, 12, 31), "2013Q4", "2013-10-01/P3M", id="quarter-4"),
    pytest.param("2013-09", date(2013, 9, 1), date(2013, 9, 30), "201309", "2013-09-01/P1M", id="month"),
    pytest.param("2012-02", date(2012, 2, 1), date(2012, 2, 29), "201202", "2012-02-01/P1M", id="month-leap"),
    pytest.param("2013-12", date(2013, 12, 1), date(2013, 12, 31), "201312", "2013-12-01/P1M", id="december"),
    pytest.param("2013-9M", date(2013, 1, 1), date(2013, 9, 30), None, "2013-01-01/P9M", id="nine-months"),
]


@pytest.mark.parametrize(("code", "start", "end", "dhis2", "adx"), TABLE)
def test_period_table(code, start, end, dhis2, adx):
    period = parse_our_period(code)
    assert period == Period(code, start, end)
    assert adx_period(period) == adx
    assert period_from_adx(adx) == period
    if dhis2 is None:
        with pytest.raises(ValueError, match="9 tháng.*nine-month"):
            dhis2_period(period)
    else:
        assert dhis2_period(period) == dhis2
        assert period_from_dhis2(dhis2) == period


@pytest.mark.parametrize(("text", "code"), [
    pytest.param("2013-9", "2013-09", id="one-digit-month"),
    pytest.param("2013-h1", "2013-H1", id="lower-case"),
    pytest.param(" 2013-Q3 ", "2013-Q3", id="spaces"),
    pytest.param("2013-9m", "2013-9M", id="nine-lower"),
])
def test_codes_are_normalised(text, code):
    assert parse_our_period(text).code == code


@pytest.mark.parametrize("text", [
    pytest.param("2013-H3", id="half-3"), pytest.param("2013-Q5", id="quarter-5"),
    pytest.param("2013-13", id="month-13"), pytest.param("2013-00", id="month-0"),
    pytest.param("13-H1", id="short-year"), pytest.param("", id="empty"), pytest.param("2013S1", id="dhis2-code"),
    pytest.param("0000", id="year-0"), pytest.param("9999-12", id="past-9999"), pytest.param(None, id="none"),
])
def test_bad_codes_are_refused_bilingually(text):
    with pytest.raises(ValueError, match="không hợp lệ.*invalid period code"):
        parse_our_period(text)


def test_decree_09_window_is_refused_for_dhis2_and_exported_in_days_for_adx():
    # 15/12/2019 → 14/6/2020: 17 days of December, 31 + 29 (2020 is a leap year) + 31 + 30 + 31, 14 of June.
    assert WINDOW_2020_H1.days == 17 + 31 + 29 + 31 + 30 + 31 + 14 == 183
    with pytest.raises(ValueError, match="không phải tháng, quý.*is not a calendar month.*nominal=True"):
        dhis2_period(WINDOW_2020_H1)
    assert adx_period(WINDOW_2020_H1) == "2019-12-15/P183D"
    assert dhis2_period(WINDOW_2020_H1, nominal=True) == "2020S1"


def test_nine_months_is_refused_for_dhis2_even_as_nominal():
    window = Period("2020-9M", date(2019, 12, 15), date(2020, 9, 14))
    with pytest.raises(ValueError, match="nine-month"):
        dhis2_period(window, nominal=True)
    assert adx_period(window) == f"2019-12-15/P{(date(2020, 9, 14) - date(2019, 12, 15)).days + 1}D"


def test_an_adx_window_is_read_back_only_with_the_callers_periods():
    with pytest.raises(ValueError, match="không khớp kỳ báo cáo nào.*matches none of our reporting periods"):
        period_from_adx("2019-12-15/P183D")
    assert period_from_adx("2019-12-15/P183D", periods=[WINDOW_2020_H1]) == WINDOW_2020_H1


def test_the_lib_periods_windows_agree_with_ours():
    """chidao.lib.periods computes the NĐ 09 windows; its objects can be passed as `periods`."""
    theirs = period_lib.parse_period_code("2020-H1", period_lib.CutoffRule.DECREE_09)
    assert (theirs.start, theirs.end) == (WINDOW_2020_H1.start, WINDOW_2020_H1.end)
    assert period_from_adx(adx_period(WINDOW_2020_H1), periods=[theirs]) == WINDOW_2020_H1


@pytest.mark.parametrize(("text", "code"), [
    pytest.param("2013-01-01/P12M", "2013", id="twelve-months-is-a-year"),
    pytest.param("2013-07-01/P92D", "2013-Q3", id="quarter-in-days"),
    pytest.param("2013-02-01/P4W", "2013-02", id="february-in-weeks"),
    pytest.param("2013-01-01/P0Y6M", "2013-H1", id="zero-years-six-months"),
])
def test_other_spellings_of_calendar_periods(text, code):
    assert period_from_adx(text).code == code


@pytest.mark.parametrize("text", [
    pytest.param("2013-01-01", id="no-duration"), pytest.param("2013-01-01/P", id="empty-duration"),
    pytest.param("2013-01-01/PT6H", id="time-duration"), pytest.param("2013-02-30/P1M", id="bad-date"),
    pytest.param("2013-01-01/P0D", id="zero-length"), pytest.param("2013-01-31/P1M", id="month-from-31st"),
    pytest.param("9999-12-01/P1Y", id="overflow"), pytest.param("2013-02-01/P3M", id="not-ours"),
    pytest.param("2013-01-01T00:00:00/P1M", id="datetime-start"), pytest.param(12, id="not-text"),
])
def test_bad_adx_periods(text):
    with pytest.raises(ValueError, match="ADX"):
        period_from_adx(text)


@pytest.mark.parametrize("text", [
    pytest.param("2013W1", id="weekly"), pytest.param("201301B", id="bimonthly"),
    pytest.param("2013AprilS1", id="six-monthly-april"), pytest.param("2013April", id="financial-april"),
    pytest.param("20130115", id="daily"), pytest.param("201313", id="month-13"), pytest.param("2013S3", id="S3"),
])
def test_unsupported_dhis2_periods(text):
    with pytest.raises(ValueError, match="DHIS2"):
        period_from_dhis2(text)


def test_period_checks_its_dates():
    with pytest.raises(ValueError, match="ends before it starts"):
        Period("2013", date(2013, 12, 31), date(2013, 1, 1))
