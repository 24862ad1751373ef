"""Reporting periods: which days a periodic report covers, how it is named, and when it is due.

Two cut-off rules, chosen per reporting regime:

- CALENDAR: calendar months, quarters, Jan–Jun, Jan–Sep and Jan–Dec. Directives older than
  NĐ 09/2019/NĐ-CP (the 2013 founding directive's "định kỳ 6 tháng, 1 năm") mean these.
- DECREE_09: the data windows ("thời gian chốt số liệu") of NĐ 09/2019/NĐ-CP Điều 12: a month runs from
  the 15th of the previous month to the 14th; a quarter from the 15th of the month before it to the 14th of
  its last month; 6 months from 15/12 of the previous year to 14/6; 9 months from 15/12 to 14/9 (provincial
  rules, e.g. Khánh Hòa; the decree itself does not list it); a year from 15/12 of the previous year to 14/12.

Decisions:

1. Half-yearly. "Định kỳ 6 tháng, 1 năm" means a first-half report and a year report (the year report
   stands for the second half), so a HALF_YEARLY regime has ONE period a year, H1 (Jan–Jun; 15/12–14/6
   under NĐ 09). Regimes that really report both halves set `half_yearly_both_halves`; their H2 is Jul–Dec,
   or 15/6–14/12 under NĐ 09 (our extension of the decree's pattern: it defines only the first half).
   NINE_MONTHS and YEARLY have one period a year, QUARTERLY four, MONTHLY twelve; AD_HOC has none.
2. The NĐ 09 year starts on 15 December of the previous year. The 2014 year report covers
   15/12/2013–14/12/2014, and January 2014, Q1 2014, H1 2014 and 9M 2014 all start on 15/12/2013 too. A day
   such as 20/12/2013 therefore belongs to the 2014 periods of every NĐ 09 regime (`period_containing`).
3. Due dates count working days after the cut-off (the period's last day), as "02 ngày làm việc kể từ ngày
   chốt số liệu" reads under the Civil Code's counting (BLDS 2015 Điều 147–148, our reading: the first day
   counted is the day after the event; a deadline on a day off moves to the next working day). So N >= 1 is
   the N-th working day after the cut-off, and 0 is the cut-off day itself if it is a working day, else the
   next working day.

Period codes: "2013-H1", "2013-H2", "2013" (year), "2013-Q3", "2013-09" (month), "2013-9M".
Pure Python, no Django.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from enum import StrEnum

from chidao.lib.workdays import WorkCalendar

MIN_YEAR, MAX_YEAR = 1990, 2100


class Frequency(StrEnum):
    """How often a regime reports; the values are the Vietnamese words the project stores."""

    MONTHLY = "tháng"
    QUARTERLY = "quý"
    HALF_YEARLY = "6 tháng"
    NINE_MONTHS = "9 tháng"
    YEARLY = "năm"
    AD_HOC = "đột xuất"


class CutoffRule(StrEnum):
    """Which days a period covers: calendar months, or NĐ 09/2019's windows ending on the 14th."""

    CALENDAR = "calendar"
    DECREE_09 = "decree_09"


_INDEXES = {Frequency.MONTHLY: 12, Frequency.QUARTERLY: 4, Frequency.HALF_YEARLY: 2,
            Frequency.NINE_MONTHS: 1, Frequency.YEARLY: 1}
_ROMAN = ("I", "II", "III", "IV")
_MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
              "October", "November", "December")
_CODE = re.compile(r"(\d{4})(?:-(?:H([12])|Q([1-4])|(9)M|(\d{1,2})))?", re.IGNORECASE)


