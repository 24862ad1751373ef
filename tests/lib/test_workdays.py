"""The working-day calendar: our dated table of holidays and swaps, and arithmetic on it."""
from datetime import date, timedelta

import holidays
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from chidao.lib.workdays import (
    DATA_FILE,
    CalendarDataError,
    CalendarEntry,
    DayKind,
    WorkCalendar,
    load_calendar,
    read_entries,
)

CALENDAR = load_calendar()
TABLE_ONLY = load_calendar(estimate_other_years=False)
HEADER = "date\tkind\tname\tsource\n"


@pytest.fixture(autouse=True)
def _test_settings():
    """No Django here: shadow tests/conftest.py's settings fixture."""


def days(first: date, last: date) -> list[date]:
    return [first + timedelta(days=k) for k in range((last - first).days + 1)]


def test_the_table_describes_2010_to_2027_and_every_row_has_a_source():
    entries = read_entries(DATA_FILE)
    assert CALENDAR.years == frozenset(range(2010, 2028))
    assert all(e.source and e.name for e in entries)
    assert all(e.day.weekday() >= 5 for e in entries if e.kind is DayKind.WORKING_DAY)
    assert all(e.day.weekday() < 5 for e in entries if e.kind is DayKind.DAY_OFF)


def test_tet_quy_ty_2013_is_nine_days_off_and_saturday_23_february_is_worked():
    assert not any(CALENDAR.is_working_day(d) for d in days(date(2013, 2, 9), date(2013, 2, 17)))
    assert CALENDAR.is_working_day(date(2013, 2, 8))
    assert CALENDAR.is_working_day(date(2013, 2, 18))
    assert CALENDAR.is_working_day(date(2013, 2, 23))  # thứ Bảy làm bù for Friday 15/2
    assert CALENDAR.entry(date(2013, 2, 23)).kind is DayKind.WORKING_DAY


def test_new_year_2013_swapped_monday_31_december_for_saturday_5_january():
    assert not CALENDAR.is_working_day(date(2012, 12, 31))
    assert not CALENDAR.is_working_day(date(2013, 1, 1))
    assert CALENDAR.is_working_day(date(2013, 1, 5))


@pytest.mark.parametrize("day, working", [
    pytest.param(date(2025, 8, 29), True, id="Friday before"),
    pytest.param(date(2025, 8, 30), False, id="Saturday"),
    pytest.param(date(2025, 9, 1), False, id="Monday 1/9, the day beside Quốc khánh"),
    pytest.param(date(2025, 9, 2), False, id="Tuesday 2/9, Quốc khánh"),
    pytest.param(date(2025, 9, 3), True, id="Wednesday after"),
])
def test_quoc_khanh_2025_is_monday_and_tuesday(day, working):
    assert CALENDAR.is_working_day(day) is working


def test_2026_swaps_new_year_friday_and_31_august_for_saturdays():
    assert not CALENDAR.is_working_day(date(2026, 1, 2))
    assert CALENDAR.is_working_day(date(2026, 1, 10))
    assert not CALENDAR.is_working_day(date(2026, 8, 31))
    assert CALENDAR.is_working_day(date(2026, 8, 22))


def test_adding_working_days_skips_tet_and_counts_a_make_up_saturday():
    assert CALENDAR.add_working_days(date(2013, 2, 8), 1) == date(2013, 2, 18)
    assert CALENDAR.add_working_days(date(2014, 1, 31), 3) == date(2014, 2, 8)  # Sat 8/2/2014 was làm bù


def test_zero_working_days_is_the_day_itself_or_the_next_working_day():
    assert CALENDAR.add_working_days(date(2024, 6, 12), 0) == date(2024, 6, 12)
    assert CALENDAR.add_working_days(date(2024, 6, 15), 0) == date(2024, 6, 17)
    assert CALENDAR.add_working_days(date(2024, 2, 8), 0) == date(2024, 2, 15)  # Tết Giáp Thìn 8–14/2


def test_negative_counts_go_back():
    assert CALENDAR.add_working_days(date(2013, 2, 18), -1) == date(2013, 2, 8)
    assert CALENDAR.working_days_between(date(2013, 2, 18), date(2013, 2, 8)) == -1


def test_without_entries_only_weekends_are_off():
    plain = WorkCalendar()
    assert plain.is_working_day(date(2013, 2, 11))
    assert not plain.is_working_day(date(2013, 2, 9))
    assert plain.working_days_between(date(2024, 6, 14), date(2024, 6, 17)) == 1


