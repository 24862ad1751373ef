"""The pivot table (indicator × unit or × period) as plain rows, shared by the page and its CSV/XLSX downloads."""
from dataclasses import dataclass
from decimal import Decimal

from chidao.orgs.models import AdminUnit, Agency
from chidao.reporting.models import Indicator, ReportingPeriod

from . import queries


@dataclass
class Pivot:
    title: str
    columns: list[str]
    rows: list[tuple[str, str, list[Decimal | None]]]  # (indicator name, unit, cells)


def _indicator_rows(figures: dict[tuple, Decimal], keys: list) -> list[tuple[str, str, list]]:
    rows = []
    for indicator in Indicator.objects.order_by("position"):
        cells = []
        for key in keys:
            values = [v for (code, _column, *tail), v in figures.items()
                      if code == indicator.code and tuple(tail) == key]
            cells.append(sum(values, Decimal(0)) if values and not indicator.is_computed else
                         (values[0] if values else None))
        rows.append((indicator.name, indicator.unit, cells))
    return rows


def by_unit(period_code: str, tree: str) -> Pivot:
    figures = queries.by_unit(period_code, tree)
    keys = sorted({tuple(k[2:]) for k in figures}, key=lambda k: (k[0] == queries.PROVINCE, k))
    names = unit_names(tree)
    return Pivot(f"{period_code} · {'trước' if tree == 'pre' else 'sau'} 01/7/2025",
                 [names.get(k[0], k[0]) for k in keys], _indicator_rows(figures, keys))


def by_agency(period_code: str) -> Pivot:
    figures = queries.by_agency(period_code)
    keys = sorted({tuple(k[2:]) for k in figures})
    agencies = dict(Agency.objects.filter(pk__in=[k[0] for k in keys]).values_list("pk", "name"))
    return Pivot(period_code, [agencies[k[0]] for k in keys], _indicator_rows(figures, keys))


def by_period(codes: list[str]) -> Pivot:
    figures = {}
    for code in codes:
        for (indicator, column), value in queries.provincial_totals(code).items():
            figures[(indicator, column, code)] = value
    labels = dict(ReportingPeriod.objects.filter(code__in=codes).values_list("code", "label"))
    return Pivot("", [labels.get(c, c) for c in codes], _indicator_rows(figures, [(c,) for c in codes]))


def unit_names(tree: str) -> dict[str, str]:
    """Display names of the unit keys of queries.by_unit in a tree."""
    names = {queries.PROVINCE: "Cấp tỉnh" if tree == "pre" else "Cấp tỉnh (gồm số liệu cấp huyện cũ)"}
    level = AdminUnit.Level.DISTRICT if tree == "pre" else AdminUnit.Level.COMMUNE
    units = AdminUnit.objects.filter(level=level)
    units = units.filter(valid_to__isnull=True) if tree == "post" else units.exclude(valid_from__gte="2025-07-01")
    names.update({u.code: u.name for u in units.order_by("valid_from")})
    return names
