"""Completeness of a period: expected, submitted, on time, late — per agency and in total."""
import datetime as dt
from dataclasses import asdict, dataclass

from .models import Report


@dataclass
class AgencyCompleteness:
    agency: str
    agency_code: str
    expected: int
    submitted: int
    on_time: int
    late: int
    status: str
    due_date: str
    report_id: int


def completeness(period_code: str, today: dt.date) -> list[AgencyCompleteness]:
    """One row per expected report; late = submitted after the due date, or still missing past it."""
    rows = []
    reports = Report.objects.filter(period__code=period_code).select_related("agency", "period")
    for report in reports.order_by("agency__name"):
        on_time = report.is_on_time()
        submitted = report.first_submitted_at is not None
        overdue_missing = not submitted and today > report.period.due_date
        rows.append(AgencyCompleteness(
            agency=report.agency.name, agency_code=report.agency.code, expected=1, submitted=int(submitted),
            on_time=int(bool(on_time)), late=int(on_time is False or overdue_missing),
            status=report.status, due_date=report.period.due_date.isoformat(), report_id=report.pk))
    return rows


def totals(rows: list[AgencyCompleteness]) -> dict[str, int]:
    return {key: sum(getattr(r, key) for r in rows) for key in ("expected", "submitted", "on_time", "late")}


def as_json_rows(rows: list[AgencyCompleteness]) -> list[dict]:
    return [{k: v for k, v in asdict(r).items() if k in ("agency", "agency_code", "expected", "submitted",
                                                          "on_time", "late", "status", "due_date")} for r in rows]
