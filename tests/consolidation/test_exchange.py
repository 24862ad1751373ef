"""A period's accepted figures leave as DHIS2 dataValueSets and ADX, and read back to the same figures."""
import json
from collections import Counter

import pytest
from django.urls import reverse
from lxml import etree

from chidao.consolidation import exchange, interop
from chidao.consolidation.models import ConsolidatedValue, ExternalCode
from chidao.reporting import flow, services


@pytest.fixture
def accepted(cast, regime):
    report = regime.periods.get().reports.get(agency=cast.health)
    services.save_report(report, values={("kt-luot", "total"): 12, ("cs-tong", "karaoke"): 7,
                                         ("cs-tong", "luu-tru"): 30})
    flow.perform(report, "submit", cast.users["health"])
    flow.perform(report, "accept", cast.users["coordinator"])
    return report


def _ours():
    return Counter((v.indicator_code, v.column, v.agency.code, v.value)
                   for v in ConsolidatedValue.objects.select_related("agency"))


def test_dhis2_json_round_trip(client, cast, accepted):
    ExternalCode.objects.create(kind="data_element", ours="kt-luot", external="deKtLuot01")
    client.force_login(cast.users["coordinator"])
    body = json.loads(client.get(reverse("export_data", args=["2013-H1", "dhis2"])).content)
    assert set(body) >= {"dataSet", "dataValues"}
    first = body["dataValues"][0]
    assert set(first) >= {"dataElement", "period", "orgUnit", "categoryOptionCombo", "value"}
    assert {v["period"] for v in body["dataValues"]} == {"2013S1"}
    assert "deKtLuot01" in {v["dataElement"] for v in body["dataValues"]}
    back = interop.from_dhis2(body, exchange.mapping(), accept_unmapped=True)
    assert Counter((v.indicator, v.column, v.org_unit, v.value) for v in back) == _ours()


def test_adx_round_trip(client, cast, accepted):
    client.force_login(cast.users["coordinator"])
    xml = client.get(reverse("export_data", args=["2013-H1", "adx"])).content
    root = etree.fromstring(xml)
    assert root.tag == "{urn:ihe:qrph:adx:2015}adx"
    groups = root.findall("{urn:ihe:qrph:adx:2015}group")
    assert len(groups) == 1 and groups[0].get("period") == "2013-01-01/P6M"
    values = groups[0].findall("{urn:ihe:qrph:adx:2015}dataValue")
    assert any(v.get("DISAGG") == "karaoke" for v in values)
    back = interop.from_adx(xml, exchange.mapping(), accept_unmapped=True)
    assert Counter((v.indicator, v.column, v.org_unit, v.value) for v in back) == _ours()


def test_csv_has_every_figure(client, cast, accepted):
    client.force_login(cast.users["coordinator"])
    text = client.get(reverse("export_data", args=["2013-H1", "csv"])).content.decode("utf-8-sig")
    lines = text.strip().splitlines()
    assert lines[0].startswith("period,org_unit,indicator,column,value")
    assert len(lines) == 1 + ConsolidatedValue.objects.count()
