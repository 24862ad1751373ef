"""Counts and amounts are never below zero."""
from ..errors import CellError, at
from ..fields import Fields
from ..spec import FormSpec
from ._common import expected, shown


def check_negative(fields: Fields, spec: FormSpec) -> list[CellError]:
    """An error per value cell holding a negative number."""
    errors = []
    for f in fields.numbers:
        if f.number is not None and f.number < 0:
            found_vi, found_en = shown(f)
            want_vi, want_en = expected(f.indicator)
            errors.append(at(f.sheet, f.cell, "negative", f"{found_vi} là số âm; {want_vi}",
                             f"{found_en} is negative; {want_en}"))
    return errors
