from .types import FormSpec, Issue, Values, show


def check_whole_non_negative(form: FormSpec, values: Values) -> list[Issue]:
    """Counts are whole and no figure is negative."""
    issues = []
    for indicator in form.indicators:
        if indicator.computed:
            continue
        for column in indicator.columns:
            value = values.get((indicator.code, column))
            if value is None:
                continue
            if value < 0:
                issues.append(Issue("error", indicator.code, column, "negative",
                                    f"{indicator.name}: {show(value)} là số âm; cần một số không âm.",
                                    f"{indicator.code}: {value} is negative; expected a number ≥ 0."))
            elif indicator.whole and value != value.to_integral_value():
                issues.append(Issue("error", indicator.code, column, "not_whole",
                                    f"{indicator.name}: {show(value)} không phải số nguyên.",
                                    f"{indicator.code}: {value} is not a whole number."))
    return issues
