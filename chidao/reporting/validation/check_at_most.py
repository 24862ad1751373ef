from .types import FormSpec, Issue, RuleSpec, Values, show, total


def check_at_most(rule: RuleSpec, form: FormSpec, values: Values) -> list[Issue]:
    """left ≤ right, column by column where both have the column, else on their totals."""
    left, right = form.by_code.get(rule.left), form.by_code.get(rule.right)
    if left is None or right is None:
        return []
    if left.columns == right.columns:
        pairs = [(c, values.get((left.code, c)), values.get((right.code, c))) for c in left.columns]
    else:
        pairs = [(left.columns[0] if len(left.columns) == 1 else "total", total(values, left), total(values, right))]
    issues = []
    for column, a, b in pairs:
        if a is not None and b is not None and a > b:
            issues.append(Issue(rule.severity, left.code, column, "at_most",
                                f"{left.name} ({show(a)}) không được lớn hơn {right.name.lower()} ({show(b)}).",
                                f"{left.code} ({a}) must not exceed {right.code} ({b})."))
    return issues
