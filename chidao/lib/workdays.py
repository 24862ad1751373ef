"""Working days of Vietnamese state agencies, for deadlines counted in "ngày làm việc".

Agencies work Monday to Friday. A day is off when it is a public holiday (Labour Code), a day off in lieu
("nghỉ bù") or a day off swapped with a Saturday ("hoán đổi"); a weekend day is worked when it is
announced as a make-up day ("làm bù"). The Labour Code fixes the holidays, but the Prime Minister fixes
each year's Tết days and swaps, so we keep a dated table (data/vn_workdays.tsv, one row a date, each with
its source) instead of a rule. Years the table does not describe are estimated from the `holidays` package
(statutory days and the Labour Code's day-in-lieu rule, no make-up Saturdays) when the calendar is built
with an estimator. Pure Python, no Django.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from pathlib import Path

DATA_FILE = Path(__file__).with_name("data") / "vn_workdays.tsv"
_COLUMNS = ["date", "kind", "name", "source"]
_ONE_DAY = timedelta(days=1)


class DayKind(StrEnum):
    HOLIDAY = "holiday"  # a Labour Code holiday (nghỉ lễ, Tết)
    DAY_OFF = "day_off"  # a weekday off: in lieu of a holiday on a weekend, or swapped with a Saturday
    WORKING_DAY = "working_day"  # a Saturday or Sunday worked to make up a swapped day ("làm bù")


@dataclass(frozen=True)
class CalendarEntry:
    """One dated row of the table: what the day is and who said so."""

    day: date
    kind: DayKind
    name: str
    source: str


class CalendarDataError(ValueError):
    """The working-day table is malformed; the message names the file and line."""


class WorkCalendar:
    """Answers "is this a working day?" from dated entries; weekends are off unless listed as làm bù."""

    def __init__(self, entries: Iterable[CalendarEntry] = (),
                 estimate: Callable[[int], Iterable[date]] | None = None) -> None:
        self._entries: dict[date, CalendarEntry] = {}
        for entry in entries:
            if entry.day in self._entries:
                raise CalendarDataError(f"Ngày {entry.day} có hai dòng / {entry.day} is listed twice")
            if entry.kind is DayKind.WORKING_DAY and entry.day.weekday() < 5:
                raise CalendarDataError(f"{entry.day}: làm bù phải là thứ Bảy/Chủ nhật / "
                                        "a make-up day must be a Saturday or Sunday")
            self._entries[entry.day] = entry
        # A year is "described" when the table lists at least one of its holidays (every year lists 1/1).
        self.years = frozenset(e.day.year for e in self._entries.values() if e.kind is DayKind.HOLIDAY)
        self._estimate = estimate
        self._estimated: dict[int, frozenset[date]] = {}

    @property
    def entries(self) -> list[CalendarEntry]:
        return sorted(self._entries.values(), key=lambda e: e.day)

    def entry(self, day: date) -> CalendarEntry | None:
        """The table's row for this day, if any."""
        return self._entries.get(day)

    def is_estimated(self, day: date) -> bool:
        """True when the day's year is not in the table, so its holidays are a guess (or absent)."""
        return day.year not in self.years

    def is_working_day(self, day: date) -> bool:
        entry = self._entries.get(day)
        if entry is not None:
            return entry.kind is DayKind.WORKING_DAY
        if day.weekday() >= 5:
            return False
        return not (self.is_estimated(day) and day in self._estimated_days_off(day.year))

    def add_working_days(self, day: date, n: int) -> date:
        """The n-th working day after `day` (before it when n < 0); n = 0 is `day` or the next working day."""
        if n == 0:
            while not self.is_working_day(day):
                day += _ONE_DAY
            return day
        step = _ONE_DAY if n > 0 else -_ONE_DAY
        for _ in range(abs(n)):
            day += step
            while not self.is_working_day(day):
                day += step
        return day

    def working_days_between(self, a: date, b: date) -> int:
        """Working days in (a, b], negative when b < a: inverts add_working_days from a working day."""
        if b < a:
            return -self.working_days_between(b, a)
        count, day = 0, a
        while day < b:
            day += _ONE_DAY
            count += self.is_working_day(day)
        return count

    def _estimated_days_off(self, year: int) -> frozenset[date]:
        if self._estimate is None:
            return frozenset()
        if year not in self._estimated:
            self._estimated[year] = frozenset(self._estimate(year))
        return self._estimated[year]


def estimate_from_holidays_package(year: int) -> set[date]:
    """Statutory holidays and Labour Code days in lieu, for a year our table does not cover."""
    import holidays  # imported here: only years outside the table need it

    return set(holidays.country_holidays("VN", years=year, observed=True))


def read_entries(path: Path | str = DATA_FILE) -> list[CalendarEntry]:
    """Rows of a working-day TSV (lines starting with # are comments); errors name the line."""
    path = Path(path)
    with path.open(encoding="utf-8") as handle:
        rows = [(number, line.rstrip("\r\n").split("\t")) for number, line in enumerate(handle, 1)
                if line.strip() and not line.startswith("#")]
    if not rows or rows[0][1] != _COLUMNS:
        found = rows[0][1] if rows else "nothing"
        raise CalendarDataError(f"{path}: cột phải là / columns must be {_COLUMNS}, got {found}")
    entries = []
    for number, row in rows[1:]:
        try:
            if len(row) != len(_COLUMNS):
                raise ValueError(f"expected {len(_COLUMNS)} tab-separated columns, got {len(row)}")
            day, kind, name, source = row
            entries.append(CalendarEntry(date.fromisoformat(day), DayKind(kind), name.strip(),
                                         source.strip()))
        except ValueError as problem:
            raise CalendarDataError(f"{path}:{number}: dòng không hợp lệ / bad row: {problem}") from None
    return entries


def load_calendar(path: Path | str | None = None, *, estimate_other_years: bool = True) -> WorkCalendar:
    """The calendar from our dated table; other years estimated from `holidays` unless turned off."""
    path = path or DATA_FILE
    estimate = estimate_from_holidays_package if estimate_other_years else None
    try:
        return WorkCalendar(read_entries(path), estimate=estimate)
    except CalendarDataError as problem:
        if str(path) in str(problem):
            raise
        raise CalendarDataError(f"{path}: {problem}") from None
