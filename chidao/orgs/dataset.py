"""Dated reference data: administrative units and agencies of Lai Châu, read from TSV files. No Django.

Every row says from when to when it was valid (`valid_from`; `valid_to` = last day valid; None = before our
horizon / still valid). Codes are reused across reforms, so a unit is keyed by (code, valid_from) and a
`parent_code` or an `admin_unit_code` is resolved by date. Facts and their sources: data/laichau/SOURCES.md.

A note containing UNVERIFIED_DATE marks dates that are placeholders or assumptions, not read in a legal text.
"""
from __future__ import annotations

import datetime as dt
import re
import unicodedata
from dataclasses import dataclass, field, fields
from pathlib import Path

DATA_DIR = Path(__file__).resolve().parent / "data" / "laichau"
UNVERIFIED_DATE = "UNVERIFIED DATE"

LEVELS = ("province", "district", "commune")
UNIT_KINDS = {"province": {"tinh"}, "district": {"thanh_pho", "thi_xa", "huyen"},
              "commune": {"xa", "phuong", "thi_tran"}}
CODE_LENGTH = {"province": 2, "district": 3, "commune": 5}
SUCCESSION_KINDS = {"merged", "renamed", "unchanged", "split", "upgraded"}
AGENCY_KINDS = {"ubnd", "department", "police", "mass_org", "other"}
# "assumed": treated as a member (so a directive's "other members" reach someone) but not verified.
_STEERING = {"yes": (True, True), "no": (False, True), "assumed": (True, False), "": (False, False)}
_SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_ONE_DAY = dt.timedelta(days=1)


def _date(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text) if text else None


def _valid_on(row, day: dt.date) -> bool:
    return (row.valid_from is None or row.valid_from <= day) and (row.valid_to is None or day <= row.valid_to)


@dataclass(frozen=True)
class AdminUnit:
    code: str
    name: str
    level: str
    kind: str
    parent_code: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    note: str

    @property
    def key(self) -> tuple[str, dt.date | None]:
        return (self.code, self.valid_from)

    @property
    def dates_verified(self) -> bool:
        return UNVERIFIED_DATE not in self.note

    def is_valid_on(self, day: dt.date) -> bool:
        return _valid_on(self, day)


@dataclass(frozen=True)
class UnitSuccession:
    old_code: str
    old_valid_from: dt.date | None
    new_code: str
    new_valid_from: dt.date | None
    effective_date: dt.date
    kind: str
    note: str


@dataclass(frozen=True)
class Agency:
    code: str
    name: str
    short_name: str
    aliases: tuple[str, ...]
    kind: str
    admin_unit_code: str | None
    parent_code: str | None
    valid_from: dt.date | None
    valid_to: dt.date | None
    steering_member: bool          # True where the data says "yes" or "assumed"
    steering_member_known: bool    # False where the cell is empty or "assumed": membership not verified
    note: str

    def is_valid_on(self, day: dt.date) -> bool:
        return _valid_on(self, day)


@dataclass(frozen=True)
class AgencySuccession:
    old_code: str
    new_code: str
    effective_date: dt.date
    note: str


def _read(path: Path) -> list[dict[str, str]]:
    """Rows of a TSV file as dicts (no quoting: a cell never holds a tab or a newline)."""
    lines = path.read_text(encoding="utf-8").splitlines()
    header = lines[0].split("\t")
    rows = []
    for number, line in enumerate(lines[1:], start=2):
        cells = line.split("\t")
        if len(cells) != len(header):
            raise ValueError(f"{path.name}:{number}: {len(cells)} cells, expected {len(header)}")
        rows.append(dict(zip(header, (c.strip() for c in cells), strict=True)))
    return rows


def _unit(r: dict[str, str]) -> AdminUnit:
    return AdminUnit(code=r["code"], name=r["name"], level=r["level"], kind=r["kind"],
                     parent_code=r["parent_code"] or None, valid_from=_date(r["valid_from"]),
                     valid_to=_date(r["valid_to"]), note=r["note"])


