"""Data exchange: a period's accepted figures as DHIS2 ``dataValueSets`` JSON, IHE ADX XML and CSV, and back.

Pure Python (stdlib + lxml, which python-docx already brings); no Django, so it runs anywhere.

Sources (read through the project's search tool):

- DHIS2 Web API, "Data values" and "ADX data format" (repo dhis2/dhis2-docs,
  ``src/developer/web-api/data.md``): the ``dataValueSets`` JSON (dataSet, completeDate, period, orgUnit,
  attributeOptionCombo, dataValues[] with dataElement, period, orgUnit, categoryOptionCombo,
  attributeOptionCombo, value as a string, comment); ADX with root ``<adx xmlns="urn:ihe:qrph:adx:2015"
  exported="...">``, ``<group dataSet orgUnit period [completeDate]>`` and ``<dataValue dataElement value
  [CATEGORY="option"...]>``; codes are ADX's default id scheme; disaggregations are attributes named by
  category codes, which must be XML names.
- DHIS2 period formats (same repo, ``src/developer/web-api/overview.md``, "Date and period format"): daily
  yyyyMMdd, monthly yyyyMM, quarterly yyyyQn, six-monthly yyyySn (S1 = Jan–Jun, S2 = Jul–Dec), yearly yyyy.
  DHIS2 has no custom periods (``src/user/about-data-dimensions.md``, via /work/shared/domain/FACTS.md §10).
- DHIS2's ADX period parser (repo dhis2/dhis2-core, ``dhis-2/dhis-services/dhis-service-dxf2/src/main/java/
  org/hisp/dhis/dxf2/adx/AdxPeriod.java`` and its test): it understands only the durations P1D, P7D, P14D,
  P1M, P2M, P3M, P6M and P1Y.

Decisions:

1. Periods. Our codes: "2013-H1", "2013", "2013-Q3", "2013-09", "2013-9M"; a ``Period`` carries the days it
   really covers. Calendar periods map both ways. Windows that are not calendar periods (NĐ 09/2019 "thời
   gian chốt số liệu", e.g. 15/12/2019–14/6/2020 for 2020-H1) cannot be DHIS2 periods: ``dhis2_period``
   refuses them with a clear error unless the caller asks for the nominal period (``nominal=True``: the
   window is labelled with the calendar period it is named after, 2020S1, and the caller accepts the shift).
   Nine months has no DHIS2 period type and is always refused. ADX always carries the real days: calendar
   periods as start/PnM (P1Y for a year, P9M for nine months), other windows as start/PnD, e.g.
   2019-12-15/P183D. That is valid ISO 8601 and valid ADX, but DHIS2's own ADX importer accepts only the
   durations listed above, so a P9M or P183D group will not load into DHIS2 (it will into other ADX
   consumers). Reading an ADX window back needs the caller's periods (``periods=``), because a window alone
   does not say which of our periods it is.
2. Codes. ``Mapping`` turns our codes into external ones; a code it does not map is exported as it is. Reading
   uses the inverse; an external code the mapping does not know is an error listing every such code, unless
   that part of the mapping is empty (codes are exchanged as they are) or the caller passes
   ``accept_unmapped=True`` (the mirror of the export rule).
3. Default category option combo. Column "total" is exported with DHIS2's default categoryOptionCombo
   ``HllvX50cXC0`` unless the mapping names one; on reading, the default (or no categoryOptionCombo at all)
   is "total". Caveat: in DHIS2 a disaggregated data element has no default combo (its total is computed),
   so export totals only of undisaggregated indicators, or map (indicator, "total") to a real combo.
4. ADX disaggregation. One attribute, ``Mapping.disaggregation_attribute`` (default DISAGG), whose value is
   the column's category option code (``Mapping.category_options``, else the column code); "total" has none.
   On reading, a DHIS2-style ``categoryOptionCombo`` attribute wins over it, as in DHIS2.
5. Values are ``Decimal``; written plainly, integers without decimals ("12", "12.5", never "12.00" or "1E+3").
   DHIS2 JSON values are strings. Exporting the same (indicator, column, org unit, period) twice is an error:
   DHIS2 would silently keep the last one.
6. Only the default attributeOptionCombo is supported; data with another one (or ADX group attributes that
   explode one) is refused rather than silently merged.
7. CSV: RFC 4180 (comma, CRLF, quotes doubled) and, by default, a UTF-8 byte order mark at the start of the
   returned text, because Excel (what officials in Vietnam open CSV files with) reads a BOM-less file in the
   ANSI code page (cp1258 on Vietnamese Windows) and garbles Vietnamese. Programs should read it with
   encoding "utf-8-sig". ``bom=False`` leaves it out. Under a Vietnamese list separator (";"), open the file
   through Data → From Text/CSV, or pass ``delimiter=";"``. Text cells that start with = + - @ get a leading
   apostrophe (spreadsheet formula injection); numbers are left alone.
8. XML safety: lxml parser without entity resolution, DTD loading or network access, and any DOCTYPE is
   refused. Every problem with the input is a ``ValueError`` with a Vietnamese / English message.
"""
from __future__ import annotations

