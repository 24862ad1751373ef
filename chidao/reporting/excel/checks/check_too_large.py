"""Nothing a province reports reaches 10^12; a bigger number is a slip (or an amount in the wrong unit)."""
from decimal import Decimal

from ..errors import CellError, at, number_en, number_vi
from ..fields import Fields
from ..spec import FormSpec
from ._common import expected, shown

LIMIT = Decimal(10) ** 12


def check_too_large(fields: Fields, spec: FormSpec) -> list[CellError]:
    """An error per value cell above LIMIT."""
    errors = []
    for f in fields.numbers:
        if f.number is not None and f.number > LIMIT:
            found_vi, found_en = shown(f)
            want_vi, want_en = expected(f.indicator)
            errors.append(at(f.sheet, f.cell, "too_large",
                             f"{found_vi} vượt quá giới hạn {number_vi(LIMIT)}; {want_vi}, "
                             "không quá giới hạn này",
                             f"{found_en} exceeds the limit of {number_en(LIMIT)}; {want_en}, at most that"))
    return errors
