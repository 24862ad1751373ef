from dataclasses import dataclass, field
from decimal import Decimal

Values = dict[tuple[str, str], Decimal | None]


@dataclass(frozen=True)
class IndicatorSpec:
    code: str
    name: str
    columns: tuple[str, ...] = ("total",)
    whole: bool = True
    computed: bool = False  # ratios: never typed in, so never checked here


@dataclass(frozen=True)
class RuleSpec:
    kind: str
    left: str
    right: str
    severity: str = "error"


@dataclass(frozen=True)
class FormSpec:
    indicators: tuple[IndicatorSpec, ...]
    rules: tuple[RuleSpec, ...] = ()
    by_code: dict = field(default_factory=dict, compare=False, hash=False)

    def __post_init__(self):
        self.by_code.update({i.code: i for i in self.indicators})


@dataclass(frozen=True)
class Issue:
    severity: str  # "error" blocks submission; "warning" asks for a comment
    indicator: str
    column: str
    code: str
    vi: str
    en: str

    @property
    def is_error(self) -> bool:
        return self.severity == "error"


def total(values: Values, indicator: IndicatorSpec) -> Decimal | None:
    """Sum of an indicator's columns; None when every column is empty."""
    present = [values.get((indicator.code, c)) for c in indicator.columns]
    present = [v for v in present if v is not None]
    return sum(present, Decimal(0)) if present else None


def show(number: Decimal) -> str:
    """A figure the Vietnamese way: 1.234 (dot for thousands), no trailing ",00"."""
    text = f"{number:,.2f}".rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")
