"""Export a period's accepted figures as DHIS2 dataValueSets JSON, ADX XML or CSV (formats in interop.py)."""
import json

from . import interop
from .models import ConsolidatedValue, ExternalCode

FORMATS = {"dhis2": ("application/json", "json"), "adx": ("application/adx+xml", "xml"),
           "csv": ("text/csv; charset=utf-8", "csv")}
DEFAULT_DATA_SET = "PCMD"


def mapping() -> interop.Mapping:
    codes: dict[str, dict] = {kind: {} for kind in ExternalCode.Kind.values}
    for row in ExternalCode.objects.all():
        codes[row.kind][row.ours] = row.external
    combos = {tuple(key.split(":", 1)): value for key, value in codes["option_combo"].items() if ":" in key}
    return interop.Mapping(data_set=codes["data_set"].get("pcmd", DEFAULT_DATA_SET),
                           data_elements=codes["data_element"], category_option_combos=combos,
                           org_units=codes["org_unit"])


def values(period_code: str) -> list[interop.Value]:
    rows = ConsolidatedValue.objects.filter(period_code=period_code).select_related("agency")
    return [interop.Value(indicator=r.indicator_code, column=r.column, org_unit=r.agency.code, period=r.period_code,
                          value=r.value) for r in rows.order_by("agency__code", "indicator_code", "column")]


def export(period_code: str, fmt: str) -> tuple[bytes, str, str]:
    content_type, extension = FORMATS[fmt]
    data, codes = values(period_code), mapping()
    if fmt == "dhis2":
        body = json.dumps(interop.to_dhis2(data, codes), ensure_ascii=False, indent=2).encode()
    elif fmt == "adx":
        body = interop.to_adx(data, codes)
    else:
        body = interop.to_csv(data, codes).encode("utf-8")
    return body, content_type, extension
