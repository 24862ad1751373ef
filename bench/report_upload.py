#!/usr/bin/env python3
"""Validate and save an uploaded report of 500 values (100 indicators × 5 columns), end to end.

Usage:
    .venv/bin/python bench/report_upload.py [--passes N]          # SQLite in a temporary folder
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/chidao_bench .venv/bin/python bench/report_upload.py

Builds a form of 100 indicators with 5 columns each, a regime, one report; downloads its template
(chidao.reporting.excel_io.template_for), fills every cell as a user's Excel would, then times
excel_io.upload: read the workbook, check every cell, apply the form's rules, save all values in one
transaction. Best of --passes runs; each run saves over the previous one (the real re-upload path).
"""
import argparse
import sys
import time
from io import BytesIO
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _setup import django_setup  # noqa: E402

django_setup()

import django  # noqa: E402
from django.core.management import call_command  # noqa: E402
from openpyxl import load_workbook  # noqa: E402

from chidao.orgs.models import Agency  # noqa: E402
from chidao.reporting import excel_io, services  # noqa: E402
from chidao.reporting.excel.names import parse_reference, value_name  # noqa: E402
from chidao.reporting.models import (  # noqa: E402
    Disaggregation,
    DisaggregationOption,
    FormIndicator,
    Indicator,
    ReportForm,
    ReportingRegime,
    ValidationRule,
)


def setup(indicators: int):
    call_command("migrate", verbosity=0)
    province = Agency.objects.get_or_create(code="bench-ubnd", defaults={"name": "UBND tỉnh thử", "kind": "ubnd"})[0]
    lead = Agency.objects.get_or_create(code="bench-lead", defaults={"name": "Sở thử", "kind": "department"})[0]
    types = Disaggregation.objects.get_or_create(code="bench-types", defaults={"name": "Loại"})[0]
    for n, code in enumerate(["a", "b", "c", "d", "e"]):
        DisaggregationOption.objects.get_or_create(disaggregation=types, code=code, defaults={"name": code.upper(),
                                                                                             "position": n})
    form = ReportForm.objects.get_or_create(code="bench", version=1, defaults={"name": "Biểu thử"})[0]
    rows = []
    for i in range(indicators):
        indicator = Indicator.objects.get_or_create(code=f"bench-{i:03d}", defaults={
            "name": f"Chỉ tiêu thử {i}", "unit": "cơ sở", "group": f"Nhóm {i // 10}", "position": i,
            "disaggregation": types})[0]
        FormIndicator.objects.get_or_create(form=form, indicator=indicator, defaults={"position": i})
        rows.append(indicator)
    for left, right in zip(rows[1::2], rows[0::2], strict=False):
        ValidationRule.objects.get_or_create(form=form, kind="lte", left=left, right=right)
    regime = ReportingRegime.objects.get_or_create(name="bench", defaults={
        "frequency": "6 tháng", "recipient": province, "via": lead, "form": form, "first_year": 2013})[0]
    regime.agencies.add(lead)
    services.ensure_periods(regime)
    services.ensure_reports(regime)
    return regime.periods.get().reports.get()


def filled(report) -> bytes:
    workbook = load_workbook(BytesIO(excel_io.template_for(report)))
    spec = excel_io.spec_for(report)
    for n, key in enumerate(spec.value_keys()):
        sheet, cell = parse_reference(workbook.defined_names[value_name(*key)].attr_text)
        indicator = int(key[0].rsplit("-", 1)[1])
        workbook[sheet][cell] = 1000 - indicator - (n % 5)  # odd rows ≤ even rows: every rule holds
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--indicators", type=int, default=100)
    args = parser.parse_args()
    report = setup(args.indicators)
    data = filled(report)
    errors = excel_io.upload(report, data)
    if errors:
        print("upload refused:", [e.vi for e in errors[:3]], file=sys.stderr)
        return 1
    saved = report.values.exclude(value=None).count()
    best = float("inf")
    for _ in range(max(1, args.passes)):
        start = time.perf_counter()
        excel_io.upload(report, data)
        best = min(best, time.perf_counter() - start)
    vendor = django.db.connection.vendor
    print(f"upload ({vendor}): {saved} values validated and saved; best of {args.passes}: {best * 1000:.0f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
