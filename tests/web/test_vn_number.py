from decimal import Decimal as D

import pytest

from chidao.web.templatetags.vn import vn_number


@pytest.mark.parametrize("value,shown", [(1234567, "1.234.567"), (D("15.00"), "15"), (D("9.6"), "9,6"),
                                         (D("1234.50"), "1.234,5"), (None, ""), ("—", "—"), (0, "0")])
def test_numbers_are_shown_the_vietnamese_way(value, shown):
    assert vn_number(value) == shown
