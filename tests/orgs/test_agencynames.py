import pytest

from chidao.lib.agencynames import name_key, rank_matches

LABOUR = "Sở Lao động - Thương binh và Xã hội"


@pytest.mark.parametrize("written", [
    "Sở Lao động - TBXH", "Sở LĐ-TBXH", "Sở LĐTBXH", "Sở Lao động, Thương binh và Xã hội", "Sở LĐ, TB&XH",
    "SỞ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI", "Sở Lao Động – Thương Binh và Xã Hội",
])
def test_labour_department_spellings_meet_on_one_key(written):
    assert name_key(written) == name_key(LABOUR)


@pytest.mark.parametrize("a,b", [
    ("Sở Văn hoá Thể thao và Du lịch", "Sở Văn hóa, Thể thao và Du lịch"),
    ("Sở VHTTDL", "Sở Văn hóa, Thể thao và Du lịch"),
    ("UBND tỉnh", "Ủy ban nhân dân tỉnh"),
    ("Uỷ ban MTTQ tỉnh", "Ủy ban Mặt trận Tổ quốc tỉnh"),
    ("UBND TP Lai Châu", "Ủy ban nhân dân thành phố Lai Châu"),
])
def test_tone_placement_and_abbreviations_are_folded(a, b):
    assert name_key(a) == name_key(b)


def test_different_departments_stay_apart():
    assert name_key("Sở Y tế") != name_key("Sở Tư pháp")
    assert rank_matches("Sở Y tế", [("justice", ["Sở Tư pháp"]), ("finance", ["Sở Tài chính"])]) == []


def test_a_qualified_name_matches_its_agency():
    ranked = rank_matches("Sở Y tế tỉnh Lai Châu", [("health", ["Sở Y tế"]), ("justice", ["Sở Tư pháp"])])
    assert ranked[0][0] == "health"
