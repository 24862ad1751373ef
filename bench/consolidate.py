#!/usr/bin/env python3
"""Consolidation at national scale: 34 provinces, 3,321 communes, 40 indicators × 5 disaggregations, 2 periods
(≈ 1.33 M accepted values), timed against a bare SQL GROUP BY over the same table.

Usage:
    .venv/bin/python bench/consolidate.py                 # SQLite in a temporary folder
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/chidao_bench .venv/bin/python bench/consolidate.py

Prints, for the whole country and for one province, the best of --passes timings of chidao's consolidation
(chidao.consolidation.queries: GROUP BY with SUM/MAX/COUNT, then each indicator's rule) and of a bare
SELECT … SUM(value) … GROUP BY, and their ratio. Goal: ≤ 1 s and ≤ 2× the bare GROUP BY.
"""
import argparse
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import django_setup  # noqa: E402

django_setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, transaction  # noqa: E402

from chidao.consolidation import queries  # noqa: E402
from chidao.consolidation.models import ConsolidatedValue  # noqa: E402
from chidao.orgs.models import AdminUnit, Agency  # noqa: E402
from chidao.reporting.models import (  # noqa: E402
    Disaggregation,
    DisaggregationOption,
    FormIndicator,
    Indicator,
    Report,
    ReportForm,
    ReportingRegime,
)

PROVINCES, COMMUNES, INDICATORS, COLUMNS = 34, 3321, 40, ("a", "b", "c", "d", "e")
TABLE = ConsolidatedValue._meta.db_table


def build() -> None:
    """The synthetic country, written once per database (skipped when it is already there)."""
    call_command("migrate", verbosity=0)
    if ConsolidatedValue.objects.exists():
        return
    with transaction.atomic():
        provinces = AdminUnit.objects.bulk_create(
            [AdminUnit(code=f"P{p:02d}", name=f"Tỉnh {p}", level="province", kind="tinh") for p in range(PROVINCES)])
        communes = AdminUnit.objects.bulk_create(
            [AdminUnit(code=f"{c:05d}", name=f"Xã {c}", level="commune", kind="xa", parent=provinces[c % PROVINCES])
             for c in range(COMMUNES)])
        agencies = Agency.objects.bulk_create(
            [Agency(code=f"ubnd-{u.code}", name=f"UBND {u.name}", kind="ubnd", admin_unit=u, search_key="")
             for u in communes])
        kinds = Disaggregation.objects.create(code="bench", name="Loại")
        DisaggregationOption.objects.bulk_create(
            [DisaggregationOption(disaggregation=kinds, code=c, name=c, position=i) for i, c in enumerate(COLUMNS)])
        form = ReportForm.objects.create(code="bench", name="Biểu thử")
        indicators = Indicator.objects.bulk_create(
            [Indicator(code=f"ct-{i:02d}", name=f"Chỉ tiêu {i}", unit="cơ sở", position=i, disaggregation=kinds)
             for i in range(INDICATORS)])
        FormIndicator.objects.bulk_create([FormIndicator(form=form, indicator=i, position=n)
                                           for n, i in enumerate(indicators)])
        regime = ReportingRegime.objects.create(name="bench", frequency="6 tháng", half_yearly_both_halves=True,
                                                recipient=agencies[0], form=form, first_year=2024)
        from chidao.reporting import services

        services.ensure_periods(regime)
        periods = list(regime.periods.order_by("start"))
        reports = Report.objects.bulk_create([Report(period=p, agency=a, status="accepted")
                                              for p in periods for a in agencies])
    rows = ((r.pk, r.period_id, r.period.code, r.agency_id, r.agency.admin_unit_id, ind.pk, ind.code, col,
             (r.agency_id * 7 + ind.pk * 3 + n) % 50)
            for r in reports for ind in indicators for n, col in enumerate(COLUMNS))
    columns = ("report_id", "period_id", "period_code", "agency_id", "admin_unit_id", "indicator_id",
               "indicator_code", '"column"', "value")
    with transaction.atomic(), connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            with cursor.connection.cursor().copy(f"COPY {TABLE} ({', '.join(columns)}) FROM STDIN") as copy:
                for row in rows:
                    copy.write_row(row)
        else:
            sql = f"INSERT INTO {TABLE} ({', '.join(columns)}) VALUES ({', '.join(['%s'] * len(columns))})"
            batch = []
            for row in rows:
                batch.append(row)
                if len(batch) == 50_000:
                    cursor.executemany(sql, batch)
                    batch = []
            cursor.executemany(sql, batch)
        cursor.execute(f"ANALYZE {TABLE}" if connection.vendor == "postgresql" else "ANALYZE")


def best(run, passes: int) -> float:
    times = []
    for _ in range(passes):
        start = time.perf_counter()
        run()
        times.append(time.perf_counter() - start)
    return min(times)


def bare(period: str, province: int | None) -> list:
    join = f" JOIN {AdminUnit._meta.db_table} u ON u.id = v.admin_unit_id AND u.parent_id = %s" if province else ""
    params = [province, period] if province else [period]
    with connection.cursor() as cursor:
        cursor.execute(f'SELECT v.indicator_code, v."column", SUM(v.value) FROM {TABLE} v{join} '
                       f'WHERE v.period_code = %s GROUP BY v.indicator_code, v."column"', params)
        return cursor.fetchall()


def ours(period: str, province: int | None) -> dict:
    filters = {"admin_unit__parent_id": province} if province else {}
    return queries.finish_all(queries.partials(period, **filters))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=5)
    args = parser.parse_args()
    start = time.perf_counter()
    build()
    count = ConsolidatedValue.objects.count()
    print(f"{connection.vendor}: {count:,} values ready in {time.perf_counter() - start:.1f} s")
    period = ConsolidatedValue.objects.values_list("period_code", flat=True).first()
    province = AdminUnit.objects.get(code="P07").pk
    for label, scope in (("country", None), ("one province", province)):
        figures = ours(period, scope)
        check = {(i, c): v for i, c, v in bare(period, scope)}
        assert all(figures[key] == value for key, value in check.items()), "consolidation differs from GROUP BY"
        ours_time = best(lambda scope=scope: ours(period, scope), args.passes)
        bare_time = best(lambda scope=scope: bare(period, scope), args.passes)
        print(f"{label:13s} chidao {ours_time * 1000:7.1f} ms   bare GROUP BY {bare_time * 1000:7.1f} ms   "
              f"ratio {ours_time / bare_time:4.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