import codecs
import csv
import io
import json
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal, InvalidOperation

from lxml import etree

__all__ = ["ADX_NS", "DEFAULT_COC", "TOTAL", "Mapping", "Period", "Value", "adx_period", "dhis2_period",
           "format_value", "from_adx", "from_dhis2", "parse_our_period", "period_from_adx", "period_from_dhis2",
           "to_adx", "to_csv", "to_dhis2"]

ADX_NS = "urn:ihe:qrph:adx:2015"
DEFAULT_COC = "HllvX50cXC0"  # DHIS2's default categoryOptionCombo (and attributeOptionCombo)
TOTAL = "total"

# re.ASCII: Python's \d, int() and Decimal() would otherwise accept other scripts' digits ("١٢").
_OUR_CODE = re.compile(r"(\d{4})(?:-(?:H([12])|Q([1-4])|(9)M|(\d{1,2})))?", re.IGNORECASE | re.ASCII)
_DHIS2_CODE = re.compile(r"(\d{4})(?:S([12])|Q([1-4])|(\d{2}))?", re.ASCII)
_ADX_PERIOD = re.compile(r"(\d{4}-\d{2}-\d{2})/P(?:(\d{1,4})Y)?(?:(\d{1,4})M)?(?:(\d{1,4})W)?(?:(\d{1,5})D)?",
                         re.ASCII)
_NUMBER = re.compile(r"-?\d+(?:\.\d+)?", re.ASCII)
_ADX_ATTRIBUTE = re.compile(r"[A-Z_][A-Z0-9_.-]*", re.ASCII)


# --------------------------------------------------------------------------------------------------------
# Periods
# --------------------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Period:
    """One of our reporting periods: its code and the days it covers (``end`` inclusive)."""

    code: str
    start: date
    end: date

    def __post_init__(self) -> None:
        if not isinstance(self.code, str) or not self.code:
            raise ValueError("Mã kỳ trống / empty period code")
        for day in (self.start, self.end):
            if not isinstance(day, date) or isinstance(day, datetime):
                raise ValueError(f"Kỳ {self.code}: ngày không hợp lệ {day!r} / "
                                 f"period {self.code}: not a date")
        if self.end < self.start:
            raise ValueError(f"Kỳ {self.code}: ngày cuối trước ngày đầu / "
                             f"period {self.code} ends before it starts")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1


