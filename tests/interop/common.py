"""Shared test data: the mapping the hand-written fixtures use, and a few of our periods."""
from datetime import date
from pathlib import Path

from chidao.consolidation.interop import Mapping, Period

FIXTURES = Path(__file__).resolve().parent.parent / "fixtures" / "interop"

MAPPING = Mapping(
    data_set="PCMD_DK",
    data_elements={"KT_CO_SO": "deKtCoSo001", "VI_PHAM": "deViPham001", "TIEN_PHAT": "deTienPhat1"},
    category_option_combos={("KT_CO_SO", "KARAOKE"): "cocKaraoke1", ("KT_CO_SO", "MASSAGE"): "cocMassage1"},
    org_units={"TAN_UYEN": "LcTanUyen01", "THAN_UYEN": "LcThanUyen1"},
    disaggregation_attribute="ESTABLISHMENT_TYPE",
    category_options={"KARAOKE": "KARAOKE", "MASSAGE": "XOA_BOP"},
)

# NĐ 09/2019 Điều 12: the 6-month report covers 15/12 of the previous year to 14/6.
WINDOW_2020_H1 = Period("2020-H1", date(2019, 12, 15), date(2020, 6, 14))