def _unit_succession(r: dict[str, str]) -> UnitSuccession:
    return UnitSuccession(old_code=r["old_code"], old_valid_from=_date(r["old_valid_from"]),
                          new_code=r["new_code"], new_valid_from=_date(r["new_valid_from"]),
                          effective_date=_date(r["effective_date"]), kind=r["kind"], note=r["note"])


def _agency(r: dict[str, str]) -> Agency:
    if r["steering_member"] not in _STEERING:
        raise ValueError(f"agency {r['code']}: steering_member is yes, no, assumed or empty: {r['steering_member']!r}")
    member, known = _STEERING[r["steering_member"]]
    return Agency(code=r["code"], name=r["name"], short_name=r["short_name"],
                  aliases=tuple(a.strip() for a in r["aliases"].split(";") if a.strip()), kind=r["kind"],
                  admin_unit_code=r["admin_unit_code"] or None, parent_code=r["parent_code"] or None,
                  valid_from=_date(r["valid_from"]), valid_to=_date(r["valid_to"]),
                  steering_member=member, steering_member_known=known, note=r["note"])


def _agency_succession(r: dict[str, str]) -> AgencySuccession:
    return AgencySuccession(old_code=r["old_code"], new_code=r["new_code"],
                            effective_date=_date(r["effective_date"]), note=r["note"])


def _covers(rows, start: dt.date | None, end: dt.date | None) -> bool:
    """Whether the validity periods of `rows` together cover [start, end] (None: unbounded)."""
    cursor, end = start or dt.date.min, end or dt.date.max
    for row in sorted(rows, key=lambda r: r.valid_from or dt.date.min):
        if (row.valid_from or dt.date.min) > cursor:
            return False
        if row.valid_to is None or row.valid_to >= end:
            return True
        cursor = max(cursor, row.valid_to + _ONE_DAY)
    return False


