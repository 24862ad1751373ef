"""Text, TRUE/FALSE or a date where a number belongs."""
import re

from ..errors import CellError, at, quoted
from ..fields import Fields, NumberField
from ..numtext import DOT_HINT_EN, DOT_HINT_VI
from ..spec import FormSpec
from ._common import expected

_DOTTED_NUMBER = re.compile(r"^[+-]?[0-9][0-9., ]*$")


def check_not_a_number(fields: Fields, spec: FormSpec) -> list[CellError]:
    """An error per value cell that does not read as a number."""
    return [_error(f) for f in fields.numbers if f.kind in ("text", "bool", "date")]


def _error(f: NumberField) -> CellError:
    want_vi, want_en = expected(f.indicator)
    if f.kind == "date":
        return at(f.sheet, f.cell, "not_a_number",
                  f"ô chứa ngày tháng {f.found}, không phải là số (Excel tự đổi khi gõ dấu /); {want_vi}",
                  f"the cell holds the date {f.found}, not a number (Excel converts entries with /); "
                  f"{want_en}")
    if f.kind == "bool":
        return at(f.sheet, f.cell, "not_a_number", f"giá trị {f.found} không phải là số; {want_vi}",
                  f"the value {f.found} is not a number; {want_en}")
    if ("." in f.found or "," in f.found) and _DOTTED_NUMBER.match(f.found):
        return at(f.sheet, f.cell, "not_a_number",
                  f"{quoted(f.found)} không phải là số viết đúng cách: {DOT_HINT_VI}; {want_vi}",
                  f"{quoted(f.found)} is not a number as written: {DOT_HINT_EN}; {want_en}")
    return at(f.sheet, f.cell, "not_a_number", f"{quoted(f.found)} không phải là số; {want_vi}",
              f"{quoted(f.found)} is not a number; {want_en}")
