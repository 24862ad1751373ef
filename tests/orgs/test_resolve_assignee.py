import datetime as dt

import pytest

from chidao.orgs import dataset
from chidao.orgs.models import AdminUnit, Agency
from chidao.orgs.services import Group, classify_group, load_dataset, resolve_assignee

DIRECTIVE_DAY = dt.date(2013, 7, 16)


@pytest.fixture
def laichau(db):
    load_dataset(dataset.load())


def test_loading_twice_changes_nothing(laichau):
    before = (AdminUnit.objects.count(), Agency.objects.count())
    load_dataset(dataset.load())
    assert (AdminUnit.objects.count(), Agency.objects.count()) == before


@pytest.mark.parametrize("text,group", [
    ("UBND các huyện, thị xã", Group.DISTRICT_COMMITTEES),
    ("Ủy ban nhân dân các huyện, thành phố", Group.DISTRICT_COMMITTEES),
    ("Ủy ban nhân dân các xã, phường", Group.COMMUNE_COMMITTEES),
    ("Các sở, ngành thành viên khác", Group.OTHER_MEMBERS),
    ("các sở, ngành, đơn vị liên quan", Group.UNSPECIFIED),
    ("Sở Y tế", None),
    ("UBND tỉnh", None),
])
def test_group_phrases(text, group):
    assert classify_group(text) == group


def test_district_committees_are_those_of_the_directives_day(laichau):
    agencies, _ = resolve_assignee("UBND các huyện, thị xã", DIRECTIVE_DAY)
    names = {a.name for a in agencies}
    assert len(agencies) == 8
    assert any("thị xã Lai Châu" in n for n in names) and not any("thành phố Lai Châu" in n for n in names)
    after_reform, _ = resolve_assignee("UBND các huyện, thị xã", dt.date(2025, 7, 1))
    assert after_reform == []


@pytest.mark.parametrize("text,code", [
    ("Sở Lao động - Thương binh và Xã hội", "so-ldtbxh"),
    ("Sở Lao động - TBXH", "so-ldtbxh"),
    ("Công an tỉnh", "cong-an-tinh"),
    ("Sở Y tế", "so-y-te"),
    ("Sở Văn hoá Thể thao và Du lịch", "so-vhttdl"),
])
def test_named_agencies_of_the_founding_directive(laichau, text, code):
    agencies, group = resolve_assignee(text, DIRECTIVE_DAY)
    assert [a.code for a in agencies] == [code] and group is None


def test_other_members_exclude_those_already_named(laichau):
    named = set(Agency.objects.filter(code__in=["so-y-te", "cong-an-tinh"]).values_list("pk", flat=True))
    others, _ = resolve_assignee("Các sở, ngành thành viên khác", DIRECTIVE_DAY, taken=named)
    assert others and not named & {a.pk for a in others}
    assert all(a.steering_member for a in others)


def test_commune_successor_and_predecessor(laichau):
    old = AdminUnit.objects.get(code="03391", valid_to=dt.date(2025, 6, 30))  # Xã Lản Nhì Thàng
    new = old.successors().get()
    assert (new.code, new.name) == ("03388", "Phường Đoàn Kết")
    assert old in new.predecessors()
