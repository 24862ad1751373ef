"""Demo reports for the founding directive: 2013 and 2014, realistic figures, some accepted, one returned, one late.

Figures come from a seeded generator, so every demo database holds the same numbers.
"""
import datetime as dt
import random
from decimal import Decimal
from zoneinfo import ZoneInfo

from django.contrib.auth import get_user_model
from django.db import transaction

from chidao.documents.models import Directive
from chidao.orgs.models import Agency

from . import flow, services
from .catalogue import load_catalogue
from .models import Report, ReportEvent, ReportingRegime

TZ = ZoneInfo("Asia/Ho_Chi_Minh")
NARRATIVES = {
    "situation": "Tình hình tệ nạn mại dâm trên địa bàn cơ bản được kiểm soát; hoạt động mại dâm còn diễn biến "
                 "phức tạp tại các cơ sở lưu trú, karaoke gần công trường thủy điện.",
    "results": "Đã triển khai Công văn 879/UBND-VX; tăng cường kiểm tra các cơ sở kinh doanh dịch vụ dễ bị lợi dụng; "
               "tuyên truyền tại các xã, thị trấn trọng điểm.",
    "shortcomings": "Lực lượng kiểm tra còn mỏng; kinh phí hạn chế; một số cơ sở chưa chấp hành đăng ký lưu trú.",
    "direction": "Duy trì kiểm tra định kỳ và đột xuất; nhân rộng mô hình xã, phường lành mạnh.",
    "recommendations": "Đề nghị bổ sung kinh phí hoạt động cho Đội kiểm tra liên ngành 178.",
}


def setup_regimes(directive: Directive, years=(2013, 2014)) -> list[ReportingRegime]:
    """A regime per reporting duty of the directive, reported by every agency it gave a task to."""
    form = load_catalogue()[0]
    regimes = []
    agencies = Agency.objects.filter(tasks__directive=directive).distinct()
    for duty in directive.reporting_duties.all():
        regime, _ = ReportingRegime.objects.get_or_create(duty=duty, defaults={
            "name": f"Báo cáo {duty.get_frequency_display().lower()} thực hiện {directive.doc_type} "
                    f"{directive.reference}",
            "frequency": duty.frequency, "recipient": duty.recipient or directive.lead_agency,
            "via": duty.via, "form": form, "first_year": years[0], "last_year": years[-1],
            "deadline_working_days": 5})
        regime.agencies.add(*agencies)
        services.ensure_periods(regime)
        services.ensure_reports(regime)
        regimes.append(regime)
    return regimes


def _figures(report: Report, rng: random.Random) -> dict:
    """Plausible figures for one agency and period; districts carry establishments, police carries cases."""
    values = {}
    indicators = {i.code: i for i in services.indicators_for(report)}
    scale = 3 if report.agency.kind == Agency.Kind.PEOPLES_COMMITTEE else 1
    types = {"luu-tru": (8, 30), "karaoke": (4, 15), "xoa-bop": (0, 4), "vu-truong-bar": (0, 2), "khac": (1, 8)}
    for column, (low, high) in types.items():
        total = rng.randint(low, high) * scale
        inspected = rng.randint(total // 2, total) if total else 0
        violating = rng.randint(0, max(0, inspected // 4))
        values[("cs-tong", column)] = total
        values[("kt-co-so", column)] = inspected
        values[("vp-co-so", column)] = violating
    violations = sum(values[("vp-co-so", c)] for c in types)
    values.update({
        ("cs-nhan-vien", "total"): sum(values[("cs-tong", c)] for c in types) * rng.randint(2, 4),
        ("kt-luot", "total"): sum(values[("kt-co-so", c)] for c in types) + rng.randint(0, 10),
        ("xp-tien", "total"): violations * rng.choice([2_500_000, 3_000_000, 5_000_000]),
        ("xp-dinh-chi", "total"): min(violations, rng.randint(0, 2)),
        ("vu-an", "total"): rng.randint(1, 6), ("doi-tuong", "total"): rng.randint(2, 15),
        ("tu-diem", "total"): rng.randint(0, 3),
        ("tt-buoi", "total"): rng.randint(5, 40), ("tt-nguoi", "total"): rng.randint(300, 4000),
        ("tap-huan", "total"): rng.randint(10, 80),
        ("xa-tong", "total"): rng.randint(10, 20) if scale > 1 else None,
    })
    if values[("xa-tong", "total")]:
        values[("xa-lanh-manh", "total")] = rng.randint(values[("xa-tong", "total")] // 2, values[("xa-tong", "total")])
    for column in ("y-te", "phap-ly", "day-nghe", "vay-von", "viec-lam"):
        values[("ho-tro", column)] = rng.randint(0, 12)
    return {key: (None if value is None else Decimal(value)) for key, value in values.items()
            if key[0] in indicators and key[1] in {c for c, _ in indicators[key[0]].columns()}}


def _at(day: dt.date, hour: int = 9) -> dt.datetime:
    return dt.datetime.combine(day, dt.time(hour), tzinfo=TZ)


def _reporter_for(report: Report):
    user_model = get_user_model()
    return (user_model.objects.filter(membership__agency=report.agency, membership__role="reporter").first()
            or user_model.objects.get(username="quantri"))


@transaction.atomic
def fill_reports(regimes: list[ReportingRegime]) -> None:
    """Fill and move the demo reports through the workflow once; a filled demo is left as it is."""
    if ReportEvent.objects.filter(report__period__regime__in=regimes).exists():
        return
    lead = get_user_model().objects.get(username="daumoi")
    for regime in regimes:
        for period in regime.periods.order_by("start"):
            reports = list(period.reports.select_related("agency").order_by("agency__code"))
            for index, report in enumerate(reports):
                rng = random.Random(f"{report.agency.code}/{period.code}")
                services.save_report(report, values=_figures(report, rng), narratives=NARRATIVES)
                _move(report, index, len(reports), period, _reporter_for(report), lead)


def _move(report, index, count, period, reporter, lead) -> None:
    """2013-H1: one returned, one late, one still missing, the rest accepted; other periods: all accepted."""
    due = period.due_date
    story = "accepted"
    if period.code.endswith("H1") and period.start.year == 2013:
        story = {0: "returned", 1: "late", 2: "missing"}.get(index, "accepted")
    elif period.start.year == 2013:
        story = {0: "submitted"}.get(index, "accepted")
    if story == "missing":
        return
    # Unusual figures need a word of explanation before submission, as a reporter would write it.
    comments = {(i.indicator, i.column): "Số liệu thay đổi do tăng cường kiểm tra đột xuất theo kế hoạch của tỉnh."
                for i in flow.blocking_issues(report) if not i.is_error}
    if comments:
        services.save_report(report, comments=comments)
    flow.perform(report, "submit", reporter)
    submitted = due + dt.timedelta(days=9) if story == "late" else due - dt.timedelta(days=1 + index % 4)
    Report.objects.filter(pk=report.pk).update(first_submitted_at=_at(submitted), submitted_at=_at(submitted))
    if story == "returned":
        flow.perform(report, "return", lead, note="Đề nghị bổ sung số cơ sở vi phạm theo loại hình và thuyết minh "
                                                  "kết quả xử lý.")
    elif story in ("accepted", "late"):
        flow.perform(report, "accept", lead)
        Report.objects.filter(pk=report.pk).update(accepted_at=_at(submitted + dt.timedelta(days=2)))
    for event in report.events.all():
        offset = 0 if event.to_status == "submitted" else 2
        ReportEvent.objects.filter(pk=event.pk).update(at=_at(submitted + dt.timedelta(days=offset)))