def test_years_outside_the_table_are_estimated_from_the_holidays_package():
    new_year_2030 = date(2030, 1, 1)  # a Tuesday
    assert CALENDAR.is_estimated(new_year_2030)
    assert not CALENDAR.is_working_day(new_year_2030)
    assert TABLE_ONLY.is_working_day(new_year_2030)
    assert not CALENDAR.is_working_day(date(2030, 2, 4))  # Tết Canh Tuất: 3/2/2030 is a Sunday


def test_every_weekday_the_holidays_package_lists_is_off_in_our_table():
    """Cross-check: our announced schedules contain the package's statutory days and known swaps.

    The one exception is 24/11 (Ngày Văn hóa Việt Nam): chosen by the Politburo, not yet in the Labour Code.
    """
    for year in range(2010, 2028):
        listed = holidays.country_holidays("VN", years=year)
        extra = [d for d in listed
                 if d.weekday() < 5 and TABLE_ONLY.is_working_day(d) and (d.month, d.day) != (11, 24)]
        assert extra == [], year


def _write(tmp_path, rows: str):
    path = tmp_path / "days.tsv"
    path.write_text("# comment\n" + HEADER + rows, encoding="utf-8")
    return path


@pytest.mark.parametrize("rows, message", [
    pytest.param("2013-02-11\tholiday\tTết\tx\n2013-02-11\tday_off\tTết\tx\n", "listed twice",
                 id="duplicate"),
    pytest.param("2013-02-11\tworking_day\tlàm bù\tx\n", "Saturday or Sunday", id="weekday make-up"),
    pytest.param("2013-02-11\tferie\tTết\tx\n", ":3:", id="unknown kind names its line"),
    pytest.param("2013-02-30\tholiday\tTết\tx\n", ":3:", id="impossible date names its line"),
    pytest.param("2013-02-11\tholiday\tTết\n", "columns", id="missing column"),
])
def test_a_malformed_table_is_refused_with_its_place(tmp_path, rows, message):
    with pytest.raises(CalendarDataError, match=message):
        load_calendar(_write(tmp_path, rows))


def test_a_table_without_the_header_is_refused(tmp_path):
    path = tmp_path / "days.tsv"
    path.write_text("2013-02-11\tholiday\tTết\tx\n", encoding="utf-8")
    with pytest.raises(CalendarDataError, match="columns must be"):
        read_entries(path)


def test_a_small_table_loads():
    calendar = WorkCalendar([CalendarEntry(date(2013, 2, 11), DayKind.HOLIDAY, "Tết", "x")])
    assert calendar.years == frozenset({2013})
    assert not calendar.is_working_day(date(2013, 2, 11))


any_day = st.dates(min_value=date(2005, 1, 1), max_value=date(2035, 12, 31))
counts = st.integers(min_value=-40, max_value=40)


@given(any_day, counts)
@settings(max_examples=150, deadline=None)
def test_adding_working_days_lands_on_a_working_day(day, n):
    assert CALENDAR.is_working_day(CALENDAR.add_working_days(day, n))


@given(any_day, st.integers(min_value=0, max_value=40), st.integers(min_value=0, max_value=40))
@settings(max_examples=150, deadline=None)
def test_adding_working_days_is_monotonic_in_n(day, m, n):
    low, high = sorted((m, n))
    assert CALENDAR.add_working_days(day, low) <= CALENDAR.add_working_days(day, high)
    if 1 <= low < high:
        assert CALENDAR.add_working_days(day, low) < CALENDAR.add_working_days(day, high)


@given(any_day, counts)
@settings(max_examples=150, deadline=None)
def test_counting_working_days_inverts_adding_them(day, n):
    start = CALENDAR.add_working_days(day, 0)  # a working day
    assert CALENDAR.working_days_between(start, CALENDAR.add_working_days(start, n)) == n
    if n >= 1:
        assert CALENDAR.working_days_between(day, CALENDAR.add_working_days(day, n)) == n


@given(any_day, any_day)
@settings(max_examples=100, deadline=None)
def test_counting_is_antisymmetric(a, b):
    b = a + timedelta(days=(b - a).days % 120)  # keep the walk short
    assert CALENDAR.working_days_between(a, b) == -CALENDAR.working_days_between(b, a)