def _add_months(day: date, months: int) -> date:
    total = day.year * 12 + day.month - 1 + months
    return day.replace(year=total // 12, month=total % 12 + 1)


def _calendar_code(start: date, end: date) -> str | None:
    """Our code when start–end is exactly a calendar month, quarter, half, nine months or year; else None."""
    after = end + timedelta(days=1)
    if start.day != 1 or after.day != 1:
        return None
    months = (after.year - start.year) * 12 + after.month - start.month
    y, m = start.year, start.month
    if months == 1:
        return f"{y}-{m:02d}"
    if months == 3 and m in (1, 4, 7, 10):
        return f"{y}-Q{(m + 2) // 3}"
    if months == 6 and m in (1, 7):
        return f"{y}-H{1 if m == 1 else 2}"
    if months == 9 and m == 1:
        return f"{y}-9M"
    if months == 12 and m == 1:
        return str(y)
    return None


def _bad_code(code: object) -> ValueError:
    return ValueError(f"Mã kỳ “{code}” không hợp lệ (ví dụ 2013-H1, 2013, 2013-Q3, 2013-09, 2013-9M) / "
                      f"invalid period code {code!r} "
                      f"(expected e.g. 2013-H1, 2013, 2013-Q3, 2013-09, 2013-9M)")


def parse_our_period(code: str) -> Period:
    """The calendar period of one of our codes: "2013-H1" is 1/1–30/6/2013, "2013-9M" 1/1–30/9/2013, etc."""
    match = _OUR_CODE.fullmatch(code.strip()) if isinstance(code, str) else None
    if not match:
        raise _bad_code(code)
    year, half, quarter, nine, month = match.groups()
    y = int(year)
    try:
        if half:
            first, months = (1 if half == "1" else 7), 6
        elif quarter:
            first, months = 3 * int(quarter) - 2, 3
        elif nine:
            first, months = 1, 9
        elif month:
            first, months = int(month), 1
        else:
            first, months = 1, 12
        start = date(y, first, 1)
        end = _add_months(start, months) - timedelta(days=1)
    except ValueError:
        raise _bad_code(code) from None
    return Period(_calendar_code(start, end), start, end)


def dhis2_period(period: Period, *, nominal: bool = False) -> str:
    """DHIS2 ISO period: "2013S1", "2013", "2013Q3", "201309".

    ValueError for nine months (no DHIS2 period type) and for a window that is not a calendar period, unless
    ``nominal`` is true: then the period's code decides (a 15/12–14/6 window coded 2020-H1 becomes 2020S1).
    """
    code = _calendar_code(period.start, period.end)
    if code is None:
        if not nominal:
            raise ValueError(
                f"Kỳ {period.code} ({period.start:%d/%m/%Y}–{period.end:%d/%m/%Y}) không phải tháng, quý, "
                f"6 tháng hay năm dương lịch nên không có kỳ DHIS2 tương ứng; dùng ADX, hoặc xuất theo kỳ "
                f"danh nghĩa (nominal=True) / period {period.code} ({period.start}–{period.end}) is not a "
                f"calendar month, quarter, half-year or year, so DHIS2 cannot express it; use ADX, or export "
                f"the nominal period (nominal=True)")
        code = parse_our_period(period.code).code
    match = _OUR_CODE.fullmatch(code)
    year, half, quarter, nine, month = match.groups()
    if nine:
        raise ValueError(f"Kỳ {period.code}: DHIS2 không có loại kỳ 9 tháng; dùng ADX (P9M) / "
                         f"period {period.code}: DHIS2 has no nine-month period type; use ADX (P9M)")
    if half:
        return f"{year}S{half}"
    if quarter:
        return f"{year}Q{quarter}"
    if month:
        return f"{year}{int(month):02d}"
    return year


def adx_period(period: Period) -> str:
    """ISO 8601 start/duration: "2013-01-01/P6M", "2013-01-01/P1Y", "2013-01-01/P9M"; other windows in
    days: "2019-12-15/P183D"."""
    after = period.end + timedelta(days=1)
    if period.start.day == 1 and after.day == 1:
        months = (after.year - period.start.year) * 12 + after.month - period.start.month
        duration = "P1Y" if months == 12 else f"P{months}M"
    else:
        duration = f"P{period.days}D"
    return f"{period.start.isoformat()}/{duration}"


def _period_table(periods: Iterable | None) -> tuple[dict[str, Period], dict[tuple[date, date], Period]]:
    """Caller-supplied periods (ours, or anything with code/start/end, e.g. chidao.lib.periods.Period)."""
    by_code: dict[str, Period] = {}
    by_days: dict[tuple[date, date], Period] = {}
    if isinstance(periods, dict):
        periods = periods.values()
    for p in periods or ():
        own = p if isinstance(p, Period) else Period(p.code, p.start, p.end)
        by_code[own.code] = own
        by_days[(own.start, own.end)] = own
    return by_code, by_days


def _resolve(code: str, by_code: dict[str, Period]) -> Period:
    found = by_code.get(code)
    return found if found is not None else parse_our_period(code)


def period_from_dhis2(text: str) -> Period:
    """Our period for a DHIS2 monthly, quarterly, six-monthly (Jan–Jun/Jul–Dec) or yearly period."""
    match = _DHIS2_CODE.fullmatch(text.strip()) if isinstance(text, str) else None
    if not match:
        raise ValueError(f"Kỳ DHIS2 “{text}” không được hỗ trợ (chỉ yyyyMM, yyyyQn, yyyySn, yyyy) / "
                         f"unsupported DHIS2 period {text!r} (only yyyyMM, yyyyQn, yyyySn and yyyy)")
    year, half, quarter, month = match.groups()
    if half:
        code = f"{year}-H{half}"
    elif quarter:
        code = f"{year}-Q{quarter}"
    elif month:
        if not 1 <= int(month) <= 12:
            raise ValueError(f"Kỳ DHIS2 “{text}”: tháng không hợp lệ / DHIS2 period {text!r}: invalid month")
        code = f"{year}-{month}"
    else:
        code = year
    return parse_our_period(code)


def period_from_adx(text: str, *, periods: Iterable | None = None) -> Period:
    """Our period for an ADX start/duration. Calendar periods are recognised; other windows only when they
    are among ``periods`` (the caller's periods, e.g. a regime's NĐ 09 windows)."""
    match = _ADX_PERIOD.fullmatch(text.strip()) if isinstance(text, str) else None
    if not match or not any(match.groups()[1:]):
        raise ValueError(f"Kỳ ADX “{text}” không đúng dạng ngày-bắt-đầu/thời-lượng (vd 2013-01-01/P6M) / "
                         f"ADX period {text!r} is not start/duration (e.g. 2013-01-01/P6M)")
    start_text, years, months, weeks, days = match.groups()
    try:
        start = date.fromisoformat(start_text)
        after = _add_months(start, 12 * int(years or 0) + int(months or 0))
        after += timedelta(days=7 * int(weeks or 0) + int(days or 0))
        end = after - timedelta(days=1)
    except (ValueError, OverflowError):
        raise ValueError(f"Kỳ ADX “{text}” không hợp lệ / invalid ADX period {text!r}") from None
    if end < start:
        raise ValueError(f"Kỳ ADX “{text}” có thời lượng 0 / ADX period {text!r} has zero length")
    _, by_days = _period_table(periods)
    if (start, end) in by_days:
        return by_days[(start, end)]
    code = _calendar_code(start, end)
    if code is None:
        raise ValueError(f"Kỳ ADX “{text}” ({start:%d/%m/%Y}–{end:%d/%m/%Y}) không khớp kỳ báo cáo nào / "
                         f"ADX period {text!r} ({start}–{end}) matches none of our reporting periods")
    return Period(code, start, end)


# --------------------------------------------------------------------------------------------------------
# Mapping and values
# --------------------------------------------------------------------------------------------------------

def _inverse(mapping: dict, what: str) -> dict:
    inverse: dict = {}
    for ours, theirs in mapping.items():
        key = (ours[0], theirs) if isinstance(ours, tuple) else theirs
        if key in inverse:
            raise ValueError(f"Ánh xạ {what}: “{key}” được gán cho cả {inverse[key]} và {ours} / "
                             f"{what} mapping: {key!r} is the target of both {inverse[key]!r} and {ours!r}")
        inverse[key] = ours[1] if isinstance(ours, tuple) else ours
    return inverse


@dataclass(frozen=True)
class Mapping:
    """Our codes → external (DHIS2/ADX) codes; a code not mapped is exported as it is."""

    data_set: str
    data_elements: dict[str, str] = field(default_factory=dict)
    category_option_combos: dict[tuple[str, str], str] = field(default_factory=dict)
    org_units: dict[str, str] = field(default_factory=dict)
    disaggregation_attribute: str = "DISAGG"
    # column code → ADX category option code (the disaggregation attribute's value); unmapped: the column code
    category_options: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        if not isinstance(self.data_set, str) or not self.data_set:
            raise ValueError("Ánh xạ thiếu dataSet / the mapping needs a dataSet")
        attribute = self.disaggregation_attribute
        if (not isinstance(attribute, str) or not _ADX_ATTRIBUTE.fullmatch(attribute)
                or attribute.lower().startswith("xml")):
            raise ValueError(f"Tên thuộc tính phân tổ “{attribute}” phải là tên XML viết hoa (A–Z, 0–9, _) / "
                             f"disaggregation attribute {attribute!r} must be an upper-case XML name")
        for key in self.category_option_combos:
            if not (isinstance(key, tuple) and len(key) == 2):
                raise ValueError(f"Khóa ánh xạ COC {key!r} phải là (chỉ tiêu, cột) / "
                                 f"COC mapping key {key!r} must be (indicator, column)")
        # Inverses are checked here so a bad mapping fails when it is made, not half-way through an import.
        _inverse(self.data_elements, "dataElement")
        _inverse(self.category_option_combos, "categoryOptionCombo")
        _inverse(self.org_units, "orgUnit")
        _inverse(self.category_options, "category option")


@dataclass(frozen=True)
class Value:
    """One accepted figure: indicator × column × org unit × period (our codes)."""

    indicator: str
    column: str
    org_unit: str
    period: str
    value: Decimal

    def __post_init__(self) -> None:
        for name in ("indicator", "column", "org_unit", "period"):
            code = getattr(self, name)
            if not isinstance(code, str) or not code.strip():
                raise ValueError(f"Value.{name} trống / Value.{name} must be a non-empty code, not {code!r}")
        if isinstance(self.value, int) and not isinstance(self.value, bool):
            object.__setattr__(self, "value", Decimal(self.value))
        if not isinstance(self.value, Decimal):
            raise TypeError(f"Value.value must be a Decimal, not {type(self.value).__name__}")


def format_value(value: Decimal) -> str:
    """Plain decimal text: 12, 12.5, -3, 1000 (never 12.00 or 1E+3)."""
    if not value.is_finite():
        raise ValueError(f"Giá trị {value} không phải số hữu hạn / {value} is not a finite number")
    if value == value.to_integral_value():
        return str(int(value))
    return format(value.normalize(), "f")


def _parse_value(text: object, where: str) -> Decimal:
    if isinstance(text, int) and not isinstance(text, bool):
        return Decimal(text)
    if isinstance(text, float) and math.isfinite(text):  # a JSON number; repr() is its shortest exact text
        return Decimal(repr(text))
    if isinstance(text, str) and _NUMBER.fullmatch(text.strip()):
        try:
            return Decimal(text.strip())
        except InvalidOperation:  # pragma: no cover - the pattern admits only valid decimals
            pass
    raise ValueError(f"{where}: giá trị “{text}” không phải số / value {text!r} is not a number")


def _external(values: list[Value], mapping: Mapping, by_code: dict[str, Period], kind: str,
              nominal: bool = False) -> list[dict]:
    """Rows with external codes, sorted by period and org unit; within those, in the caller's order.

    ValueError for the same figure twice, for two figures that would land on the same external key, and for an
    unmapped code equal to a code something else is mapped to (the import could not tell them apart).
    """
    clashes = (("dataElement", mapping.data_elements), ("orgUnit", mapping.org_units),
               ("category option", mapping.category_options))
    targets = {what: set(table.values()) for what, table in clashes}
    ours_seen: Counter = Counter()
    theirs_seen: Counter = Counter()
    rows = []
    for v in values:
        if not isinstance(v, Value):
            raise TypeError(f"expected Value, got {type(v).__name__}")
        ours_seen[(v.indicator, v.column, v.org_unit, v.period)] += 1
        period = _resolve(v.period, by_code)
        de = mapping.data_elements.get(v.indicator, v.indicator)
        ou = mapping.org_units.get(v.org_unit, v.org_unit)
        option = mapping.category_options.get(v.column, v.column)
        for (what, table), code in zip(clashes, (v.indicator, v.org_unit, v.column), strict=True):
            if what == "category option" and kind == "dhis2":
                continue
            if code not in table and code in targets[what]:
                raise ValueError(f"Mã “{code}” chưa ánh xạ nhưng trùng mã {what} mà mã khác được ánh xạ "
                                 f"tới / unmapped code {code!r} equals the {what} another code is mapped to")
        coc = mapping.category_option_combos.get((v.indicator, v.column))
        if coc is None:
            coc = DEFAULT_COC if v.column == TOTAL else v.column
        if kind == "dhis2":
            external_period = dhis2_period(period, nominal=nominal)
            theirs = (de, coc, ou, external_period)
        else:
            external_period = adx_period(period)
            theirs = (de, None if v.column == TOTAL else option, ou, external_period)
        theirs_seen[theirs] += 1
        rows.append(((period.start, period.end, v.org_unit),
                     dict(value=v, period=period, de=de, ou=ou, coc=coc, option=option,
                          external_period=external_period)))
    for seen, label in ((ours_seen, "chỉ tiêu/cột/đơn vị/kỳ / indicator/column/org unit/period"),
                        (theirs_seen, "mã ngoài trùng nhau / same external codes")):
        duplicates = sorted((k for k, n in seen.items() if n > 1), key=str)
        if duplicates:
            shown = "; ".join("/".join(str(part) for part in k if part is not None) for k in duplicates[:10])
            raise ValueError(f"Số liệu trùng / duplicate figures ({label}): {shown}")
    rows.sort(key=lambda r: r[0])
    return [r[1] for r in rows]


# --------------------------------------------------------------------------------------------------------
# DHIS2 dataValueSets JSON
# --------------------------------------------------------------------------------------------------------

def to_dhis2(values: list[Value], mapping: Mapping, complete_date: date | None = None, *,
             periods: Iterable | None = None, nominal: bool = False) -> dict:
    """A JSON-ready ``dataValueSets`` document (bulk form: period and orgUnit on every value).

    ``periods``: the caller's periods for the codes in ``values`` (e.g. NĐ 09 windows); codes not there are
    calendar periods. ``nominal``: label windows with the calendar period they are named after (module doc).
    """
    by_code, _ = _period_table(periods)
    doc: dict = {"dataSet": mapping.data_set}
    if complete_date is not None:
        doc["completeDate"] = complete_date.isoformat()
    doc["dataValues"] = [
        {"dataElement": r["de"], "period": r["external_period"], "orgUnit": r["ou"],
         "categoryOptionCombo": r["coc"], "value": format_value(r["value"].value)}
        for r in _external(values, mapping, by_code, "dhis2", nominal)
    ]
    return doc


class _Reverse:
    """Inverse code lookups; collects unknown codes so one error can list them all."""

    def __init__(self, mapping: Mapping, accept_unmapped: bool) -> None:
        self.mapping = mapping
        self.accept = accept_unmapped
        self.de = _inverse(mapping.data_elements, "dataElement")
        self.ou = _inverse(mapping.org_units, "orgUnit")
        self.coc = _inverse(mapping.category_option_combos, "categoryOptionCombo")
        self.option = _inverse(mapping.category_options, "category option")
        self.unknown: dict[str, set[str]] = {}

    def _look(self, table: dict, key, shown: str, what: str, empty: bool):
        if key in table:
            return table[key]
        if not (self.accept or empty):
            self.unknown.setdefault(what, set()).add(shown)
        return shown

    def indicator(self, de: str) -> str:
        return self._look(self.de, de, de, "dataElement", not self.mapping.data_elements)

    def org_unit(self, ou: str) -> str:
        return self._look(self.ou, ou, ou, "orgUnit", not self.mapping.org_units)

    def column_from_coc(self, indicator: str, coc: str | None) -> str:
        if coc is None or ((indicator, coc) not in self.coc and coc == DEFAULT_COC):
            return TOTAL
        return self._look(self.coc, (indicator, coc), coc, "categoryOptionCombo",
                          not self.mapping.category_option_combos)

    def column_from_option(self, option: str | None) -> str:
        if option is None:
            return TOTAL
        return self._look(self.option, option, option, self.mapping.disaggregation_attribute,
                          not self.mapping.category_options)

    def check(self) -> None:
        if self.unknown:
            parts = "; ".join(f"{what}: {', '.join(sorted(codes))}"
                              for what, codes in sorted(self.unknown.items()))
            raise ValueError(f"Mã không có trong ánh xạ — {parts} / codes not in the mapping — {parts}")


def _text(item: dict, key: str, where: str, default: object = None) -> str | None:
    value = item.get(key, default)
    if value is None:
        return None
    if not isinstance(value, str) or not value.strip():
        raise ValueError(f"{where}: “{key}” phải là chuỗi khác rỗng / {key!r} must be a non-empty string")
    return value.strip()


def from_dhis2(doc: dict | str | bytes, mapping: Mapping, *, accept_unmapped: bool = False) -> list[Value]:
    """Values from a ``dataValueSets`` document (a dict, or its JSON text). Deleted values are skipped."""
    if isinstance(doc, (str, bytes)):
        try:
            doc = json.loads(doc)
        except (ValueError, RecursionError) as exc:
            raise ValueError(f"Không đọc được JSON: {exc} / not valid JSON: {exc}") from None
    if not isinstance(doc, dict):
        raise ValueError("dataValueSets phải là một đối tượng JSON / dataValueSets must be a JSON object")
    data_set = _text(doc, "dataSet", "dataValueSets")
    if data_set is not None and data_set != mapping.data_set:
        raise ValueError(f"dataSet “{data_set}” khác bộ dữ liệu của ánh xạ “{mapping.data_set}” / "
                         f"dataSet {data_set!r} is not the mapping's {mapping.data_set!r}")
    _check_aoc(_text(doc, "attributeOptionCombo", "dataValueSets"), "dataValueSets")
    top_period = _text(doc, "period", "dataValueSets")
    top_org_unit = _text(doc, "orgUnit", "dataValueSets")
    items = doc.get("dataValues", [])
    if not isinstance(items, list):
        raise ValueError("“dataValues” phải là một danh sách / 'dataValues' must be a list")
    reverse = _Reverse(mapping, accept_unmapped)
    out = []
    for n, item in enumerate(items, 1):
        where = f"dataValues[{n}]"
        if not isinstance(item, dict):
            raise ValueError(f"{where}: phải là một đối tượng / must be an object")
        if item.get("deleted") is True:
            continue
        de = _text(item, "dataElement", where)
        pe = _text(item, "period", where, top_period)
        ou = _text(item, "orgUnit", where, top_org_unit)
        missing = [k for k, v in (("dataElement", de), ("period", pe), ("orgUnit", ou)) if v is None]
        if missing:
            raise ValueError(f"{where}: thiếu {', '.join(missing)} / missing {', '.join(missing)}")
        _check_aoc(_text(item, "attributeOptionCombo", where), where)
        if "value" not in item:
            raise ValueError(f"{where}: thiếu “value” / missing 'value'")
        number = _parse_value(item["value"], where)
        try:
            period = period_from_dhis2(pe)
        except ValueError as exc:
            raise ValueError(f"{where}: {exc}") from None
        indicator = reverse.indicator(de)
        column = reverse.column_from_coc(indicator, _text(item, "categoryOptionCombo", where))
        out.append(Value(indicator, column, reverse.org_unit(ou), period.code, number))
    reverse.check()
    return out


def _check_aoc(aoc: str | None, where: str) -> None:
    if aoc is not None and aoc != DEFAULT_COC:
        raise ValueError(f"{where}: chỉ hỗ trợ attributeOptionCombo mặc định, không phải “{aoc}” / only the "
                         f"default attributeOptionCombo is supported, not {aoc!r}")


# --------------------------------------------------------------------------------------------------------
# ADX
# --------------------------------------------------------------------------------------------------------

def _timestamp(moment: datetime) -> str:
    text = moment.isoformat(timespec="seconds")
    return text[:-6] + "Z" if text.endswith("+00:00") else text


def to_adx(values: list[Value], mapping: Mapping, exported: datetime | None = None, *,
           periods: Iterable | None = None, complete_date: date | None = None) -> bytes:
    """UTF-8 ADX: one ``<group>`` per (dataSet, orgUnit, period), one ``<dataValue>`` per value; columns other
    than "total" carry the disaggregation attribute. Periods are the real days (see module doc)."""
    by_code, _ = _period_table(periods)
    root = etree.Element(f"{{{ADX_NS}}}adx", nsmap={None: ADX_NS})
    root.set("exported", _timestamp(exported or datetime.now(UTC)))
    groups: dict[tuple[str, str], etree._Element] = {}
    for r in _external(values, mapping, by_code, "adx"):
        key = (r["ou"], r["external_period"])
        group = groups.get(key)
        if group is None:
            group = etree.SubElement(root, f"{{{ADX_NS}}}group")
            group.set("dataSet", mapping.data_set)
            group.set("orgUnit", key[0])
            group.set("period", key[1])
            if complete_date is not None:
                group.set("completeDate", complete_date.isoformat())
            groups[key] = group
        element = etree.SubElement(group, f"{{{ADX_NS}}}dataValue")
        element.set("dataElement", r["de"])
        if r["value"].column != TOTAL:
            element.set(mapping.disaggregation_attribute, r["option"])
        element.set("value", format_value(r["value"].value))
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


_PARSER_OPTIONS = dict(resolve_entities=False, no_network=True, load_dtd=False, dtd_validation=False,
                       huge_tree=False, remove_comments=True, remove_pis=True)


def _scan_text(data: bytes) -> str:
    """The document as text for the DOCTYPE scan: UTF-32/16 decoded, anything ASCII-compatible as Latin-1."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):  # before UTF-16: same first two bytes
        return data.decode("utf-32", errors="replace")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16", errors="replace")
    if data.startswith(b"<\x00"):
        return data.decode("utf-16-le", errors="replace")
    if data.startswith(b"\x00<"):
        return data.decode("utf-16-be", errors="replace")
    return data.decode("latin-1")


def _parse_xml(xml: bytes | str) -> etree._Element:
    if isinstance(xml, str):
        xml = xml.encode("utf-8")
    if not isinstance(xml, (bytes, bytearray)):
        raise TypeError(f"ADX must be bytes, not {type(xml).__name__}")
    if re.search(r"<!\s*(DOCTYPE|ENTITY)", _scan_text(bytes(xml)), re.IGNORECASE):
        raise ValueError("ADX có khai báo DOCTYPE/ENTITY, bị từ chối vì lý do an toàn / "
                         "ADX with a DOCTYPE or ENTITY declaration is refused for safety")
    try:
        tree = etree.parse(io.BytesIO(bytes(xml)), etree.XMLParser(**_PARSER_OPTIONS))
    except etree.XMLSyntaxError as exc:
        raise ValueError(f"Không phải XML hợp lệ: {exc} / not well-formed XML: {exc}") from None
    if tree.docinfo.doctype or tree.docinfo.internalDTD is not None:  # e.g. a UTF-16 document hid it
        raise ValueError("ADX có khai báo DOCTYPE, bị từ chối vì lý do an toàn / "
                         "ADX with a DOCTYPE declaration is refused for safety")
    return tree.getroot()


def _local(element: etree._Element, where: str) -> str:
    qname = etree.QName(element)
    if qname.namespace != ADX_NS:
        found = qname.namespace or "none"
        raise ValueError(f"{where}: phần tử <{qname.localname}> không thuộc không gian tên {ADX_NS} / "
                         f"element <{qname.localname}> is not in namespace {ADX_NS} (found {found})")
    return qname.localname


def _attributes(element: etree._Element) -> dict[str, str]:
    """Un-namespaced attributes (xsi:schemaLocation and other qualified ones are not ADX data)."""
    return {k: v for k, v in element.attrib.items() if not k.startswith("{")}


def _required(attrs: dict[str, str], names: tuple[str, ...], where: str) -> list[str]:
    missing = [n for n in names if not attrs.get(n, "").strip()]
    if missing:
        raise ValueError(f"{where}: thiếu thuộc tính {', '.join(missing)} / missing attribute(s) "
                         f"{', '.join(missing)}")
    return [attrs[n].strip() for n in names]


def from_adx(xml: bytes, mapping: Mapping, *, periods: Iterable | None = None,
             accept_unmapped: bool = False) -> list[Value]:
    """Values from an ADX message; ValueError (Vietnamese / English) for anything malformed or unknown."""
    root = _parse_xml(xml)
    if etree.QName(root).localname != "adx":
        raise ValueError(f"Phần tử gốc phải là <adx>, không phải <{etree.QName(root).localname}> / "
                         f"the root element must be <adx>, not <{etree.QName(root).localname}>")
    _local(root, "<adx>")
    (exported,) = _required(_attributes(root), ("exported",), "<adx>")
    try:
        datetime.fromisoformat(exported)
    except ValueError:
        raise ValueError(f"<adx>: exported “{exported}” không phải thời điểm ISO 8601 / "
                         f"exported {exported!r} is not an ISO 8601 date-time") from None
    reverse = _Reverse(mapping, accept_unmapped)
    attribute = mapping.disaggregation_attribute
    group_allowed = {"dataSet", "orgUnit", "period", "completeDate", "comment", "attributeOptionCombo"}
    value_allowed = {"dataElement", "value", "comment", "categoryOptionCombo", attribute}
    out = []
    for g, group in enumerate(root, 1):
        where = f"<group> {g} (dòng/line {group.sourceline})"
        if _local(group, where) != "group":
            raise ValueError(f"{where}: <adx> chỉ chứa <group>, gặp <{etree.QName(group).localname}> / "
                             f"<adx> may contain only <group>, found <{etree.QName(group).localname}>")
        attrs = _attributes(group)
        extra = sorted(set(attrs) - group_allowed)
        if extra:
            raise ValueError(f"{where}: thuộc tính không hỗ trợ {', '.join(extra)} / "
                             f"unsupported attribute(s) {', '.join(extra)}")
        data_set, ou, pe = _required(attrs, ("dataSet", "orgUnit", "period"), where)
        if data_set != mapping.data_set:
            raise ValueError(f"{where}: dataSet “{data_set}” khác “{mapping.data_set}” của ánh xạ / "
                             f"dataSet {data_set!r} is not the mapping's {mapping.data_set!r}")
        _check_aoc(attrs.get("attributeOptionCombo"), where)
        try:
            period = period_from_adx(pe, periods=periods)
        except ValueError as exc:
            raise ValueError(f"{where}: {exc}") from None
        org_unit = reverse.org_unit(ou)
        for d, element in enumerate(group, 1):
            here = f"{where}, <dataValue> {d} (dòng/line {element.sourceline})"
            if _local(element, here) != "dataValue":
                raise ValueError(f"{here}: <group> chỉ chứa <dataValue> / "
                                 f"<group> may contain only <dataValue>")
            attrs = _attributes(element)
            extra = sorted(set(attrs) - value_allowed)
            if extra:
                shown = ", ".join(extra)
                raise ValueError(f"{here}: thuộc tính phân tổ không hỗ trợ {shown} (chỉ {attribute}) / "
                                 f"unsupported disaggregation attribute(s) {shown} (only {attribute})")
            de, text = _required(attrs, ("dataElement", "value"), here)
            number = _parse_value(text, here)
            indicator = reverse.indicator(de)
            if "categoryOptionCombo" in attrs:
                column = reverse.column_from_coc(indicator, attrs["categoryOptionCombo"].strip() or None)
            else:
                option = attrs.get(attribute)
                column = reverse.column_from_option(option.strip() if option is not None else None)
            out.append(Value(indicator, column, org_unit, period.code, number))
    reverse.check()
    return out


# --------------------------------------------------------------------------------------------------------
# CSV
# --------------------------------------------------------------------------------------------------------

def _cell(text: str) -> str:
    """Neutralise spreadsheet formulas in text cells (OWASP "CSV injection")."""
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


def to_csv(values: list[Value], mapping: Mapping | None = None, *, periods: Iterable | None = None,
           bom: bool = True, delimiter: str = ",") -> str:
    """RFC 4180 text: period,org_unit,indicator,column,value (+ external codes when a mapping is given:
    data_set,data_element,category_option_combo,ext_org_unit,dhis2_period,adx_period; dhis2_period is empty
    where DHIS2 cannot express the period). Starts with a BOM unless ``bom=False`` (see module doc)."""
    by_code, _ = _period_table(periods)
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    header = ["period", "org_unit", "indicator", "column", "value"]
    if mapping is not None:
        header += ["data_set", "data_element", "category_option_combo", "ext_org_unit", "dhis2_period",
                   "adx_period"]
    writer.writerow(header)
    ordered = sorted(values, key=lambda v: (_resolve(v.period, by_code).start, v.period, v.org_unit))
    for v in ordered:
        row = [_cell(v.period), _cell(v.org_unit), _cell(v.indicator), _cell(v.column), format_value(v.value)]
        if mapping is not None:
            period = _resolve(v.period, by_code)
            coc = mapping.category_option_combos.get((v.indicator, v.column))
            if coc is None:
                coc = DEFAULT_COC if v.column == TOTAL else v.column
            try:
                dhis2 = dhis2_period(period)
            except ValueError:
                dhis2 = ""
            row += [_cell(mapping.data_set), _cell(mapping.data_elements.get(v.indicator, v.indicator)),
                    _cell(coc), _cell(mapping.org_units.get(v.org_unit, v.org_unit)), dhis2,
                    adx_period(period)]
        writer.writerow(row)
    return ("\ufeff" if bom else "") + buffer.getvalue()
