"""What one report form asks for, independent of Django: the template writer and the reader share it."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from .layout import SHEET_NARRATIVES, SHEET_VALUES, Layout, compute_layout
from .names import narrative_name, value_name

__all__ = ["Column", "IndicatorRow", "NarrativeField", "FormSpec", "TOTAL"]

TOTAL = "total"
EXCEL_CELL_MAX_CHARS = 32767


@dataclass(frozen=True)
class Column:
    """A disaggregation option, or the single "total" column."""

    code: str
    label: str


@dataclass(frozen=True)
class IndicatorRow:
    """One indicator of the form; ratios arrive as separate numerator and denominator rows."""

    code: str
    label: str
    unit: str
    columns: tuple[Column, ...]
    whole: bool = True
    group: str = ""


@dataclass(frozen=True)
class NarrativeField:
    """A free-text section (tình hình, kết quả, tồn tại, phương hướng, kiến nghị, task_<id>)."""

    code: str
    label: str
    max_chars: int = 20000


@dataclass(frozen=True)
class FormSpec:
    """One agency's form for one period; `version` is the template version uploads must match."""

    form_code: str
    form_name: str
    version: int
    agency_code: str
    agency_name: str
    period_code: str
    period_label: str
    rows: tuple[IndicatorRow, ...]
    narratives: tuple[NarrativeField, ...]

    def __post_init__(self) -> None:
        _validate(self)

    @cached_property
    def layout(self) -> Layout:
        """Row and column of every part of the template."""
        return compute_layout(self)

    def cell_of(self, indicator_code: str, column_code: str) -> tuple[str, str]:
        """(sheet name, "D7") of one value cell in a fresh template; KeyError if the form has no such cell."""
        return SHEET_VALUES, self.layout.cells[indicator_code, column_code]

    def narrative_cell_of(self, code: str) -> tuple[str, str]:
        """(sheet name, "B4") of one narrative cell in a fresh template."""
        return SHEET_NARRATIVES, self.layout.narrative_cells[code]

    def value_keys(self) -> list[tuple[str, str]]:
        """Every (indicator, column) the form asks for, in sheet order."""
        return [(row.code, column.code) for row in self.rows for column in row.columns]

    def indicator(self, code: str) -> IndicatorRow:
        """The indicator row with this code."""
        return self._indicators[code]

    @cached_property
    def _indicators(self) -> dict[str, IndicatorRow]:
        return {row.code: row for row in self.rows}


def _validate(spec: FormSpec) -> None:
    """Refuse specs whose cells would share a defined name or break Excel's limits, before any file exists."""
    if not spec.rows and not spec.narratives:
        raise ValueError("a form needs at least one indicator or narrative")
    if isinstance(spec.version, bool) or not isinstance(spec.version, int) or spec.version < 1:
        raise ValueError(f"version must be a positive integer, not {spec.version!r}")
    names: dict[str, str] = {}

    def claim(name: str, what: str) -> None:
        if name.lower() in names:
            raise ValueError(f"{what} and {names[name.lower()]} would share the defined name {name!r}")
        names[name.lower()] = what

    labels: dict[str, str] = {}
    for row in spec.rows:
        if not row.columns:
            raise ValueError(f"indicator {row.code!r} has no columns")
        for column in row.columns:
            claim(value_name(row.code, column.code), f"{row.code}/{column.code}")
            if labels.setdefault(column.code, column.label) != column.label:
                raise ValueError(f"column {column.code!r} has two labels: {labels[column.code]!r}, "
                                 f"{column.label!r}")
    for narrative in spec.narratives:
        claim(narrative_name(narrative.code), f"narrative {narrative.code}")
        if not 0 < narrative.max_chars <= EXCEL_CELL_MAX_CHARS:
            raise ValueError(f"narrative {narrative.code!r}: max_chars must be 1..{EXCEL_CELL_MAX_CHARS}")