@dataclass(frozen=True)
class Period:
    """One period of a regime; `start` and `end` (inclusive) are its data window, derived from the rest.

    `index` is the month (1–12), the quarter (1–4) or the half (1–2); 1 for nine-month and year periods.
    `both_halves` belongs to the regime, not to the period's identity: it only tells previous()/next() whether
    H2 exists, so it is left out of equality.
    """

    frequency: Frequency
    rule: CutoffRule
    year: int
    index: int = 1
    both_halves: bool = field(default=False, compare=False, repr=False)
    start: date = field(init=False)
    end: date = field(init=False)

    def __post_init__(self) -> None:
        count = _INDEXES.get(self.frequency)
        if count is None:
            raise ValueError("Báo cáo đột xuất không có kỳ / ad hoc reports have no periods")
        if not 1 <= self.index <= count:
            raise ValueError(f"Kỳ {self.frequency.value} không có số {self.index} / "
                             f"no {self.frequency.name.lower()} period number {self.index}")
        if self.frequency is Frequency.HALF_YEARLY and self.index == 2:
            object.__setattr__(self, "both_halves", True)
        first, last = self._months()
        object.__setattr__(self, "start", _window_start(self.rule, self.year, first))
        object.__setattr__(self, "end", _window_end(self.rule, self.year, last))

    def _months(self) -> tuple[int, int]:
        """First and last calendar month the period is named after."""
        f, i = self.frequency, self.index
        if f is Frequency.MONTHLY:
            return i, i
        if f is Frequency.QUARTERLY:
            return 3 * i - 2, 3 * i
        if f is Frequency.HALF_YEARLY:
            return (1, 6) if i == 1 else (7, 12)
        return 1, (9 if f is Frequency.NINE_MONTHS else 12)

    @property
    def code(self) -> str:
        """Canonical text, the same under both rules: 2013-H1, 2013, 2013-Q3, 2013-09, 2013-9M."""
        i = self.index
        suffix = {Frequency.MONTHLY: f"-{i:02d}", Frequency.QUARTERLY: f"-Q{i}",
                  Frequency.HALF_YEARLY: f"-H{i}", Frequency.NINE_MONTHS: "-9M", Frequency.YEARLY: ""}
        return f"{self.year}{suffix[self.frequency]}"

    @property
    def label_vi(self) -> str:
        f, y, i = self.frequency, self.year, self.index
        if f is Frequency.MONTHLY:
            return f"tháng {i} năm {y}"
        if f is Frequency.QUARTERLY:
            return f"quý {_ROMAN[i - 1]} năm {y}"
        if f is Frequency.HALF_YEARLY:
            return f"6 tháng {'đầu' if i == 1 else 'cuối'} năm {y}"
        return f"9 tháng năm {y}" if f is Frequency.NINE_MONTHS else f"năm {y}"

    @property
    def label_en(self) -> str:
        f, y, i = self.frequency, self.year, self.index
        if f is Frequency.MONTHLY:
            return f"{_MONTHS_EN[i - 1]} {y}"
        if f is Frequency.QUARTERLY:
            return f"Q{i} {y}"
        if f is Frequency.HALF_YEARLY:
            return f"{'first' if i == 1 else 'second'} half of {y}"
        return f"first nine months of {y}" if f is Frequency.NINE_MONTHS else f"year {y}"

    def contains(self, day: date) -> bool:
        return self.start <= day <= self.end

    def previous(self) -> Period:
        """The period before this one in the same regime."""
        f, y, i = self.frequency, self.year, self.index
        if f in (Frequency.MONTHLY, Frequency.QUARTERLY):
            return replace(self, index=i - 1) if i > 1 else replace(self, year=y - 1, index=_INDEXES[f])
        if f is Frequency.HALF_YEARLY and self.both_halves:
            return replace(self, index=1) if i == 2 else replace(self, year=y - 1, index=2)
        return replace(self, year=y - 1)

    def next(self) -> Period:
        """The period after this one in the same regime."""
        f, y, i = self.frequency, self.year, self.index
        if f in (Frequency.MONTHLY, Frequency.QUARTERLY):
            return replace(self, index=i + 1) if i < _INDEXES[f] else replace(self, year=y + 1, index=1)
        if f is Frequency.HALF_YEARLY and self.both_halves:
            return replace(self, index=2) if i == 1 else replace(self, year=y + 1, index=1)
        return replace(self, year=y + 1)

    def same_period_last_year(self) -> Period:
        """The period "cùng kỳ năm trước" that reports compare against."""
        return replace(self, year=self.year - 1)