@dataclass
class Dataset:
    units: list[AdminUnit] = field(default_factory=list)
    unit_successions: list[UnitSuccession] = field(default_factory=list)
    agencies: list[Agency] = field(default_factory=list)
    agency_successions: list[AgencySuccession] = field(default_factory=list)

    # --- look-ups -------------------------------------------------------------------------------------------
    def unit(self, code: str, valid_from: dt.date | None) -> AdminUnit | None:
        return next((u for u in self.units if u.key == (code, valid_from)), None)

    def unit_on(self, code: str, day: dt.date) -> AdminUnit | None:
        return next((u for u in self.units if u.code == code and u.is_valid_on(day)), None)

    def units_on(self, day: dt.date, level: str | None = None) -> list[AdminUnit]:
        return [u for u in self.units if u.is_valid_on(day) and (level is None or u.level == level)]

    def children(self, code: str, on: dt.date) -> list[AdminUnit]:
        return [u for u in self.units if u.parent_code == code and u.is_valid_on(on)]

    def successors(self, code: str, valid_from: dt.date | None) -> list[AdminUnit]:
        return [self.unit(s.new_code, s.new_valid_from) for s in self.unit_successions
                if (s.old_code, s.old_valid_from) == (code, valid_from)]

    def predecessors(self, code: str, valid_from: dt.date | None) -> list[AdminUnit]:
        return [self.unit(s.old_code, s.old_valid_from) for s in self.unit_successions
                if (s.new_code, s.new_valid_from) == (code, valid_from)]

    def agency(self, code: str) -> Agency | None:
        return next((a for a in self.agencies if a.code == code), None)

    def agencies_on(self, day: dt.date) -> list[Agency]:
        return [a for a in self.agencies if a.is_valid_on(day)]

    def agency_successors(self, code: str) -> list[Agency]:
        return [self.agency(s.new_code) for s in self.agency_successions if s.old_code == code]

    # --- validation -----------------------------------------------------------------------------------------
    def validate(self) -> list[str]:
        """Every inconsistency found, as readable sentences; [] when the data set is consistent."""
        return [*self._check_text(), *self._check_units(), *self._check_unit_successions(),
                *self._check_agencies(), *self._check_agency_successions()]

    def _check_text(self) -> list[str]:
        problems = []
        for row in [*self.units, *self.unit_successions, *self.agencies, *self.agency_successions]:
            for f in fields(row):
                value = getattr(row, f.name)
                for text in value if isinstance(value, tuple) else [value]:
                    if isinstance(text, str) and unicodedata.normalize("NFC", text) != text:
                        name = f"{type(row).__name__} {getattr(row, 'code', '')}"
                        problems.append(f"{name} {f.name}: not NFC: {text!r}")
        return problems

    def _check_units(self) -> list[str]:
        problems, by_code, seen = [], {}, set()
        for u in self.units:
            label = f"unit {u.code} ({u.name}, from {u.valid_from})"
            if u.key in seen:
                problems.append(f"{label}: duplicate key (code, valid_from)")
            seen.add(u.key)
            by_code.setdefault(u.code, []).append(u)
            if u.level not in LEVELS:
                problems.append(f"{label}: unknown level {u.level!r}")
                continue
            if u.kind not in UNIT_KINDS[u.level]:
                problems.append(f"{label}: kind {u.kind!r} is not a kind of {u.level}")
            if not (u.code.isdigit() and len(u.code) == CODE_LENGTH[u.level]):
                problems.append(f"{label}: a {u.level} code has {CODE_LENGTH[u.level]} digits")
            if u.valid_from and u.valid_to and u.valid_from > u.valid_to:
                problems.append(f"{label}: valid_from after valid_to")
            if u.level == "province" and u.parent_code:
                problems.append(f"{label}: a province has no parent")
            if u.level != "province" and not u.parent_code:
                problems.append(f"{label}: parent missing")
        for code, rows in by_code.items():
            rows = sorted(rows, key=lambda r: r.valid_from or dt.date.min)
            for before, after in zip(rows, rows[1:], strict=False):
                if before.valid_to is None or (after.valid_from or dt.date.min) <= before.valid_to:
                    problems.append(f"unit {code}: validity of {before.name} and {after.name} overlaps")
        for u in self.units:
            if not u.parent_code or u.level not in LEVELS:
                continue
            parents = by_code.get(u.parent_code, [])
            label = f"unit {u.code} ({u.name}, from {u.valid_from})"
            if not parents:
                problems.append(f"{label}: parent {u.parent_code} not in the data set")
            elif not _covers(parents, u.valid_from, u.valid_to):
                problems.append(f"{label}: parent {u.parent_code} not valid over the whole validity")
            elif any(LEVELS.index(p.level) >= LEVELS.index(u.level) for p in parents if p.level in LEVELS):
                problems.append(f"{label}: parent {u.parent_code} is not of a higher level")
        return problems

    def _check_unit_successions(self) -> list[str]:
        problems, seen = [], set()
        for s in self.unit_successions:
            label = f"succession {s.old_code}@{s.old_valid_from} → {s.new_code}@{s.new_valid_from}"
            if (s.old_code, s.old_valid_from, s.new_code, s.new_valid_from) in seen:
                problems.append(f"{label}: listed twice")
            seen.add((s.old_code, s.old_valid_from, s.new_code, s.new_valid_from))
            if s.kind not in SUCCESSION_KINDS:
                problems.append(f"{label}: unknown kind {s.kind!r}")
            old, new = self.unit(s.old_code, s.old_valid_from), self.unit(s.new_code, s.new_valid_from)
            if old is None:
                problems.append(f"{label}: old unit not in the data set")
            elif old.valid_to is None or old.valid_to + _ONE_DAY != s.effective_date:
                problems.append(f"{label}: old unit does not end the day before {s.effective_date}")
            if new is None:
                problems.append(f"{label}: new unit not in the data set")
            elif not new.is_valid_on(s.effective_date):
                problems.append(f"{label}: new unit not valid on {s.effective_date}")
        ended = {(s.old_code, s.old_valid_from) for s in self.unit_successions}
        for u in self.units:
            if u.level == "commune" and u.valid_to is not None and u.key not in ended:
                problems.append(f"unit {u.code} ({u.name}) ends {u.valid_to} without a successor")
        return problems

    def _check_agencies(self) -> list[str]:
        problems, by_code = [], {}
        units_by_code: dict[str, list[AdminUnit]] = {}
        for u in self.units:
            units_by_code.setdefault(u.code, []).append(u)
        for a in self.agencies:
            if a.code in by_code:
                problems.append(f"agency {a.code}: duplicate code")
            by_code[a.code] = a
        for a in self.agencies:
            label = f"agency {a.code}"
            if not _SLUG.match(a.code):
                problems.append(f"{label}: code is not a lower-case ASCII slug")
            if a.kind not in AGENCY_KINDS:
                problems.append(f"{label}: unknown kind {a.kind!r}")
            if a.valid_from and a.valid_to and a.valid_from > a.valid_to:
                problems.append(f"{label}: valid_from after valid_to")
            if (a.kind == "ubnd") != bool(a.admin_unit_code):
                problems.append(f"{label}: a People's Committee, and only it, names the unit it governs")
            if a.admin_unit_code:
                governed = units_by_code.get(a.admin_unit_code, [])
                if not governed:
                    problems.append(f"{label}: admin unit {a.admin_unit_code} not in the data set")
                elif not _covers(governed, a.valid_from, a.valid_to):
                    problems.append(f"{label}: admin unit {a.admin_unit_code} not valid all along")
            if a.parent_code:
                parent = by_code.get(a.parent_code)
                if parent is None:
                    problems.append(f"{label}: parent {a.parent_code} not in the data set")
                elif not _covers([parent], a.valid_from, a.valid_to):
                    problems.append(f"{label}: parent {a.parent_code} not valid over the whole validity")
        return problems

    def _check_agency_successions(self) -> list[str]:
        problems, seen = [], set()
        for s in self.agency_successions:
            label = f"agency succession {s.old_code} → {s.new_code}"
            if (s.old_code, s.new_code) in seen:
                problems.append(f"{label}: listed twice")
            seen.add((s.old_code, s.new_code))
            old, new = self.agency(s.old_code), self.agency(s.new_code)
            if old is None:
                problems.append(f"{label}: old agency not in the data set")
            elif old.valid_to is None or old.valid_to + _ONE_DAY != s.effective_date:
                problems.append(f"{label}: old agency does not end the day before {s.effective_date}")
            if new is None:
                problems.append(f"{label}: new agency not in the data set")
            elif not new.is_valid_on(s.effective_date):
                problems.append(f"{label}: new agency not valid on {s.effective_date}")
        ended = {s.old_code for s in self.agency_successions}
        for a in self.agencies:
            if a.valid_to is not None and a.code not in ended:
                problems.append(f"agency {a.code} ends {a.valid_to} without a successor")
        return problems


def load(directory: Path | str | None = None) -> Dataset:
    """Read admin_units, unit_successions, agencies and agency_successions (.tsv) from `directory`."""
    base = Path(directory) if directory is not None else DATA_DIR
    return Dataset(
        units=[_unit(r) for r in _read(base / "admin_units.tsv")],
        unit_successions=[_unit_succession(r) for r in _read(base / "unit_successions.tsv")],
        agencies=[_agency(r) for r in _read(base / "agencies.tsv")],
        agency_successions=[_agency_succession(r) for r in _read(base / "agency_successions.tsv")],
    )
