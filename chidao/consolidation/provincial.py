"""Assemble the provincial report of a period from the consolidated figures and the accepted narratives."""
import datetime as dt
from decimal import Decimal

from django.utils import timezone

from chidao.reporting.models import Indicator, Report, ReportingPeriod
from chidao.tasks.models import Task

from . import queries
from .outputs.content import AgencySection, HeaderCell, ProvincialReport, TableRow, TableSpec, format_number
from .pivot import unit_names

NARRATIVE_PARTS = ("situation", "shortcomings", "direction", "recommendations")


def _figure(value: Decimal | None):
    if value is None:
        return None
    return int(value) if value == value.to_integral_value() else value


def indicator_table(period: ReportingPeriod, comparisons: dict) -> TableSpec:
    """Biểu 1: every indicator, this period against the same period a year before."""
    rows = []
    group = None
    for indicator in Indicator.objects.order_by("position"):
        if indicator.group != group:
            group = indicator.group
            rows.append(TableRow([group, "", None, None, None], bold=True))
        comparison = comparisons.get(indicator.code)
        current = comparison.current if comparison else None
        year_ago = comparison.last_year if comparison else None
        percent = comparison.change_last_year[1] if comparison else None
        # A ratio keeps its decimal ("9,6"); the column's whole-number format would round it away.
        shown = (lambda v: format_number(v, "0.0") if v is not None else None) if indicator.is_computed else _figure
        rows.append(TableRow([indicator.name, indicator.unit, shown(current), shown(year_ago),
                              None if percent is None else percent], level=1))
    return TableSpec(
        title=f"Biểu 1. Kết quả thực hiện các chỉ tiêu {period.label}",
        header_rows=[[HeaderCell("Chỉ tiêu"), HeaderCell("Đơn vị tính"), HeaderCell("Kỳ này"),
                      HeaderCell("Cùng kỳ năm trước"), HeaderCell("Tăng, giảm (%)")]],
        rows=rows, column_formats=[None, None, "#,##0", "#,##0", "0.0"], column_widths=[73, 16, 28, 26, 22])


def disaggregation_table(period: ReportingPeriod, figures: dict) -> TableSpec | None:
    """Biểu 2: the indicators broken down by establishment type."""
    indicators = [i for i in Indicator.objects.filter(disaggregation__code="loai-co-so").order_by("position")]
    if not indicators:
        return None
    options = indicators[0].columns()
    rows = []
    for indicator in indicators:
        cells = [_figure(figures.get((indicator.code, code))) for code, _ in options]
        total = sum((c for c in cells if c is not None), 0)
        rows.append(TableRow([indicator.name, total, *cells]))
    return TableSpec(
        title=f"Biểu 2. Cơ sở kinh doanh dịch vụ theo loại hình, {period.label}",
        header_rows=[[HeaderCell("Chỉ tiêu", rowspan=2), HeaderCell("Tổng số", rowspan=2),
                      HeaderCell("Chia theo loại hình", colspan=len(options))],
                     [HeaderCell(label) for _, label in options]],
        rows=rows, column_formats=[None] + ["#,##0"] * (len(options) + 1))


def unit_table(period: ReportingPeriod) -> TableSpec:
    """Biểu 3: key figures by district (the administrative tree of the period)."""
    figures = queries.by_unit(period.code, "pre")
    names = unit_names("pre")
    keys = sorted({k[2] for k in figures}, key=lambda k: (k == queries.PROVINCE, k))
    codes = ["cs-tong", "kt-co-so", "vp-co-so", "xp-tien"]
    indicators = {i.code: i for i in Indicator.objects.filter(code__in=codes)}
    rows = []
    for key in keys:
        cells = [_figure(sum((v for (c, _col, u), v in figures.items() if c == code and u == key), Decimal(0)))
                 for code in codes]
        rows.append(TableRow([names.get(key, key), *cells]))
    return TableSpec(title=f"Biểu 3. Một số chỉ tiêu theo đơn vị, {period.label}",
                     header_rows=[[HeaderCell("Đơn vị"), *[HeaderCell(indicators[c].name) for c in codes
                                                          if c in indicators]]],
                     rows=rows, column_formats=[None] + ["#,##0"] * len(codes))


