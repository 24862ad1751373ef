"""Reading the hand-written fixtures, and refusing malformed input with a ValueError that says what is wrong."""
import json
from decimal import Decimal

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chidao.consolidation.interop import DEFAULT_COC, Mapping, Value, from_adx, from_dhis2, to_dhis2

from .common import FIXTURES, MAPPING, WINDOW_2020_H1

JSON_FIXTURE = json.loads((FIXTURES / "datavalueset.json").read_text(encoding="utf-8"))
ADX_FIXTURE = (FIXTURES / "adx.xml").read_bytes()
HEAD = b'<adx xmlns="urn:ihe:qrph:adx:2015" exported="2013-07-10T08:30:00Z">'


def adx(body: str, head: bytes = HEAD) -> bytes:
    return head + body.encode("utf-8") + b"</adx>"


def group(values: str, **attributes: str) -> str:
    attrs = {"dataSet": "PCMD_DK", "orgUnit": "LcTanUyen01", "period": "2013-01-01/P6M", **attributes}
    return "<group " + " ".join(f'{k}="{v}"' for k, v in attrs.items() if v is not None) + f">{values}</group>"


# -------------------------------------------------------------------------------------------------------------
# The fixtures
# -------------------------------------------------------------------------------------------------------------

def test_reads_the_dhis2_fixture():
    assert from_dhis2(JSON_FIXTURE, MAPPING) == [
        Value("KT_CO_SO", "total", "TAN_UYEN", "2013-H1", Decimal("12")),
        Value("KT_CO_SO", "KARAOKE", "TAN_UYEN", "2013-H1", Decimal("7")),
        Value("KT_CO_SO", "MASSAGE", "TAN_UYEN", "2013-H1", Decimal("5")),
        Value("VI_PHAM", "total", "THAN_UYEN", "2013-H1", Decimal("3")),
        Value("TIEN_PHAT", "total", "THAN_UYEN", "2013-03", Decimal("2.5")),
        # the value marked "deleted": true is skipped
    ]


def test_reads_the_dhis2_fixture_as_json_text():
    text = (FIXTURES / "datavalueset.json").read_text(encoding="utf-8")
    assert from_dhis2(text, MAPPING) == from_dhis2(JSON_FIXTURE, MAPPING)


def test_reads_the_adx_fixture():
    assert from_adx(ADX_FIXTURE, MAPPING) == [
        Value("KT_CO_SO", "total", "TAN_UYEN", "2013-H1", Decimal("12")),
        Value("KT_CO_SO", "KARAOKE", "TAN_UYEN", "2013-H1", Decimal("7")),
        Value("KT_CO_SO", "MASSAGE", "TAN_UYEN", "2013-H1", Decimal("5")),  # XOA_BOP is our MASSAGE
        Value("VI_PHAM", "total", "TAN_UYEN", "2013-H1", Decimal("3")),
        Value("TIEN_PHAT", "total", "THAN_UYEN", "2013-Q3", Decimal("2.5")),
        Value("KT_CO_SO", "KARAOKE", "THAN_UYEN", "2013-Q3", Decimal("4")),
        Value("KT_CO_SO", "total", "THAN_UYEN", "2013-9M", Decimal("20")),
    ]


def test_reads_adx_as_text_too():
    assert from_adx(ADX_FIXTURE.decode("utf-8"), MAPPING) == from_adx(ADX_FIXTURE, MAPPING)


def test_adx_category_option_combo_attribute_wins_as_in_dhis2():
    body = group('<dataValue dataElement="deKtCoSo001" categoryOptionCombo="cocMassage1" '
                 'ESTABLISHMENT_TYPE="KARAOKE" value="1"/>'
                 f'<dataValue dataElement="deKtCoSo001" categoryOptionCombo="{DEFAULT_COC}" value="2"/>')
    assert [(v.column, v.value) for v in from_adx(adx(body), MAPPING)] == [("MASSAGE", 1), ("total", 2)]


def test_adx_window_needs_the_callers_periods():
    body = group('<dataValue dataElement="deKtCoSo001" value="1"/>', period="2019-12-15/P183D")
    with pytest.raises(ValueError, match="matches none of our reporting periods"):
        from_adx(adx(body), MAPPING)
    assert from_adx(adx(body), MAPPING, periods=[WINDOW_2020_H1])[0].period == "2020-H1"


def test_json_numbers_are_accepted():
    doc = {"dataValues": [{"dataElement": "deKtCoSo001", "period": "2013", "orgUnit": "LcTanUyen01", "value": v}
                          for v in (3, 2.5)]}
    assert [v.value for v in from_dhis2(doc, MAPPING)] == [Decimal(3), Decimal("2.5")]


