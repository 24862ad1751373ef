"""Copy an accepted report's figures into the consolidated table, or take them out again (explicit calls from
the report workflow; no signals)."""
from chidao.reporting.models import Report, ReportValue

from .models import ConsolidatedValue


def publish(report: Report) -> int:
    withdraw(report)
    unit = report.agency.admin_unit
    rows = [ConsolidatedValue(report=report, period=report.period, period_code=report.period.code,
                              agency=report.agency, admin_unit=unit, indicator=v.indicator,
                              indicator_code=v.indicator.code, column=v.column, value=v.value)
            for v in ReportValue.objects.filter(report=report, value__isnull=False).select_related("indicator")]
    ConsolidatedValue.objects.bulk_create(rows)
    return len(rows)


def withdraw(report: Report) -> int:
    deleted, _ = ConsolidatedValue.objects.filter(report=report).delete()
    return deleted
