import csv
import io

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone

from chidao.accounts.access import Role, grant_access
from chidao.reporting.completeness import completeness, totals
from chidao.reporting.models import Indicator, ReportingPeriod
from chidao.tasks.models import OfficeStatus, Task

from . import pivot as pivots
from . import queries
from .models import BoundarySet

KEY_INDICATORS = ["cs-tong", "kt-co-so", "vp-co-so", "xp-tien", "tt-buoi", "tl-cs-kiem-tra"]


def _periods():
    return list(ReportingPeriod.objects.values_list("code", "label").distinct().order_by("code"))


def _chosen_period(request, periods, totals_by_period=None):
    """The asked-for period, else the first with accepted figures, else the first."""
    codes = [c for c, _ in periods]
    chosen = request.GET.get("period")
    if chosen in codes:
        return chosen
    totals_by_period = totals_by_period or {c: queries.provincial_totals(c) for c in codes}
    accepted = [c for c in codes if totals_by_period[c]]
    return accepted[0] if accepted else (codes[0] if codes else None)


@grant_access(Role.ADMIN, Role.COORDINATOR, Role.LEADER)
def dashboard(request):
    periods = _periods()
    by_period = {pc: queries.indicator_totals(queries.provincial_totals(pc)) for pc, _ in periods}
    code = _chosen_period(request, periods, by_period)
    today = timezone.localdate()
    rows = completeness(code, today) if code else []
    key = []
    if code:
        comparisons = queries.compare(ReportingPeriod.objects.filter(code=code).first())
        indicators = {i.code: i for i in Indicator.objects.filter(code__in=KEY_INDICATORS)}
        for code_ in KEY_INDICATORS:
            if code_ in indicators:
                key.append({"indicator": indicators[code_],
                            "comparison": comparisons.get(code_, queries.Comparison(None, None, None)),
                            "trend": [(label, by_period[pc].get(code_)) for pc, label in periods]})
    inspected_by_unit = _by_unit_code(code, "kt-co-so") if code else {}
    ranked = _ranked(inspected_by_unit)
    boundaries = BoundarySet.objects.filter(tree=BoundarySet.Tree.PRE).first()
    choropleth = None
    if boundaries and code:
        choropleth = {"geojson": boundaries.geojson, "key": boundaries.key_property,
                      "title": "Số cơ sở được kiểm tra", "source": f"{boundaries.source} ({boundaries.licence})",
                      "values": [{"name": unit, "value": float(value)}
                                 for unit, value in inspected_by_unit.items()]}
    overdue_tasks = Task.objects.with_office_status(today).filter(office_status=OfficeStatus.OPEN_OVERDUE).count()
    return render(request, "consolidation/dashboard.html", {
        "periods": periods, "period": code, "completeness": totals(rows), "key": key,
        "overdue_tasks": overdue_tasks,
        # Counts only on one axis: money (hundreds of millions) and percentages would flatten them.
        "chart": {"trend": [{"name": k["indicator"].name, "points": [[p, float(v) if v is not None else None]
                                                                       for p, v in k["trend"]]}
                            for k in key if k["indicator"].unit not in ("đồng", "%")],
                  "ranked": {"title": "Số cơ sở được kiểm tra theo đơn vị", "bars": ranked},
                  "map": choropleth},
        "boundaries": boundaries,
    })


def _by_unit_code(code, indicator) -> dict:
    totals_by_unit = {}
    for (c, _col, unit), value in queries.by_unit(code, "pre").items():
        if c == indicator:
            totals_by_unit[unit] = totals_by_unit.get(unit, 0) + value
    return totals_by_unit


def _ranked(by_unit: dict):
    names = pivots.unit_names("pre")
    ranked = sorted(by_unit.items(), key=lambda kv: kv[1], reverse=True)
    return [[names.get(unit, unit), float(value)] for unit, value in ranked]


def _pivot_from(request):
    periods = _periods()
    code = _chosen_period(request, periods)
    view = request.GET.get("by", "unit")
    if view == "period":
        table = pivots.by_period([c for c, _ in periods])
    elif view == "agency" and code:
        table = pivots.by_agency(code)
    elif code:
        table = pivots.by_unit(code, "post" if request.GET.get("tree") == "post" else "pre")
    else:
        table = pivots.Pivot("", [], [])
    return periods, code, view, table


@grant_access(Role.ADMIN, Role.COORDINATOR, Role.LEADER)
def pivot(request):
    periods, code, view, table = _pivot_from(request)
    fmt = request.GET.get("format")
    if fmt == "csv":
        return _csv(table)
    if fmt == "xlsx":
        return _xlsx(table)
    return render(request, "consolidation/pivot.html", {"periods": periods, "period": code, "by": view,
                                                        "tree": request.GET.get("tree", "pre"), "table": table})


def _csv(table):
    buffer = io.StringIO()
    buffer.write("\ufeff")  # Excel opens UTF-8 Vietnamese correctly only with a BOM
    writer = csv.writer(buffer)
    writer.writerow(["Chỉ tiêu", "Đơn vị tính", *table.columns])
    for name, unit, cells in table.rows:
        writer.writerow([name, unit, *["" if c is None else c for c in cells]])
    response = HttpResponse(buffer.getvalue(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="tong-hop.csv"'
    return response


def _xlsx(table):
    from .outputs.content import HeaderCell, TableRow, TableSpec
    from .outputs.xlsx_tables import build_xlsx

    spec = TableSpec(title=table.title or "Tổng hợp",
                     header_rows=[[HeaderCell("Chỉ tiêu"), HeaderCell("Đơn vị tính"),
                                   *[HeaderCell(c) for c in table.columns]]],
                     rows=[TableRow([name, unit, *cells]) for name, unit, cells in table.rows])
    response = HttpResponse(build_xlsx([spec], title=spec.title),
                            content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")
    response["Content-Disposition"] = 'attachment; filename="tong-hop.xlsx"'
    return response


CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "pdf": "application/pdf",
}


def render_report(period_code: str, fmt: str) -> bytes:
    """The provincial report of a period as DOCX, XLSX or PDF bytes (shared by the web and the CLI)."""
    from . import provincial
    from .outputs.docx_report import build_docx
    from .outputs.pdf import docx_to_pdf
    from .outputs.xlsx_tables import build_xlsx

    content = provincial.build(period_code)
    if fmt == "xlsx":
        return build_xlsx(content.tables, title=content.subject)
    docx = build_docx(content)
    return docx_to_pdf(docx) if fmt == "pdf" else docx


@grant_access(Role.ADMIN, Role.COORDINATOR, Role.LEADER)
def provincial_report(request, period: str, fmt: str):
    from .outputs.pdf import PdfUnavailable

    if fmt not in CONTENT_TYPES or not ReportingPeriod.objects.filter(code=period).exists():
        raise Http404
    try:
        data = render_report(period, fmt)
    except PdfUnavailable as problem:
        return HttpResponse(str(problem), status=503, content_type="text/plain; charset=utf-8")
    response = HttpResponse(data, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="bao-cao-tong-hop-{period}.{fmt}"'
    return response


@grant_access(Role.ADMIN, Role.COORDINATOR, Role.LEADER)
def export_data(request, period: str, fmt: str):
    from . import exchange

    if fmt not in exchange.FORMATS or not ReportingPeriod.objects.filter(code=period).exists():
        raise Http404
    body, content_type, extension = exchange.export(period, fmt)
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="du-lieu-{period}.{extension}"'
    return response
