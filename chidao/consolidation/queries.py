"""Reading the consolidated table: one GROUP BY, then each indicator's rule (pure logic in chidao.lib.aggregate)."""
from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import Count, Max, Sum

from chidao.lib.aggregate import Partial, change, finish, merge, ratio
from chidao.orgs.models import AdminUnit
from chidao.reporting.models import Indicator, ReportingPeriod

from .models import ConsolidatedValue

PROVINCE = "province"


def _rules() -> dict[str, Indicator]:
    return {i.code: i for i in Indicator.objects.select_related("numerator", "denominator")}


def partials(period_code: str, group_by: tuple[str, ...] = (), **filters) -> dict[tuple, Partial]:
    """{(indicator_code, column, *group_by values): Partial} for the accepted figures of a period."""
    rows = (ConsolidatedValue.objects.filter(period_code=period_code, **filters)
            .values("indicator_code", "column", *group_by)
            .annotate(total=Sum("value"), maximum=Max("value"), n=Count("id")).order_by())
    return {(r["indicator_code"], r["column"], *(r[g] for g in group_by)): Partial(r["total"], r["maximum"], r["n"])
            for r in rows}


def finish_all(groups: dict[tuple, Partial], rules: dict[str, Indicator] | None = None) -> dict[tuple, Decimal]:
    """Apply each indicator's rule; add ratio indicators from their numerator and denominator totals."""
    rules = rules or _rules()
    figures = {key: finish(rules[key[0]].across_units if key[0] in rules else "sum", partial)
               for key, partial in groups.items()}
    tails = {key[2:] for key in figures}
    for indicator in rules.values():
        if indicator.is_computed and indicator.numerator and indicator.denominator:
            for tail in tails:
                num = [v for k, v in figures.items() if k[0] == indicator.numerator.code and k[2:] == tail]
                den = [v for k, v in figures.items() if k[0] == indicator.denominator.code and k[2:] == tail]
                value = ratio(sum(num, Decimal(0)), sum(den, Decimal(0))) if num and den else None
                if value is not None:
                    figures[(indicator.code, "total", *tail)] = value
    return figures


def provincial_totals(period_code: str, **filters) -> dict[tuple[str, str], Decimal]:
    """{(indicator, column): figure} over every accepted report of the period."""
    return finish_all(partials(period_code, **filters))


def indicator_totals(figures: dict[tuple[str, str], Decimal]) -> dict[str, Decimal]:
    """Collapse the columns of additive indicators into one figure per indicator."""
    totals: dict[str, Decimal] = defaultdict(Decimal)
    for (code, _column), value in figures.items():
        totals[code] += value
    return dict(totals)


@dataclass
class Comparison:
    current: Decimal | None
    previous: Decimal | None
    last_year: Decimal | None

    @property
    def change_last_year(self):
        return change(self.current, self.last_year)


def earlier_periods(period: ReportingPeriod) -> tuple[ReportingPeriod | None, ReportingPeriod | None]:
    """(previous period of the same regime, same period of the year before)."""
    previous = period.regime.periods.filter(start__lt=period.start).order_by("-start").first()
    year, _, rest = period.code.partition("-")
    last_code = f"{int(year) - 1}{'-' + rest if rest else ''}"
    return previous, period.regime.periods.filter(code=last_code).first()


def compare(period: ReportingPeriod) -> dict[str, Comparison]:
    """{indicator: this period, the previous period and the same period a year before}, columns added up."""
    previous, last_year = earlier_periods(period)
    current = indicator_totals(provincial_totals(period.code))
    before = indicator_totals(provincial_totals(previous.code)) if previous else {}
    year_ago = indicator_totals(provincial_totals(last_year.code)) if last_year else {}
    return {code: Comparison(value, before.get(code), year_ago.get(code)) for code, value in current.items()}


def by_agency(period_code: str) -> dict[tuple, Decimal]:
    """{(indicator, column, agency_id): figure}."""
    return finish_all(partials(period_code, ("agency_id",)))


def unit_keys(tree: str) -> dict[int | None, str]:
    """Where each recorded unit's figures go in a tree.

    "pre": communes roll up to their district; districts stay; the province is its own row.
    "post": communes go to their successor (each old commune has exactly one); district and province figures
    cannot be split among the new communes and stay at the province row. Both trees therefore hold every figure
    once, and their provincial totals are equal.
    """
    keys: dict[int | None, str] = {None: PROVINCE}
    for unit in AdminUnit.objects.select_related("parent").prefetch_related("successor_links__new"):
        if unit.level == AdminUnit.Level.PROVINCE:
            keys[unit.pk] = PROVINCE
        elif tree == "pre":
            keys[unit.pk] = unit.parent.code if unit.level == AdminUnit.Level.COMMUNE and unit.parent else unit.code
        elif unit.level == AdminUnit.Level.COMMUNE:
            successors = [link.new for link in unit.successor_links.all()]
            keys[unit.pk] = successors[0].code if successors and unit.valid_to else unit.code
        else:
            keys[unit.pk] = PROVINCE
    return keys


def by_unit(period_code: str, tree: str = "pre") -> dict[tuple, Decimal]:
    """{(indicator, column, unit key): figure} in the pre-reform (districts) or post-reform (communes) tree."""
    keys = unit_keys(tree)
    grouped: dict[tuple, list[Partial]] = defaultdict(list)
    for (code, column, unit_id), partial in partials(period_code, ("admin_unit_id",)).items():
        grouped[(code, column, keys.get(unit_id, PROVINCE))].append(partial)
    return finish_all({key: merge(parts) for key, parts in grouped.items()})
