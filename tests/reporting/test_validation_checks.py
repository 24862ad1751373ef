from decimal import Decimal as D

import pytest

from chidao.reporting.validation import FormSpec, IndicatorSpec, RuleSpec, validate
from chidao.reporting.validation.check_at_most import check_at_most
from chidao.reporting.validation.check_outlier import check_outlier
from chidao.reporting.validation.check_whole_non_negative import check_whole_non_negative

TYPES = ("luu-tru", "karaoke")
FORM = FormSpec(
    indicators=(
        IndicatorSpec("cs-tong", "Số cơ sở", TYPES),
        IndicatorSpec("kt-co-so", "Số cơ sở được kiểm tra", TYPES),
        IndicatorSpec("vp-co-so", "Số cơ sở vi phạm", TYPES),
        IndicatorSpec("xp-dinh-chi", "Số cơ sở bị đình chỉ"),
        IndicatorSpec("xp-tien", "Số tiền xử phạt", whole=False),
        IndicatorSpec("tl", "Tỷ lệ", computed=True),
    ),
    rules=(RuleSpec("lte", "vp-co-so", "kt-co-so"), RuleSpec("lte", "kt-co-so", "cs-tong"),
           RuleSpec("lte", "xp-dinh-chi", "vp-co-so")),
)


def test_negative_and_fractional_counts_are_errors():
    issues = check_whole_non_negative(FORM, {("cs-tong", "karaoke"): D(-1), ("kt-co-so", "luu-tru"): D("2.5"),
                                             ("xp-tien", "total"): D("1500000.50"), ("tl", "total"): D(-3)})
    assert [(i.indicator, i.column, i.code) for i in issues] == [("cs-tong", "karaoke", "negative"),
                                                                 ("kt-co-so", "luu-tru", "not_whole")]
    assert all(i.is_error for i in issues)
    assert "số âm" in issues[0].vi


@pytest.mark.parametrize("values,broken", [
    pytest.param({("vp-co-so", "karaoke"): D(3), ("kt-co-so", "karaoke"): D(2)}, [("vp-co-so", "karaoke")],
                 id="violations-exceed-inspected-same-column"),
    pytest.param({("vp-co-so", "karaoke"): D(2), ("kt-co-so", "karaoke"): D(2)}, [], id="equal-is-fine"),
    pytest.param({("vp-co-so", "karaoke"): D(3)}, [], id="missing-right-side-is-not-checked"),
])
def test_at_most_column_by_column(values, broken):
    issues = check_at_most(FORM.rules[0], FORM, values)
    assert [(i.indicator, i.column) for i in issues] == broken


def test_at_most_compares_totals_when_columns_differ():
    values = {("xp-dinh-chi", "total"): D(4), ("vp-co-so", "luu-tru"): D(1), ("vp-co-so", "karaoke"): D(2)}
    issues = check_at_most(FORM.rules[2], FORM, values)
    assert len(issues) == 1 and "(4)" in issues[0].vi and "(3)" in issues[0].vi


@pytest.mark.parametrize("value,earlier,warned", [
    pytest.param(D(400), [D(40), D(45), D(38)], True, id="tenfold-jump"),
    pytest.param(D(4), [D(1), D(1), D(2)], False, id="small-counts-vary-naturally"),
    pytest.param(D(2), [D(40), D(45)], True, id="sudden-drop"),
    pytest.param(D(60), [D(40), D(45)], False, id="ordinary-growth"),
    pytest.param(D(60), [], False, id="no-history"),
])
def test_outliers_respect_small_counts(value, earlier, warned):
    issues = check_outlier(FORM, {("kt-co-so", "karaoke"): value}, {("kt-co-so", "karaoke"): earlier})
    assert bool(issues) == warned
    assert all(i.severity == "warning" for i in issues)


def test_validate_runs_every_check():
    issues = validate(FORM, {("cs-tong", "karaoke"): D(1), ("kt-co-so", "karaoke"): D(2),
                             ("vp-co-so", "karaoke"): D(-1)})
    assert {i.code for i in issues} == {"negative", "at_most"}
