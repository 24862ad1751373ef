#!/usr/bin/env python3
"""Time read_upload on a large filled workbook: 100 indicators x 5 columns = 500 values, 7 narratives.

Usage:
    .venv/bin/python bench/report_upload_excel.py [--passes N] [--indicators N]

Builds the template with build_template, fills every value cell and narrative with openpyxl (as a user's
Excel would save it), checks that read_upload returns every value without errors, then times read_upload
alone, in-process, best of --passes runs (default 5). bench/report_upload.py adds the database save.
"""
import argparse
import sys
import time
from decimal import Decimal
from io import BytesIO
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from openpyxl import load_workbook  # noqa: E402

from chidao.reporting.excel import (  # noqa: E402
    Column,
    FormSpec,
    IndicatorRow,
    NarrativeField,
    build_template,
    read_upload,
)
from chidao.reporting.excel.names import narrative_name, parse_reference, value_name  # noqa: E402

COLUMNS = (Column("total", "Tổng số"), Column("luu_tru", "Cơ sở lưu trú"), Column("karaoke", "Karaoke"),
           Column("massage", "Xoa bóp, massage"), Column("khac", "Loại khác"))


def large_spec(indicators: int) -> FormSpec:
    """A form of `indicators` rows, each with 5 columns, in groups of 10, plus 7 narratives."""
    rows = tuple(IndicatorRow(f"CT_{i:03d}", f"Chỉ tiêu thử nghiệm số {i} về phòng, chống mại dâm", "cơ sở",
                              COLUMNS, group=f"Nhóm {i // 10 + 1}") for i in range(indicators))
    narratives = tuple(NarrativeField(code, f"Thuyết minh {code}") for code in
                       ("tinh_hinh", "ket_qua", "ton_tai", "phuong_huong", "kien_nghi", "task_1", "task_2"))
    return FormSpec("PCMD-DK", "Báo cáo kết quả công tác phòng, chống mại dâm", 1, "so-ldtbxh",
                    "Sở Lao động - Thương binh và Xã hội", "2013-H1", "6 tháng đầu năm 2013", rows, narratives)


def filled_workbook(spec: FormSpec) -> tuple[bytes, dict[tuple[str, str], Decimal]]:
    """The template with every cell typed in through openpyxl, and the values typed."""
    workbook = load_workbook(BytesIO(build_template(spec)))
    values = {}
    for n, key in enumerate(spec.value_keys()):
        sheet, cell = parse_reference(workbook.defined_names[value_name(*key)].attr_text)
        workbook[sheet][cell] = n * 7
        values[key] = Decimal(n * 7)
    for narrative in spec.narratives:
        sheet, cell = parse_reference(workbook.defined_names[narrative_name(narrative.code)].attr_text)
        workbook[sheet][cell] = "Kết quả thực hiện trong kỳ báo cáo. " * 40
    out = BytesIO()
    workbook.save(out)
    return out.getvalue(), values


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--passes", type=int, default=5)
    parser.add_argument("--indicators", type=int, default=100)
    args = parser.parse_args()
    spec = large_spec(args.indicators)
    data, expected = filled_workbook(spec)
    result = read_upload(data, spec)
    if result.errors or result.values != expected:
        print("read_upload did not read the workbook back:", result.errors[:3], file=sys.stderr)
        return 1
    best = float("inf")
    for _ in range(max(1, args.passes)):
        start = time.perf_counter()
        read_upload(data, spec)
        best = min(best, time.perf_counter() - start)
    print(f"read_upload: {len(expected)} values, {len(spec.narratives)} narratives, {len(data) / 1024:.0f} KiB: "
          f"best of {args.passes}: {best * 1000:.1f} ms")
    return 0


if __name__ == "__main__":
    sys.exit(main())
