"""Loading the dated reference data, and finding the agencies a directive's words point at."""
import datetime as dt
import re

from django.db import transaction

from chidao.lib.agencynames import name_key, rank_matches

from .models import AdminUnit, Agency, AgencyAlias, AgencySuccession, UnitSuccession

# Group phrases, tested on name_key() of the assignee ("UBND các huyện, thị xã" → "uy ban nhan dan cac huyen thi xa").
_DISTRICT_COMMITTEES = re.compile(r"uy ban nhan dan (?:cac |tat ca cac )?(?:huyen|quan|thi xa|thanh pho)\b.*"
                                  r"|uy ban nhan dan cac huyen")
_COMMUNE_COMMITTEES = re.compile(r"uy ban nhan dan (?:cac |tat ca cac )(?:xa|phuong|thi tran)\b")
_OTHER_MEMBERS = re.compile(r"\bthanh vien khac\b|\bcon lai\b")
_UNSPECIFIED = re.compile(r"\blien quan\b|\bco lien quan\b")


class Group:
    DISTRICT_COMMITTEES = "district_committees"
    COMMUNE_COMMITTEES = "commune_committees"
    OTHER_MEMBERS = "other_members"
    UNSPECIFIED = "unspecified"


def classify_group(text: str) -> str | None:
    """Which group phrase `text` is, if any: "UBND các huyện, thị xã", "các sở, ngành thành viên khác" …"""
    key = name_key(text)
    if _UNSPECIFIED.search(key):
        return Group.UNSPECIFIED
    if _OTHER_MEMBERS.search(key):
        return Group.OTHER_MEMBERS
    if _COMMUNE_COMMITTEES.search(key):
        return Group.COMMUNE_COMMITTEES
    if _DISTRICT_COMMITTEES.search(key):
        return Group.DISTRICT_COMMITTEES
    return None


def agencies_valid_on(day: dt.date):
    return Agency.objects.valid_on(day).select_related("admin_unit").prefetch_related("aliases")


def find_agency(text: str, day: dt.date, agencies=None, minimum: float = 0.9) -> Agency | None:
    """The one agency valid on `day` whose name or alias matches `text`, or None."""
    agencies = list(agencies_valid_on(day) if agencies is None else agencies)
    ranked = rank_matches(text, [(a, a.names()) for a in agencies])
    return ranked[0][0] if ranked and ranked[0][1] >= minimum else None


def resolve_assignee(text: str, day: dt.date, agencies=None,
                     taken: set[int] | None = None) -> tuple[list[Agency], str | None]:
    """Agencies an assignee phrase designates on `day`, and the group it was read as (None: a single name).

    "Các sở, ngành thành viên khác" means the steering committee's members not already in `taken`;
    "các sở, ngành liên quan" designates nobody in particular: a person chooses.
    """
    agencies = list(agencies_valid_on(day) if agencies is None else agencies)
    group = classify_group(text)
    if group == Group.UNSPECIFIED:
        return [], group
    if group == Group.OTHER_MEMBERS:
        taken = taken or set()
        return [a for a in agencies if a.steering_member and a.pk not in taken], group
    if group in (Group.DISTRICT_COMMITTEES, Group.COMMUNE_COMMITTEES):
        level = AdminUnit.Level.DISTRICT if group == Group.DISTRICT_COMMITTEES else AdminUnit.Level.COMMUNE
        return [a for a in agencies if a.kind == Agency.Kind.PEOPLES_COMMITTEE and a.admin_unit
                and a.admin_unit.level == level], group
    found = find_agency(text, day, agencies)
    return ([found] if found else []), None


@transaction.atomic
def load_dataset(dataset) -> dict[str, int]:
    """Insert or update the reference data (idempotent: keyed by unit code + valid_from, agency code)."""
    counts = {"units": 0, "unit_successions": 0, "agencies": 0, "agency_successions": 0}
    units: dict[tuple[str, dt.date | None], AdminUnit] = {}
    for row in sorted(dataset.units, key=lambda u: ("province", "district", "commune").index(u.level)):
        parent = None
        if row.parent_code:
            parent = _unit_on(units, row.parent_code, row.valid_from or row.valid_to)
        unit, _ = AdminUnit.objects.update_or_create(
            code=row.code, valid_from=row.valid_from,
            defaults={"name": row.name, "level": row.level, "kind": row.kind, "parent": parent,
                      "valid_to": row.valid_to, "note": row.note or ""})
        units[(row.code, row.valid_from)] = unit
        counts["units"] += 1
    for row in dataset.unit_successions:
        UnitSuccession.objects.update_or_create(
            old=units[(row.old_code, row.old_valid_from)], new=units[(row.new_code, row.new_valid_from)],
            defaults={"effective_date": row.effective_date, "kind": row.kind, "note": row.note or ""})
        counts["unit_successions"] += 1
    agencies: dict[str, Agency] = {}
    for row in dataset.agencies:
        unit = _unit_on(units, row.admin_unit_code, row.valid_from or row.valid_to) if row.admin_unit_code else None
        agency, _ = Agency.objects.update_or_create(
            code=row.code,
            defaults={"name": row.name, "short_name": row.short_name or "", "kind": row.kind, "admin_unit": unit,
                      "valid_from": row.valid_from, "valid_to": row.valid_to,
                      "steering_member": row.steering_member, "note": row.note or ""})
        for alias in row.aliases:
            AgencyAlias.objects.get_or_create(agency=agency, alias=alias)
        agencies[row.code] = agency
        counts["agencies"] += 1
    for row in dataset.agencies:
        if row.parent_code and agencies[row.code].parent_id != agencies[row.parent_code].pk:
            agencies[row.code].parent = agencies[row.parent_code]
            agencies[row.code].save(update_fields=["parent", "search_key"])
    for row in dataset.agency_successions:
        AgencySuccession.objects.update_or_create(
            old=agencies[row.old_code], new=agencies[row.new_code],
            defaults={"effective_date": row.effective_date, "note": row.note or ""})
        counts["agency_successions"] += 1
    return counts


def _unit_on(units: dict, code: str, day: dt.date | None) -> AdminUnit:
    """The unit with `code` that is valid on `day` (codes are reused across reforms)."""
    matches = [u for (c, _), u in units.items() if c == code and (day is None or u.is_valid_on(day))]
    if not matches:
        matches = [u for (c, _), u in units.items() if c == code]
    if not matches:
        raise KeyError(f"administrative unit {code} valid on {day} not in the data set")
    return matches[0]