def _window_start(rule: CutoffRule, year: int, month: int) -> date:
    if rule is CutoffRule.CALENDAR:
        return date(year, month, 1)
    return date(year - 1, 12, 15) if month == 1 else date(year, month - 1, 15)


def _window_end(rule: CutoffRule, year: int, month: int) -> date:
    if rule is CutoffRule.DECREE_09:
        return date(year, month, 14)
    following = date(year + 1, 1, 1) if month == 12 else date(year, month + 1, 1)
    return following - timedelta(days=1)


def parse_period_code(code: str, rule: CutoffRule = CutoffRule.CALENDAR, *,
                      half_yearly_both_halves: bool = False) -> Period:
    """Read "2013-H1", "2013", "2013-Q3", "2013-09", "2013-9" or "2013-9M" (any case); else ValueError."""
    match = _CODE.fullmatch(code.strip()) if isinstance(code, str) else None
    if match is None:
        raise _invalid(code)
    year = int(match[1])
    half, quarter, nine, month = match[2], match[3], match[4], match[5]
    if not MIN_YEAR <= year <= MAX_YEAR or (month is not None and not 1 <= int(month) <= 12):
        raise _invalid(code)
    if half:
        return Period(Frequency.HALF_YEARLY, rule, year, int(half), both_halves=half_yearly_both_halves)
    if quarter:
        return Period(Frequency.QUARTERLY, rule, year, int(quarter))
    if nine:
        return Period(Frequency.NINE_MONTHS, rule, year)
    if month:
        return Period(Frequency.MONTHLY, rule, year, int(month))
    return Period(Frequency.YEARLY, rule, year)


def _invalid(code: object) -> ValueError:
    return ValueError(f"Kỳ báo cáo không hợp lệ: {code!r} / Invalid period: {code!r} "
                      f"(expected 2013-H1, 2013, 2013-Q3, 2013-09 or 2013-9M; years {MIN_YEAR}–{MAX_YEAR})")


def periods_in(frequency: Frequency, rule: CutoffRule, first_year: int, last_year: int, *,
               half_yearly_both_halves: bool = False) -> list[Period]:
    """The regime's periods named after years first_year..last_year, in order (none for ad hoc reports)."""
    if frequency is Frequency.AD_HOC:
        return []
    count = _INDEXES[frequency]
    if frequency is Frequency.HALF_YEARLY and not half_yearly_both_halves:
        count = 1
    return [Period(frequency, rule, year, index, both_halves=half_yearly_both_halves)
            for year in range(first_year, last_year + 1) for index in range(1, count + 1)]


def period_containing(frequency: Frequency, rule: CutoffRule, day: date, *,
                      half_yearly_both_halves: bool = False) -> Period:
    """The regime's period whose data window contains `day`; ValueError when none does (e.g. 1/10 for 9M)."""
    year, month = day.year, day.month
    if rule is CutoffRule.DECREE_09 and day.day >= 15:  # the window named after the next month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    index = {Frequency.MONTHLY: month, Frequency.QUARTERLY: (month - 1) // 3 + 1,
             Frequency.HALF_YEARLY: 1 if month <= 6 else 2}.get(frequency, 1)
    uncovered = (frequency is Frequency.AD_HOC
                 or (frequency is Frequency.HALF_YEARLY and index == 2 and not half_yearly_both_halves)
                 or (frequency is Frequency.NINE_MONTHS and month > 9))
    if uncovered:
        raise ValueError(f"Không kỳ báo cáo {frequency.value} nào chứa ngày {day:%d/%m/%Y} / "
                         f"no {frequency.name.lower()} period ({rule.value}) contains {day.isoformat()}")
    return Period(frequency, rule, year, index, both_halves=half_yearly_both_halves)


def due_date(period: Period, working_days: int, calendar: WorkCalendar) -> date:
    """The N-th working day after the cut-off (period.end); 0: the cut-off itself or the next working day."""
    if working_days < 0:
        raise ValueError(f"Số ngày làm việc phải ≥ 0 / working days must be >= 0, got {working_days}")
    return calendar.add_working_days(period.end, working_days)
