"""What the exports look like: the dataValueSets keys DHIS2 documents, and ADX groups and attributes."""
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from lxml import etree

from chidao.consolidation.interop import ADX_NS, DEFAULT_COC, Mapping, Value, to_adx, to_dhis2

from .common import MAPPING, WINDOW_2020_H1

VALUES = [
    Value("KT_CO_SO", "total", "TAN_UYEN", "2013-H1", Decimal("12")),
    Value("KT_CO_SO", "KARAOKE", "TAN_UYEN", "2013-H1", Decimal("7.00")),
    Value("KT_CO_SO", "MASSAGE", "TAN_UYEN", "2013-H1", Decimal("5")),
    Value("VI_PHAM", "total", "THAN_UYEN", "2013-H1", Decimal("3")),
    Value("TIEN_PHAT", "total", "THAN_UYEN", "2013-Q3", Decimal("2.50")),
    Value("KT_CO_SO", "total", "SO_LDTBXH", "2013-H1", Decimal("1")),  # org unit not mapped: as it is
]


def test_data_value_set_has_the_documented_keys():
    doc = to_dhis2(VALUES, MAPPING, complete_date=date(2013, 7, 5))
    assert set(doc) == {"dataSet", "completeDate", "dataValues"}
    assert doc["dataSet"] == "PCMD_DK" and doc["completeDate"] == "2013-07-05"
    assert len(doc["dataValues"]) == len(VALUES)
    for dv in doc["dataValues"]:
        assert set(dv) == {"dataElement", "period", "orgUnit", "categoryOptionCombo", "value"}
        assert isinstance(dv["value"], str)
    assert {"dataElement": "deKtCoSo001", "period": "2013S1", "orgUnit": "LcTanUyen01",
            "categoryOptionCombo": DEFAULT_COC, "value": "12"} in doc["dataValues"]
    # sorted by period, then org unit; the caller's order within
    assert [dv["orgUnit"] for dv in doc["dataValues"]] == ["SO_LDTBXH"] + ["LcTanUyen01"] * 3 + ["LcThanUyen1"] * 2
    assert [dv["value"] for dv in doc["dataValues"][1:4]] == ["12", "7", "5"]
    by_coc = {dv["categoryOptionCombo"]: dv["value"] for dv in doc["dataValues"] if dv["orgUnit"] == "LcTanUyen01"}
    assert by_coc == {DEFAULT_COC: "12", "cocKaraoke1": "7", "cocMassage1": "5"}
    assert {dv["period"] for dv in doc["dataValues"]} == {"2013S1", "2013Q3"}
    assert {"dataElement": "deTienPhat1", "period": "2013Q3", "orgUnit": "LcThanUyen1",
            "categoryOptionCombo": DEFAULT_COC, "value": "2.5"} in doc["dataValues"]
    assert any(dv["orgUnit"] == "SO_LDTBXH" for dv in doc["dataValues"])


def test_complete_date_is_left_out_when_not_given():
    assert "completeDate" not in to_dhis2(VALUES, MAPPING)


def test_dhis2_export_refuses_what_dhis2_cannot_express():
    nine = [Value("KT_CO_SO", "total", "TAN_UYEN", "2013-9M", Decimal(1))]
    with pytest.raises(ValueError, match="nine-month"):
        to_dhis2(nine, MAPPING)
    window = [Value("KT_CO_SO", "total", "TAN_UYEN", "2020-H1", Decimal(1))]
    with pytest.raises(ValueError, match="is not a calendar month"):
        to_dhis2(window, MAPPING, periods=[WINDOW_2020_H1])
    assert to_dhis2(window, MAPPING, periods=[WINDOW_2020_H1], nominal=True)["dataValues"][0]["period"] == "2020S1"


