"""Counts (cơ sở, lượt, người …) are whole numbers; a fraction is a typo or a misread separator."""
from ..errors import CellError, at, number_en, number_vi
from ..fields import Fields, NumberField
from ..spec import FormSpec
from ._common import expected, shown
from .check_too_large import LIMIT


def check_whole(fields: Fields, spec: FormSpec) -> list[CellError]:
    """An error per whole-number cell holding a fraction (negative, too-large ones: other checks)."""
    return [_error(f) for f in fields.numbers
            if f.indicator.whole and f.number is not None and 0 <= f.number <= LIMIT
            and f.number != f.number.to_integral_value()]


def _error(f: NumberField) -> CellError:
    found_vi, found_en = shown(f)
    want_vi, want_en = expected(f.indicator)
    assert f.number is not None
    if f.english_thousands:
        digits = f.found.replace(",", "")
        return at(f.sheet, f.cell, "not_whole",
                  f"{found_vi} được đọc là {number_vi(f.number)} (dấu phẩy là dấu thập phân), không phải "
                  f"là số nguyên; nếu là số {digits}, hãy viết {digits} hoặc dùng dấu chấm phân cách "
                  f"hàng nghìn; {want_vi}",
                  f"{found_en} reads as {number_en(f.number)} (a comma marks decimals in Vietnamese), not a "
                  f"whole number; for {digits}, write {digits} or group thousands with dots; {want_en}")
    return at(f.sheet, f.cell, "not_whole", f"{found_vi} không phải là số nguyên; {want_vi}",
              f"{found_en} is not a whole number; {want_en}")
