"""Report validation: one check per module, each a pure function returning a list of Issue (no Django).

`validate(form, values, history)` runs them all; errors block submission, warnings ask for a comment.
"""
from .check_at_most import check_at_most
from .check_outlier import check_outlier
from .check_whole_non_negative import check_whole_non_negative
from .types import FormSpec, IndicatorSpec, Issue, RuleSpec, Values


def validate(form: FormSpec, values: Values, history: dict | None = None) -> list[Issue]:
    issues = check_whole_non_negative(form, values)
    for rule in form.rules:
        if rule.kind == "lte":
            issues += check_at_most(rule, form, values)
    issues += check_outlier(form, values, history or {})
    return issues


__all__ = ["validate", "FormSpec", "IndicatorSpec", "Issue", "RuleSpec", "Values"]