def test_adx_structure():
    xml = to_adx(VALUES, MAPPING, exported=datetime(2013, 7, 10, 8, 30, tzinfo=UTC), complete_date=date(2013, 7, 5))
    assert xml.startswith(b"<?xml version='1.0' encoding='UTF-8'?>")
    root = etree.fromstring(xml)
    assert root.tag == f"{{{ADX_NS}}}adx"
    assert root.nsmap[None] == ADX_NS
    assert root.get("exported") == "2013-07-10T08:30:00Z"
    groups = root.findall(f"{{{ADX_NS}}}group")
    keys = [(g.get("orgUnit"), g.get("period")) for g in groups]
    assert sorted(keys) == sorted({("LcTanUyen01", "2013-01-01/P6M"), ("LcThanUyen1", "2013-01-01/P6M"),
                                   ("LcThanUyen1", "2013-07-01/P3M"), ("SO_LDTBXH", "2013-01-01/P6M")})
    assert len(keys) == len(set(keys))  # one group per (org unit, period)
    for g in groups:
        assert g.get("dataSet") == "PCMD_DK" and g.get("completeDate") == "2013-07-05"
    tan_uyen = groups[keys.index(("LcTanUyen01", "2013-01-01/P6M"))]
    values = [dict(dv.attrib) for dv in tan_uyen]
    assert values == [
        {"dataElement": "deKtCoSo001", "value": "12"},
        {"dataElement": "deKtCoSo001", "ESTABLISHMENT_TYPE": "KARAOKE", "value": "7"},
        {"dataElement": "deKtCoSo001", "ESTABLISHMENT_TYPE": "XOA_BOP", "value": "5"},
    ]


def test_adx_carries_the_real_days_of_a_window():
    window = [Value("KT_CO_SO", "total", "TAN_UYEN", "2020-H1", Decimal(1)),
              Value("KT_CO_SO", "total", "TAN_UYEN", "2013-9M", Decimal(2))]
    root = etree.fromstring(to_adx(window, MAPPING, periods=[WINDOW_2020_H1]))
    assert sorted(g.get("period") for g in root) == ["2013-01-01/P9M", "2019-12-15/P183D"]


def test_adx_exported_defaults_to_now_in_utc():
    before = datetime.now(UTC).replace(microsecond=0)
    stamp = etree.fromstring(to_adx([], MAPPING)).get("exported")
    assert stamp.endswith("Z")
    assert datetime.fromisoformat(stamp) >= before


@pytest.mark.parametrize("export", [pytest.param(to_dhis2, id="dhis2"), pytest.param(to_adx, id="adx")])
def test_duplicates_are_refused(export):
    twice = [VALUES[0], Value("KT_CO_SO", "total", "TAN_UYEN", "2013-H1", Decimal("13"))]
    with pytest.raises(ValueError, match="duplicate figures"):
        export(twice, MAPPING)


@pytest.mark.parametrize("export", [pytest.param(to_dhis2, id="dhis2"), pytest.param(to_adx, id="adx")])
def test_unmapped_code_equal_to_a_mapped_target_is_refused(export):
    clash = [Value("deKtCoSo001", "total", "TAN_UYEN", "2013-H1", Decimal(1))]
    with pytest.raises(ValueError, match="unmapped code 'deKtCoSo001'"):
        export(clash, MAPPING)


def test_non_finite_values_are_refused():
    with pytest.raises(ValueError, match="finite"):
        to_dhis2([Value("A", "total", "U", "2013", Decimal("NaN"))], MAPPING)


@pytest.mark.parametrize("attribute", ["disagg", "1TYPE", "HAS SPACE", "XML_TYPE", "", "LOẠI"])
def test_disaggregation_attribute_must_be_an_upper_case_xml_name(attribute):
    with pytest.raises(ValueError, match="upper-case XML name"):
        Mapping("PCMD_DK", disaggregation_attribute=attribute)


def test_mapping_targets_must_be_unique():
    with pytest.raises(ValueError, match="target of both"):
        Mapping("PCMD_DK", data_elements={"A": "X", "B": "X"})
    with pytest.raises(ValueError, match="target of both"):
        Mapping("PCMD_DK", category_option_combos={("A", "c1"): "X", ("A", "c2"): "X"})
    # the same COC for different indicators is fine: DHIS2 shares category combos between data elements
    Mapping("PCMD_DK", category_option_combos={("A", "c1"): "X", ("B", "c1"): "X"})
