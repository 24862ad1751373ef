from decimal import Decimal as D

import pytest

from chidao.lib.numbers import parse_number


@pytest.mark.parametrize("text,expected", [
    ("12", D(12)), (" 12 ", D(12)), ("1.234", D(1234)), ("1.234.567", D(1234567)), ("1 234", D(1234)),
    ("1,5", D("1.5")), ("2.5", D("2.5")), ("1.234,5", D("1234.5")), ("-3", D(-3)), ("", None), ("   ", None),
])
def test_vietnamese_number_forms(text, expected):
    assert parse_number(text) == expected


@pytest.mark.parametrize("text", ["mười hai", "12a", "1,2,3", "--1", "1.2.3"])
def test_not_numbers_are_refused_with_a_message(text):
    with pytest.raises(ValueError, match="không phải là số"):
        parse_number(text)
