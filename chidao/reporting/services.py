"""Reporting services: periods and reports for a regime, reading and saving a report's figures."""
from decimal import Decimal

from django.db import transaction
from django.db.models import Q

from chidao.lib import periods as period_lib
from chidao.lib.workdays import load_calendar

from . import validation
from .models import Indicator, Report, ReportingPeriod, ReportingRegime, ReportValue, TaskNarrative


class ReportLocked(Exception):
    """The report is not editable in its current status (submitted or accepted)."""


def ensure_periods(regime: ReportingRegime, calendar=None) -> list[ReportingPeriod]:
    """Create the regime's missing periods with their due dates (idempotent)."""
    calendar = calendar or load_calendar()
    last_year = regime.last_year or regime.first_year
    found = []
    for period in period_lib.periods_in(period_lib.Frequency(regime.frequency),
                                        period_lib.CutoffRule(regime.cutoff_rule), regime.first_year, last_year,
                                        half_yearly_both_halves=regime.half_yearly_both_halves):
        row, _ = ReportingPeriod.objects.get_or_create(regime=regime, code=period.code, defaults={
            "label": period.label_vi, "start": period.start, "end": period.end,
            "due_date": period_lib.due_date(period, regime.deadline_working_days, calendar)})
        found.append(row)
    return found


def ensure_reports(regime: ReportingRegime) -> int:
    """One report per period and reporting agency that existed during the period; returns how many were added."""
    added = 0
    for period in regime.periods.all():
        agencies = regime.agencies.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=period.end),
                                          Q(valid_to__isnull=True) | Q(valid_to__gte=period.start))
        for agency in agencies:
            _, created = Report.objects.get_or_create(period=period, agency=agency)
            added += created
    return added


def form_indicators(form) -> list[Indicator]:
    return list(form.indicators.select_related("disaggregation", "numerator", "denominator")
                .prefetch_related("disaggregation__options", "reported_by").order_by("formindicator__position"))


def indicators_for(report: Report) -> list[Indicator]:
    """The form's indicators this agency reports (an indicator with no `reported_by` is for everyone)."""
    return [i for i in form_indicators(report.period.regime.form)
            if not i.reported_by.all() or report.agency in i.reported_by.all()]


def validation_form(indicators: list[Indicator], form) -> validation.FormSpec:
    codes = {i.code for i in indicators}
    return validation.FormSpec(
        indicators=tuple(validation.IndicatorSpec(i.code, i.name, tuple(c for c, _ in i.columns()), i.whole,
                                                  i.is_computed) for i in indicators),
        rules=tuple(validation.RuleSpec(r.kind, r.left.code, r.right.code, r.severity)
                    for r in form.rules.select_related("left", "right")
                    if r.right and r.left.code in codes and r.right.code in codes))


def values_of(report: Report) -> dict[tuple[str, str], Decimal | None]:
    return {(v.indicator.code, v.column): v.value for v in report.values.select_related("indicator")}


def comments_of(report: Report) -> dict[tuple[str, str], str]:
    return {(v.indicator.code, v.column): v.comment for v in report.values.select_related("indicator") if v.comment}


def history_of(report: Report, limit: int = 4) -> dict[tuple[str, str], list[Decimal]]:
    """The agency's accepted figures of earlier periods of the same regime, for the outlier check."""
    earlier = Report.objects.filter(agency=report.agency, period__regime=report.period.regime,
                                    period__start__lt=report.period.start,
                                    status=Report.Status.ACCEPTED).order_by("-period__start")[:limit]
    history: dict[tuple[str, str], list[Decimal]] = {}
    for value in ReportValue.objects.filter(report__in=list(earlier), value__isnull=False).select_related("indicator"):
        history.setdefault((value.indicator.code, value.column), []).append(value.value)
    return history


def check(report: Report) -> list[validation.Issue]:
    indicators = indicators_for(report)
    return validation.validate(validation_form(indicators, report.period.regime.form), values_of(report),
                               history_of(report))


@transaction.atomic
def save_report(report: Report, *, values=None, comments=None, narratives=None, task_narratives=None) -> None:
    """Save figures and texts together, or nothing: the report row is locked and must still be editable."""
    locked = Report.objects.select_for_update().get(pk=report.pk)
    if not locked.editable:
        raise ReportLocked
    indicators = {i.code: i for i in indicators_for(locked)}
    changes: dict[tuple[str, str], dict] = {}
    for (code, column), value in (values or {}).items():
        changes.setdefault((code, column), {})["value"] = value
    for (code, column), comment in (comments or {}).items():
        changes.setdefault((code, column), {})["comment"] = comment
    if changes:
        # Three queries whatever the size: read the rows, update those that exist, create the rest.
        existing = {(row.indicator.code, row.column): row for row in
                    ReportValue.objects.filter(report=locked).select_related("indicator")}
        updated, created = [], []
        for (code, column), fields in changes.items():
            row = existing.get((code, column)) or ReportValue(report=locked, indicator=indicators[code],
                                                              column=column)
            for name, value in fields.items():
                setattr(row, name, value)
            (updated if row.pk else created).append(row)
        ReportValue.objects.bulk_update(updated, ["value", "comment"], batch_size=500)
        ReportValue.objects.bulk_create(created, batch_size=500)
    if narratives:
        for field, text in narratives.items():
            if field not in Report.NARRATIVE_FIELDS:
                raise KeyError(field)
            setattr(locked, field, text)
        locked.save(update_fields=list(narratives))
    for task_id, text in (task_narratives or {}).items():
        TaskNarrative.objects.update_or_create(report=locked, task_id=task_id, defaults={"text": text})
