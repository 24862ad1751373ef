"""CSV for people with Excel: RFC 4180, a BOM so Vietnamese shows correctly, external codes on request."""
import csv
import io
from decimal import Decimal

from chidao.consolidation.interop import DEFAULT_COC, Value, to_csv

from .common import MAPPING, WINDOW_2020_H1

VALUES = [
    Value("KT_CO_SO", "KARAOKE", "TAN_UYEN", "2013-H1", Decimal("7.00")),
    Value("KT_CO_SO", "total", "TAN_UYEN", "2013-H1", Decimal("12")),
    Value("SỐ_CƠ_SỞ", "total", "Sở LĐTBXH, Lai Châu", "2013-9M", Decimal("2.5")),
    Value("=HYPERLINK(\"x\")", "total", "TAN_UYEN", "2013-H1", Decimal("-3")),
]


def rows(text: str, **kwargs) -> list[list[str]]:
    return list(csv.reader(io.StringIO(text, newline=""), **kwargs))


def test_header_bom_crlf_and_plain_numbers():
    text = to_csv(VALUES)
    assert text.startswith("\ufeffperiod,org_unit,indicator,column,value\r\n")
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    table = rows(text.removeprefix("\ufeff"))
    assert table[0] == ["period", "org_unit", "indicator", "column", "value"]
    assert table[1:] == [  # by period start (H1 and 9M both start 1/1: then by code), then org unit
        ["2013-9M", "Sở LĐTBXH, Lai Châu", "SỐ_CƠ_SỞ", "total", "2.5"],
        ["2013-H1", "TAN_UYEN", "KT_CO_SO", "KARAOKE", "7"],
        ["2013-H1", "TAN_UYEN", "KT_CO_SO", "total", "12"],
        ["2013-H1", "TAN_UYEN", "'=HYPERLINK(\"x\")", "total", "-3"],  # formula neutralised, number left alone
    ]
    assert '"Sở LĐTBXH, Lai Châu"' in text and '"\'=HYPERLINK(""x"")"' in text  # RFC 4180 quoting


def test_utf8_sig_file_reads_back(tmp_path):
    path = tmp_path / "export.csv"
    path.write_text(to_csv(VALUES), encoding="utf-8", newline="")
    assert path.read_bytes().startswith(b"\xef\xbb\xbfperiod,")
    with path.open(encoding="utf-8-sig", newline="") as f:
        assert next(csv.reader(f))[0] == "period"


def test_without_bom_and_with_semicolons():
    text = to_csv(VALUES[:1], bom=False, delimiter=";")
    assert text == "period;org_unit;indicator;column;value\r\n2013-H1;TAN_UYEN;KT_CO_SO;KARAOKE;7\r\n"


def test_external_codes_with_a_mapping():
    values = VALUES[:2] + [Value("KT_CO_SO", "total", "THAN_UYEN", "2013-9M", Decimal(1)),
                           Value("KT_CO_SO", "total", "THAN_UYEN", "2020-H1", Decimal(2))]
    table = rows(to_csv(values, MAPPING, periods=[WINDOW_2020_H1]).removeprefix("\ufeff"))
    assert table[0][5:] == ["data_set", "data_element", "category_option_combo", "ext_org_unit", "dhis2_period",
                            "adx_period"]
    by_key = {(r[0], r[1], r[3]): r[5:] for r in table[1:]}
    assert by_key[("2013-H1", "TAN_UYEN", "KARAOKE")] == ["PCMD_DK", "deKtCoSo001", "cocKaraoke1", "LcTanUyen01",
                                                          "2013S1", "2013-01-01/P6M"]
    assert by_key[("2013-H1", "TAN_UYEN", "total")][2] == DEFAULT_COC
    assert by_key[("2013-9M", "THAN_UYEN", "total")][4:] == ["", "2013-01-01/P9M"]  # DHIS2 cannot say 9 months
    assert by_key[("2020-H1", "THAN_UYEN", "total")][4:] == ["", "2019-12-15/P183D"]


def test_empty():
    assert to_csv([]) == "\ufeffperiod,org_unit,indicator,column,value\r\n"
