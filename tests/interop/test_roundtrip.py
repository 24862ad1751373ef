"""Random value sets survive export and import: DHIS2 JSON (through json.dumps/loads) and ADX bytes."""
import json
from collections import Counter
from decimal import Decimal

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from chidao.consolidation.interop import Mapping, Value, from_adx, from_dhis2, to_adx, to_dhis2

from .common import WINDOW_2020_H1

INDICATORS = ["KT_CO_SO", "VI_PHAM", "TIEN_PHAT"]
COLUMNS = ["total", "KARAOKE", "MASSAGE", "LUU_TRU"]
ORG_UNITS = ["TAN_UYEN", "THAN_UYEN", "SO_LDTBXH"]
DHIS2_PERIODS = ["2013-H1", "2013-H2", "2013", "2013-Q3", "2013-09", "2020-H1"]  # 2020-H1: the NĐ 09 window
ADX_PERIODS = DHIS2_PERIODS + ["2013-9M"]

FULL = Mapping(
    data_set="PCMD_DK",
    data_elements={code: f"de{n:09d}" for n, code in enumerate(INDICATORS)},
    category_option_combos={(i, c): f"coc{n:08d}" for n, (i, c) in enumerate(
        (i, c) for i in INDICATORS for c in COLUMNS if c != "total")},
    org_units={code: f"ou{n:09d}" for n, code in enumerate(ORG_UNITS)},
    disaggregation_attribute="LOAI_CO_SO",
    category_options={"KARAOKE": "KARAOKE", "MASSAGE": "XOA_BOP", "LUU_TRU": "LUU_TRU"},
)
PARTIAL = Mapping(
    data_set="PCMD_DK",
    data_elements={"KT_CO_SO": "deKtCoSo001"},
    category_option_combos={("KT_CO_SO", "KARAOKE"): "cocKaraoke1", ("VI_PHAM", "total"): "cocViPhamT1"},
    org_units={"TAN_UYEN": "LcTanUyen01"},
    category_options={"MASSAGE": "XOA_BOP"},
)
IDENTITY = Mapping(data_set="PCMD_DK")
# (mapping, accept_unmapped): a partial mapping reads back only with accept_unmapped, the mirror of the export.
MAPPINGS = st.sampled_from([(FULL, False), (PARTIAL, True), (IDENTITY, False)])

amounts = st.decimals(min_value=0, max_value=10**12, places=2, allow_nan=False, allow_infinity=False)


def value_sets(period_codes):
    keys = st.tuples(st.sampled_from(INDICATORS), st.sampled_from(COLUMNS), st.sampled_from(ORG_UNITS),
                     st.sampled_from(period_codes))
    return st.dictionaries(keys, amounts, max_size=40).map(
        lambda d: [Value(i, c, o, p, v) for (i, c, o, p), v in d.items()])


SETTINGS = settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@SETTINGS
@given(values=value_sets(DHIS2_PERIODS), mapping=MAPPINGS)
def test_dhis2_round_trip(values, mapping):
    mapping, accept = mapping
    doc = json.loads(json.dumps(to_dhis2(values, mapping, periods=[WINDOW_2020_H1], nominal=True)))
    assert all(isinstance(dv["value"], str) for dv in doc["dataValues"])
    assert Counter(from_dhis2(doc, mapping, accept_unmapped=accept)) == Counter(values)


@SETTINGS
@given(values=value_sets(ADX_PERIODS), mapping=MAPPINGS)
def test_adx_round_trip(values, mapping):
    mapping, accept = mapping
    xml = to_adx(values, mapping, periods=[WINDOW_2020_H1])
    assert isinstance(xml, bytes)
    back = from_adx(xml, mapping, periods=[WINDOW_2020_H1], accept_unmapped=accept)
    assert Counter(back) == Counter(values)


@SETTINGS
@given(value=st.decimals(allow_nan=False, allow_infinity=False, places=6, min_value=-10**15, max_value=10**15))
def test_any_finite_decimal_survives_both_formats(value):
    values = [Value("KT_CO_SO", "total", "TAN_UYEN", "2013-H1", value)]
    assert from_dhis2(json.loads(json.dumps(to_dhis2(values, IDENTITY))), IDENTITY)[0].value == value
    assert from_adx(to_adx(values, IDENTITY), IDENTITY)[0].value == value


def test_scaled_decimals_are_written_plainly():
    values = [Value("A", "total", "U", "2013", Decimal(v)) for v in ("12.00", "1E+3", "0.50", "-0", "7")]
    values = [Value(f"I{n}", v.column, v.org_unit, v.period, v.value) for n, v in enumerate(values)]
    written = [dv["value"] for dv in to_dhis2(values, IDENTITY)["dataValues"]]
    assert sorted(written) == sorted(["12", "1000", "0.5", "0", "7"])