# -------------------------------------------------------------------------------------------------------------
# Malformed ADX
# -------------------------------------------------------------------------------------------------------------

OK_VALUE = '<dataValue dataElement="deKtCoSo001" value="1"/>'
BAD_ADX = [
    pytest.param(b"this is not XML", "not well-formed XML", id="not-xml"),
    pytest.param(b"", "not well-formed XML", id="empty"),
    pytest.param(b"<adx xmlns='urn:ihe:qrph:adx:2015' exported='2013-01-01'><group>", "not well-formed XML",
                 id="truncated"),
    pytest.param(b'<adx xmlns="urn:ihe:qrph:adx:2016" exported="2013-07-10T08:30:00Z"/>',
                 "not in namespace urn:ihe:qrph:adx:2015", id="wrong-namespace"),
    pytest.param(b'<adx exported="2013-07-10T08:30:00Z"/>', "not in namespace", id="no-namespace"),
    pytest.param(b'<dataValueSet xmlns="http://dhis2.org/schema/dxf/2.0"/>', "root element must be <adx>",
                 id="dxf2-root"),
    pytest.param(b'<adx xmlns="urn:ihe:qrph:adx:2015"/>', "missing attribute.*exported", id="no-exported"),
    pytest.param(b'<adx xmlns="urn:ihe:qrph:adx:2015" exported="yesterday"/>', "not an ISO 8601",
                 id="bad-exported"),
    pytest.param(adx(group(OK_VALUE, period=None)), "missing attribute.*period", id="group-no-period"),
    pytest.param(adx(group(OK_VALUE, orgUnit="")), "missing attribute.*orgUnit", id="group-empty-org-unit"),
    pytest.param(adx(group(OK_VALUE, dataSet=None, orgUnit=None)), "missing attribute.*dataSet, orgUnit",
                 id="group-no-data-set-org-unit"),
    pytest.param(adx(group('<dataValue dataElement="deKtCoSo001"/>')), "missing attribute.*value",
                 id="value-missing"),
    pytest.param(adx(group('<dataValue value="1"/>')), "missing attribute.*dataElement", id="data-element-missing"),
    pytest.param(adx(group(OK_VALUE, dataSet="OTHER")), "dataSet 'OTHER' is not the mapping's 'PCMD_DK'",
                 id="other-data-set"),
    pytest.param(adx(group(OK_VALUE, period="2013-01-01")), "not start/duration", id="period-no-duration"),
    pytest.param(adx(group(OK_VALUE, period="2013-02-01/P3M")), "matches none", id="period-not-ours"),
    pytest.param(adx(group(OK_VALUE, attributeOptionCombo="aocFunder01")), "only the default attributeOptionCombo",
                 id="attribute-option-combo"),
    pytest.param(adx(group(OK_VALUE, FUNDER="GLOBAL_FUND")), "unsupported attribute.*FUNDER", id="group-category"),
    pytest.param(adx(group('<dataValue dataElement="deKtCoSo001" SEX="F" value="1"/>')),
                 "unsupported disaggregation attribute.*SEX.*only ESTABLISHMENT_TYPE", id="other-category"),
    pytest.param(adx('<dataValue dataElement="deKtCoSo001" value="1"/>'), "may contain only <group>",
                 id="value-outside-group"),
    pytest.param(adx(group('<group/>')), "may contain only <dataValue>", id="nested-group"),
    pytest.param(adx('<x:group xmlns:x="urn:other" dataSet="PCMD_DK"/>'), "not in namespace", id="foreign-element"),
    pytest.param(adx(group('<dataValue dataElement="deKtCoSo001" value="abc"/>')), "'abc' is not a number",
                 id="value-text"),
    pytest.param(adx(group('<dataValue dataElement="deKtCoSo001" value="1,5"/>')), "'1,5' is not a number",
                 id="value-comma"),
    pytest.param(adx(group('<dataValue dataElement="deKtCoSo001" value="1e3"/>')), "is not a number",
                 id="value-exponent"),
    pytest.param(adx(group('<dataValue dataElement="deKtCoSo001" value="NaN"/>')), "is not a number",
                 id="value-nan"),
    pytest.param(adx(group('<dataValue dataElement="deUnknown01" value="1"/>')),
                 "not in the mapping.*dataElement: deUnknown01", id="unknown-data-element"),
    pytest.param(adx(group('<dataValue dataElement="deUnknown01" value="1"/>', orgUnit="ouUnknown01")
                     + group('<dataValue dataElement="deUnknown02" ESTABLISHMENT_TYPE="BAR" value="1"/>')),
                 "ESTABLISHMENT_TYPE: BAR; dataElement: deUnknown01, deUnknown02; orgUnit: ouUnknown01",
                 id="unknown-codes-listed-together"),
    pytest.param(adx(group('<dataValue dataElement="deKtCoSo001" categoryOptionCombo="cocUnknown1" value="1"/>')),
                 "categoryOptionCombo: cocUnknown1", id="unknown-category-option-combo"),
]


