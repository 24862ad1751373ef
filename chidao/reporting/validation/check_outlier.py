from decimal import Decimal
from statistics import median

from .types import FormSpec, Issue, Values, show

# A figure is unusual when it is at least RATIO times the usual one (or a RATIO-th of it) AND differs by at least
# MIN_DIFFERENCE: going from 1 to 4 inspections is ordinary in a small district; from 40 to 400 is not.
RATIO = Decimal(3)
MIN_DIFFERENCE = Decimal(10)


def check_outlier(form: FormSpec, values: Values, history: dict[tuple[str, str], list[Decimal]]) -> list[Issue]:
    """Warn when a figure is far from the same agency's earlier periods; the reporter explains or corrects it."""
    issues = []
    for indicator in form.indicators:
        if indicator.computed:
            continue
        for column in indicator.columns:
            value, earlier = values.get((indicator.code, column)), history.get((indicator.code, column)) or []
            if value is None or not earlier:
                continue
            usual = Decimal(median(earlier))
            if abs(value - usual) < MIN_DIFFERENCE:
                continue
            if value >= usual * RATIO or value * RATIO <= usual:
                issues.append(Issue("warning", indicator.code, column, "outlier",
                                    f"{indicator.name}: {show(value)} khác nhiều so với các kỳ trước "
                                    f"(thường khoảng {show(usual)}); hãy kiểm tra lại hoặc ghi giải trình.",
                                    f"{indicator.code}: {value} is far from earlier periods (median {usual}); "
                                    f"check it or explain it."))
    return issues