def build(period_code: str, today: dt.date | None = None) -> ProvincialReport:
    period = ReportingPeriod.objects.select_related("regime__duty__directive", "regime__via",
                                                    "regime__recipient").filter(code=period_code).first()
    if period is None:
        raise LookupError(period_code)
    today = today or timezone.localdate()
    directive = period.regime.duty.directive if period.regime.duty else None
    figures = queries.provincial_totals(period.code)
    comparisons = queries.compare(period)
    accepted = list(Report.objects.filter(period__code=period.code, status=Report.Status.ACCEPTED)
                    .select_related("agency").order_by("agency__name"))
    sections = []
    for number, report in enumerate(accepted, start=1):
        tasks = Task.objects.filter(agency=report.agency, directive=directive) if directive else Task.objects.none()
        sections.append(AgencySection(
            heading=f"{number}. {report.agency.name}",
            paragraphs=[p for p in report.results.splitlines() if p.strip()] or ["(Không có thuyết minh.)"],
            tasks=[(t.text[:300], t.office_status(today).label) for t in tasks]))
    basis = []
    if directive:
        basis.append(f"Thực hiện {directive.doc_type} số {directive.reference} ngày "
                     f"{directive.issued_on:%d/%m/%Y} của {directive.issuer or 'UBND tỉnh'} về việc "
                     f"{directive.subject}, trên cơ sở báo cáo của {len(accepted)} cơ quan, đơn vị, "
                     f"{period.regime.via or period.regime.recipient} tổng hợp, báo cáo kết quả {period.label} "
                     f"như sau:")
    by_indicator = queries.indicator_totals(figures)
    inspected, establishments = by_indicator.get("kt-co-so"), by_indicator.get("cs-tong")
    violations, fines = by_indicator.get("vp-co-so"), by_indicator.get("xp-tien")
    summary = []
    if establishments is not None:
        summary.append(f"Toàn tỉnh có {_vn(establishments)} cơ sở kinh doanh dịch vụ dễ bị lợi dụng hoạt động mại "
                       f"dâm; các đoàn kiểm tra liên ngành đã kiểm tra {_vn(inspected or 0)} cơ sở, phát hiện "
                       f"{_vn(violations or 0)} cơ sở vi phạm, xử phạt {_vn(fines or 0)} đồng.")
    tables = [t for t in (indicator_table(period, comparisons), disaggregation_table(period, figures),
                          unit_table(period)) if t]
    return ProvincialReport(
        issuer_parent="", issuer="ỦY BAN NHÂN DÂN TỈNH LAI CHÂU", number="", symbol="BC-UBND",
        place="Lai Châu", date=today, title="BÁO CÁO",
        subject=f"Kết quả công tác phòng, chống tệ nạn mại dâm {period.label}",
        basis=basis, situation=_joined(accepted, "situation"), agency_sections=sections, results_summary=summary,
        assessment=_joined(accepted, "shortcomings"), direction=_joined(accepted, "direction"),
        recommendations=_joined(accepted, "recommendations"), tables=tables,
        recipients=["Bộ Lao động - Thương binh và Xã hội (để b/c)", "Thường trực Tỉnh ủy, HĐND tỉnh (để b/c)",
                    "Chủ tịch, các PCT UBND tỉnh", "Các sở, ngành thành viên Ban Chỉ đạo tỉnh",
                    "UBND các huyện, thị xã", "Lưu: VT, VX."],
        signer_authority="TM. ỦY BAN NHÂN DÂN\nKT. CHỦ TỊCH", signer_title="PHÓ CHỦ TỊCH", signer_name="")


def _joined(reports: list[Report], field: str) -> list[str]:
    """Distinct paragraphs of one narrative part across the accepted reports, in order."""
    seen: dict[str, None] = {}
    for report in reports:
        for paragraph in getattr(report, field).splitlines():
            if paragraph.strip():
                seen.setdefault(paragraph.strip(), None)
    return list(seen)


def _vn(value: Decimal) -> str:
    return f"{int(value):,}".replace(",", ".")
