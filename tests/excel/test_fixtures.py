"""The committed should-pass / should-fail workbooks (tests/fixtures/excel, made by make_fixtures.py)."""
from decimal import Decimal
from pathlib import Path

import pytest

from chidao.reporting.excel import read_upload

from .sample import sample_spec

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "excel"
SPEC = sample_spec()
V = "Số liệu"
N = "Thuyết minh"


def at(indicator: str, column: str = "total") -> tuple[str, str]:
    return SPEC.cell_of(indicator, column)


SHOULD_PASS = {
    "blank.xlsx": {("CS_KD", "total"): None},
    "filled.xlsx": {("CS_KD", "total"): Decimal(3), ("HT_KINH_PHI", "total"): Decimal("12.75")},
    "filled-as-text.xlsx": {("CS_KD", "total"): Decimal(1234), ("CS_KD", "karaoke"): Decimal(1234),
                            ("PHAT_TIEN", "total"): Decimal(157_500_000),
                            ("HT_KINH_PHI", "total"): Decimal("12.75")},
    "rows-inserted.xlsx": {("CS_KD", "total"): Decimal(3), ("HT_KINH_PHI", "total"): Decimal("12.75")},
    "spaces-only.xlsx": {("CS_KD", "total"): None, ("KT_LUOT", "total"): None},
    "prefilled.xlsx": {("CS_KD", "total"): Decimal(3), ("PHAT_TIEN", "total"): Decimal(157_500_000)},
}

FILE = ("", "")
SHOULD_FAIL = {
    "not-xlsx.xlsx": [(*FILE, "not_xlsx")],
    "old-excel.xls": [(*FILE, "old_excel")],
    "docx-renamed.xlsx": [(*FILE, "not_xlsx")],
    "truncated.xlsx": [(*FILE, "not_xlsx")],
    "zip-bomb.xlsx": [(*FILE, "zip_bomb")],
    "old-version.xlsx": [(*FILE, "wrong_version")],
    "other-form.xlsx": [(*FILE, "wrong_form")],
    "other-agency.xlsx": [(*FILE, "wrong_agency")],
    "other-period.xlsx": [(*FILE, "wrong_period")],
    "not-template.xlsx": [(*FILE, "not_template")],
    "deleted-cell.xlsx": [(*at("VP_SO", "karaoke"), "missing_name")],
    "text-in-number.xlsx": [(*at("CS_KD", "karaoke"), "not_a_number")],
    "negative.xlsx": [(*at("KT_LUOT"), "negative")],
    "fraction.xlsx": [(*at("CS_KD"), "not_whole")],
    "english-thousands.xlsx": [(*at("CS_KD"), "not_whole")],
    "dot-decimal.xlsx": [(*at("HT_KINH_PHI"), "not_a_number")],
    "too-large.xlsx": [(*at("PHAT_TIEN"), "too_large")],
    "formula-error.xlsx": [(*at("KT_CS"), "formula_error")],
    "date-in-number.xlsx": [(*at("KT_LUOT"), "not_a_number")],
    "narrative-too-long.xlsx": [(*SPEC.narrative_cell_of("task_12"), "too_long")],
    "many-errors.xlsx": [(*at("CS_KD", "karaoke"), "not_whole"), (*at("KT_LUOT"), "not_a_number"),
                         (*at("PHAT_TIEN"), "negative"), (*at("HT_KINH_PHI"), "formula_error"),
                         (*SPEC.narrative_cell_of("task_12"), "too_long")],
}


@pytest.mark.parametrize(("name", "some_values"), [pytest.param(n, v, id=n) for n, v in SHOULD_PASS.items()])
def test_should_pass_workbooks_read_without_errors(name, some_values):
    result = read_upload((FIXTURES / "should-pass" / name).read_bytes(), SPEC)
    assert result.errors == []
    assert set(result.values) == set(SPEC.value_keys())
    assert {key: result.values[key] for key in some_values} == some_values


@pytest.mark.parametrize(("name", "expected"), [pytest.param(n, e, id=n) for n, e in SHOULD_FAIL.items()])
def test_should_fail_workbooks_give_exactly_the_expected_errors(name, expected):
    result = read_upload((FIXTURES / "should-fail" / name).read_bytes(), SPEC)
    assert [(e.sheet, e.cell, e.code) for e in result.errors] == expected
    assert all(e.vi and e.en for e in result.errors)


def test_every_fixture_file_has_an_expected_outcome_and_is_small():
    on_disk = {(p.parent.name, p.name) for p in FIXTURES.glob("should-*/*")}
    expected = {("should-pass", n) for n in SHOULD_PASS} | {("should-fail", n) for n in SHOULD_FAIL}
    assert on_disk == expected
    assert all(p.stat().st_size < 20_000 for p in FIXTURES.glob("should-*/*"))
