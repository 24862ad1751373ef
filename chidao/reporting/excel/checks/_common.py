"""Phrases the cell checks share: what was found, what is expected."""
from ..errors import number_en, number_vi, quoted
from ..fields import NumberField
from ..spec import IndicatorRow


def expected(indicator: IndicatorRow) -> tuple[str, str]:
    """(vi, en) description of what a value cell takes."""
    if indicator.whole:
        return "cần nhập một số nguyên không âm", "expected a whole number ≥ 0"
    return "cần nhập một số không âm", "expected a number ≥ 0"


def shown(field: NumberField) -> tuple[str, str]:
    """(vi, en) rendering of what the cell holds: text as typed, quoted; stored numbers in each notation."""
    if field.from_text or field.number is None:
        return quoted(field.found), quoted(field.found)
    return number_vi(field.number), number_en(field.number)