@pytest.mark.parametrize(("xml", "message"), BAD_ADX)
def test_malformed_adx_is_refused_clearly(xml, message):
    with pytest.raises(ValueError, match=message) as caught:
        from_adx(xml, MAPPING)
    assert " / " in str(caught.value)  # Vietnamese / English


BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE adx [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;"><!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;">]>
<adx xmlns="urn:ihe:qrph:adx:2015" exported="2013-07-10T08:30:00Z">
  <group dataSet="PCMD_DK" orgUnit="LcTanUyen01" period="2013-01-01/P6M">
    <dataValue dataElement="deKtCoSo001" value="1" comment="&c;"/>
  </group>
</adx>"""
EXTERNAL_ENTITY = b"""<?xml version="1.0"?>
<!DOCTYPE adx [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<adx xmlns="urn:ihe:qrph:adx:2015" exported="2013-07-10T08:30:00Z">
  <group dataSet="PCMD_DK" orgUnit="LcTanUyen01" period="2013-01-01/P6M">
    <dataValue dataElement="&secret;" value="1"/>
  </group>
</adx>"""


@pytest.mark.parametrize("xml", [
    pytest.param(BILLION_LAUGHS, id="entity-expansion"),
    pytest.param(EXTERNAL_ENTITY, id="external-entity"),
    pytest.param(b'<!doctype adx SYSTEM "http://example.org/adx.dtd">' + adx(""), id="external-dtd"),
    # UTF-16 hides "<!DOCTYPE" from a byte scan; the parsed document's doctype still gives it away.
    pytest.param(EXTERNAL_ENTITY.decode().replace('"1.0"?>', '"1.0" encoding="UTF-16"?>').encode("utf-16"),
                 id="utf-16"),
    pytest.param(EXTERNAL_ENTITY.decode().replace('"1.0"?>', '"1.0" encoding="UTF-16LE"?>').encode("utf-16-le"),
                 id="utf-16-no-bom"),
    pytest.param(EXTERNAL_ENTITY.decode().replace('"1.0"?>', '"1.0" encoding="UTF-32"?>').encode("utf-32"),
                 id="utf-32"),
])
def test_doctype_and_entities_are_refused(xml):
    with pytest.raises(ValueError, match="DOCTYPE.*refused"):
        from_adx(xml, MAPPING)


def test_utf_16_adx_is_read():
    text = ADX_FIXTURE.decode("utf-8").replace('encoding="UTF-8"', 'encoding="UTF-16"')
    assert from_adx(text.encode("utf-16"), MAPPING) == from_adx(ADX_FIXTURE, MAPPING)


def test_undeclared_entity_is_not_xml():
    with pytest.raises(ValueError, match="not well-formed"):
        from_adx(adx(group('<dataValue dataElement="&x;" value="1"/>')), MAPPING)


# -------------------------------------------------------------------------------------------------------------
# Malformed DHIS2 JSON
# -------------------------------------------------------------------------------------------------------------

def dvs(**value) -> dict:
    item = {"dataElement": "deKtCoSo001", "period": "2013S1", "orgUnit": "LcTanUyen01", "value": "1", **value}
    return {"dataSet": "PCMD_DK", "dataValues": [{k: v for k, v in item.items() if v is not ...}]}


BAD_JSON = [
    pytest.param("{not json", "not valid JSON", id="not-json"),
    pytest.param(b"\xff\xfe", "not valid JSON", id="bad-bytes"),
    pytest.param([], "must be a JSON object", id="list"),
    pytest.param({"dataValues": {}}, "'dataValues' must be a list", id="values-not-list"),
    pytest.param({"dataValues": ["x"]}, r"dataValues\[1\]: .*must be an object", id="item-not-object"),
    pytest.param(dvs(dataElement=...), r"dataValues\[1\]: .*missing dataElement", id="no-data-element"),
    pytest.param(dvs(period=..., orgUnit=...), "missing period, orgUnit", id="no-period-org-unit"),
    pytest.param(dvs(value=...), "missing 'value'", id="no-value"),
    pytest.param(dvs(value="abc"), "'abc' is not a number", id="value-text"),
    pytest.param(dvs(value=None), "None is not a number", id="value-null"),
    pytest.param(dvs(value=True), "True is not a number", id="value-bool"),
    pytest.param(dvs(value=float("inf")), "inf is not a number", id="value-infinite"),
    pytest.param(dvs(value=[1]), r"\[1\] is not a number", id="value-list"),
    pytest.param(dvs(period=201301), "'period' must be a non-empty string", id="period-number"),
    pytest.param(dvs(period="2013W1"), "unsupported DHIS2 period '2013W1'", id="period-weekly"),
    pytest.param(dvs(dataElement=""), "'dataElement' must be a non-empty string", id="empty-data-element"),
    pytest.param(dvs(attributeOptionCombo="aocFunder01"), "only the default attributeOptionCombo", id="aoc"),
    pytest.param({**dvs(), "dataSet": "OTHER"}, "dataSet 'OTHER' is not the mapping's", id="other-data-set"),
    pytest.param(dvs(dataElement="deUnknown01"), "not in the mapping.*dataElement: deUnknown01",
                 id="unknown-data-element"),
    pytest.param({"dataValues": dvs(dataElement="deUnknown01")["dataValues"]
                  + dvs(orgUnit="ouUnknown01", categoryOptionCombo="cocUnknown1")["dataValues"]},
                 "categoryOptionCombo: cocUnknown1; dataElement: deUnknown01; orgUnit: ouUnknown01",
                 id="unknown-codes-listed-together"),
]


@pytest.mark.parametrize(("doc", "message"), BAD_JSON)
def test_malformed_dhis2_is_refused_clearly(doc, message):
    with pytest.raises(ValueError, match=message) as caught:
        from_dhis2(doc, MAPPING)
    assert " / " in str(caught.value)


# -------------------------------------------------------------------------------------------------------------
# Fuzzing: whatever comes in, the only exception is ValueError
# -------------------------------------------------------------------------------------------------------------

FUZZ = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


def only_value_errors(read, data) -> None:
    try:
        result = read(data, MAPPING)
    except ValueError:
        return
    assert all(isinstance(v, Value) for v in result)


@FUZZ
@given(st.binary(max_size=300))
def test_adx_fuzz_random_bytes(data):
    only_value_errors(from_adx, data)


@FUZZ
@given(st.data())
def test_adx_fuzz_mutated_fixture(data):
    start = data.draw(st.integers(0, len(ADX_FIXTURE) - 1))
    end = data.draw(st.integers(start, min(len(ADX_FIXTURE), start + 40)))
    junk = data.draw(st.one_of(st.binary(max_size=20), st.sampled_from([b'"', b"<", b">", b"&", b"=", b" x=\"1\"",
                                                                         b"</group>", b"P6M", b"/P", b"-"])))
    only_value_errors(from_adx, ADX_FIXTURE[:start] + junk + ADX_FIXTURE[end:])


json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=12),
    lambda children: st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)


@FUZZ
@given(json_values)
def test_dhis2_fuzz_random_json(doc):
    only_value_errors(from_dhis2, doc)


@FUZZ
@given(st.data())
def test_dhis2_fuzz_mutated_fixture(data):
    doc = json.loads(json.dumps(JSON_FIXTURE))
    items = doc["dataValues"]
    for _ in range(data.draw(st.integers(1, 3))):
        target = data.draw(st.sampled_from([doc, *items]))
        key = data.draw(st.sampled_from(sorted(target) + ["period", "orgUnit", "value", "extra"]))
        if data.draw(st.booleans()):
            target.pop(key, None)
        else:
            target[key] = data.draw(json_values)
    only_value_errors(from_dhis2, doc)


@pytest.mark.parametrize("text", ["١٢", "１２"])
def test_only_ascii_digits_are_numbers(text):
    with pytest.raises(ValueError, match="is not a number"):
        from_adx(adx(group(f'<dataValue dataElement="deKtCoSo001" value="{text}"/>')), MAPPING)


def test_a_partial_mapping_reads_back_strictly_only_what_it_maps():
    partial = Mapping("PCMD_DK", data_elements={"KT_CO_SO": "deKtCoSo001"}, org_units={"TAN_UYEN": "LcTanUyen01"})
    values = [Value("KT_CO_SO", "total", "TAN_UYEN", "2013", Decimal(1)),
              Value("VI_PHAM", "total", "THAN_UYEN", "2013", Decimal(2))]
    doc = to_dhis2(values, partial)
    with pytest.raises(ValueError, match="dataElement: VI_PHAM; orgUnit: THAN_UYEN"):
        from_dhis2(doc, partial)
    assert from_dhis2(doc, partial, accept_unmapped=True) == values
