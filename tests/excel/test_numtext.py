"""Numbers typed as text: Vietnamese notation read, ambiguous notations refused."""
from decimal import Decimal

import pytest

from chidao.reporting.excel.errors import number_en, number_vi
from chidao.reporting.excel.numtext import clean_text, parse_number_text


@pytest.mark.parametrize(("text", "number"), [
    ("12", Decimal(12)), ("007", Decimal(7)), ("1.234", Decimal(1234)), ("1.234.567", Decimal(1234567)),
    ("1 234 567", Decimal(1234567)), ("1,5", Decimal("1.5")), ("1.234,5", Decimal("1234.5")),
    ("1 234,25", Decimal("1234.25")), ("-3", Decimal(-3)), ("+3", Decimal(3)), ("-0", Decimal(0)),
    ("1,234", Decimal("1.234")),
])
def test_vietnamese_notation_is_read(text, number):
    assert parse_number_text(text) == number


@pytest.mark.parametrize("text", [
    "", "mười hai", "12 cơ sở", "1.5", "12.34", "1.2345", "1,234.5", "1.234 567", "12.", ",5", "1e5", "١٢",
    "1,234,567", "--1", "0x10",
])
def test_other_notations_are_not_guessed(text):
    assert parse_number_text(text) is None


def test_clean_text_makes_nfc_drops_invisible_characters_and_trims():
    assert clean_text("\u200b 1\u00a0234 \ufeff") == "1 234"
    assert clean_text("Ke\u0302\u0301t") == "Kết"
    assert clean_text(" \u00a0\t ") == ""


@pytest.mark.parametrize(("number", "vi", "en"), [
    (Decimal("1234567.5"), "1.234.567,5", "1,234,567.5"), (Decimal(-12), "-12", "-12"), (0, "0", "0"),
    (Decimal(10) ** 12, "1.000.000.000.000", "1,000,000,000,000"),
])
def test_numbers_in_messages_use_each_languages_notation(number, vi, en):
    assert (number_vi(number), number_en(number)) == (vi, en)
