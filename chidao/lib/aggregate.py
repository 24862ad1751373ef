"""Adding figures up the way each indicator says (pure Python).

An indicator's rule across units is data: sum, max, avg, last, or ratio (numerator total / denominator total,
both kept, never an average of percentages).
"""
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal


@dataclass(frozen=True)
class Partial:
    """What the database returns for one group: enough to finish any rule."""

    total: Decimal
    maximum: Decimal
    count: int

    @property
    def mean(self) -> Decimal:
        return self.total / self.count if self.count else Decimal(0)


def finish(how: str, partial: Partial) -> Decimal:
    if how == "max":
        return partial.maximum
    if how == "avg":
        return partial.mean
    return partial.total  # sum, and "last" across units (each unit's latest figure, added up)


def ratio(numerator: Decimal | None, denominator: Decimal | None) -> Decimal | None:
    """Percent, one decimal; None when the denominator is missing or zero."""
    if numerator is None or not denominator:
        return None
    return (Decimal(100) * numerator / denominator).quantize(Decimal("0.1"))


def change(current: Decimal | None, earlier: Decimal | None) -> tuple[Decimal | None, Decimal | None]:
    """(difference, percent change) against an earlier figure; percent is None when the earlier figure is 0."""
    if current is None or earlier is None:
        return None, None
    difference = current - earlier
    percent = (Decimal(100) * difference / earlier).quantize(Decimal("0.1")) if earlier else None
    return difference, percent


def merge(partials: Iterable[Partial]) -> Partial:
    items = list(partials)
    return Partial(sum((p.total for p in items), Decimal(0)),
                   max((p.maximum for p in items), default=Decimal(0)), sum(p.count for p in items))
