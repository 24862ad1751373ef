"""Read-only API over the consolidated figures, scoped like the web: reporters see their own agency's figures.

OpenAPI description at /api/v1/openapi.json, interactive docs at /api/v1/docs (assets served locally).
"""
from decimal import Decimal

from django.contrib.auth.decorators import login_required
from ninja import NinjaAPI, Schema
from ninja.errors import HttpError
from ninja.security import django_auth

from chidao.accounts.access import scoped_to_user
from chidao.reporting.models import Indicator, ReportingPeriod

from .models import ConsolidatedValue

api = NinjaAPI(title="chidao", version="1", urls_namespace="api", auth=django_auth, docs_decorator=login_required,
               description="Số liệu đã tiếp nhận, tổng hợp / accepted, consolidated figures")


class PeriodOut(Schema):
    code: str
    label: str
    start: str
    end: str


class IndicatorOut(Schema):
    code: str
    name: str
    unit: str
    across_units: str


class ValueOut(Schema):
    period: str
    agency: str
    admin_unit: str | None
    indicator: str
    column: str
    value: Decimal


def _scope(request, values):
    if getattr(request.user, "membership", None) is None:
        raise HttpError(403, "Tài khoản chưa được gán cơ quan / no membership")
    return scoped_to_user(values, request.user)


@api.get("/periods", response=list[PeriodOut])
def periods(request):
    _scope(request, ConsolidatedValue.objects.none())
    seen = {}
    for p in ReportingPeriod.objects.order_by("start"):
        seen.setdefault(p.code, PeriodOut(code=p.code, label=p.label, start=p.start.isoformat(), end=p.end.isoformat()))
    return list(seen.values())


@api.get("/indicators", response=list[IndicatorOut])
def indicators(request):
    _scope(request, ConsolidatedValue.objects.none())
    return [IndicatorOut(code=i.code, name=i.name, unit=i.unit, across_units=i.across_units)
            for i in Indicator.objects.order_by("position")]


@api.get("/values", response=list[ValueOut])
def values(request, period: str, indicator: str | None = None, agency: str | None = None):
    rows = _scope(request, ConsolidatedValue.objects.filter(period_code=period)).select_related("agency",
                                                                                               "admin_unit")
    if indicator:
        rows = rows.filter(indicator_code=indicator)
    if agency:
        rows = rows.filter(agency__code=agency)
    return [ValueOut(period=r.period_code, agency=r.agency.code, admin_unit=r.admin_unit.code if r.admin_unit else None,
                     indicator=r.indicator_code, column=r.column, value=r.value) for r in rows.order_by("id")]
