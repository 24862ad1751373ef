"""The dated Lai Châu reference data (chidao/orgs/data/laichau) and its loader: pure Python, no database."""
import dataclasses
import datetime as dt
import shutil
import unicodedata

import pytest

from chidao.orgs import dataset

BEFORE_REFORM = dt.date(2025, 6, 30)
REFORM = dt.date(2025, 7, 1)
CV879_DAY = dt.date(2013, 7, 16)


@pytest.fixture(scope="module")
def data():
    return dataset.load()


def test_the_data_set_is_consistent(data):
    assert data.validate() == []


def test_files_are_nfc_text():
    for path in dataset.DATA_DIR.glob("*.tsv"):
        text = path.read_text(encoding="utf-8")
        assert unicodedata.normalize("NFC", text) == text, path.name


def test_before_the_reform_8_districts_and_106_communes(data):
    assert len(data.units_on(BEFORE_REFORM, "province")) == 1
    districts = data.units_on(BEFORE_REFORM, "district")
    assert sorted(d.code for d in districts) == [str(c) for c in range(105, 113)]
    assert len(data.units_on(BEFORE_REFORM, "commune")) == 106
    assert sum(len(data.children(d.code, on=BEFORE_REFORM)) for d in districts) == 106


def test_from_the_reform_38_communes_36_xa_2_phuong_under_the_province(data):
    communes = data.units_on(REFORM, "commune")
    assert len(communes) == 38
    assert sorted(c.kind for c in communes).count("xa") == 36
    assert sorted(c.name for c in communes if c.kind == "phuong") == ["Phường Tân Phong", "Phường Đoàn Kết"]
    assert {c.parent_code for c in communes} == {"12"}
    assert data.units_on(REFORM, "district") == []
    assert len(data.children("12", on=REFORM)) == 38


def test_every_pre_reform_commune_has_exactly_one_successor_valid_on_reform_day(data):
    for commune in data.units_on(BEFORE_REFORM, "commune"):
        successors = data.successors(commune.code, commune.valid_from)
        assert len(successors) == 1, commune
        assert successors[0].is_valid_on(REFORM) and successors[0].level == "commune", commune


@pytest.mark.parametrize(("old_code", "new_name"), [
    ("03619", "Xã Than Uyên"),      # old xã Mường Than went into the new xã Than Uyên (NQ 1670 khoản 3)
    ("03618", "Xã Mường Than"),     # and old xã Phúc Than into the new xã Mường Than (khoản 4)
    ("03391", "Phường Đoàn Kết"),   # Lản Nhì Thàng, huyện Phong Thổ, into a ward of the city (khoản 36)
    ("03451", "Xã Mù Cả"),          # not rearranged (khoản 37)
])
def test_successors_follow_nq_1670(data, old_code, new_name):
    old = data.unit_on(old_code, BEFORE_REFORM)
    assert [u.name for u in data.successors(old.code, old.valid_from)] == [new_name]


def test_predecessors_of_the_new_phuong_doan_ket(data):
    new = data.unit_on("03388", REFORM)
    names = sorted(u.name for u in data.predecessors(new.code, new.valid_from))
    assert names == ["Phường Quyết Thắng", "Phường Quyết Tiến", "Phường Đoàn Kết", "Xã Lản Nhì Thàng",
                     "Xã Sùng Phài"]


def test_code_03388_names_two_units_depending_on_the_date(data):
    before, after = data.unit_on("03388", BEFORE_REFORM), data.unit_on("03388", REFORM)
    assert before.name == "Phường Quyết Tiến" and before.parent_code == "105"
    assert after.name == "Phường Đoàn Kết" and after.parent_code == "12"
    assert before.key != after.key
    assert data.unit_on("03389", BEFORE_REFORM).name == "Phường Đoàn Kết"   # the old Đoàn Kết: another code
    assert data.unit_on("03389", REFORM) is None


def test_on_16_7_2013_thi_xa_lai_chau_7_huyen_and_108_communes(data):
    districts = data.units_on(CV879_DAY, "district")
    assert len(districts) == 8
    assert data.unit_on("105", CV879_DAY).name == "Thị xã Lai Châu"
    assert data.unit_on("105", dt.date(2014, 1, 1)).name == "Thành phố Lai Châu"
    assert len(data.units_on(CV879_DAY, "commune")) == 108
    town = sorted(u.name for u in data.children("105", on=CV879_DAY))
    assert town == ["Phường Quyết Thắng", "Phường Quyết Tiến", "Phường Tân Phong", "Phường Đoàn Kết",
                    "Phường Đông Phong", "Xã Nậm Loỏng", "Xã San Thàng"]


def test_cv879_agencies_exist_and_are_valid_on_16_7_2013(data):
    named = ["ubnd-tinh", "so-ldtbxh", "cong-an-tinh", "so-y-te", "so-vhttdl", "ubmttq-tinh"]
    for code in named:
        agency = data.agency(code)
        assert agency is not None and agency.is_valid_on(CV879_DAY), code
    for code in named[1:5]:
        assert data.agency(code).steering_member, code
    # the spellings of the directive itself
    assert "Sở Lao động - TBXH" in data.agency("so-ldtbxh").aliases
    assert "Sở Văn hoá Thể thao và Du lịch" in data.agency("so-vhttdl").aliases


def test_ubnd_cac_huyen_thi_xa_on_16_7_2013(data):
    committees = [a for a in data.agencies_on(CV879_DAY) if a.kind == "ubnd" and a.admin_unit_code
                  and data.unit_on(a.admin_unit_code, CV879_DAY).level == "district"]
    assert len(committees) == 8
    assert "ubnd-thi-xa-lai-chau" in {a.code for a in committees}


def test_every_district_committee_governs_a_district_valid_on_the_same_dates(data):
    committees = [a for a in data.agencies if a.kind == "ubnd" and a.code.startswith(
        ("ubnd-huyen-", "ubnd-thi-xa-", "ubnd-thanh-pho-"))]
    assert len(committees) == 9
    for agency in committees:
        for day in (agency.valid_from or CV879_DAY, agency.valid_to):
            unit = data.unit_on(agency.admin_unit_code, day)
            assert unit is not None and unit.level == "district", (agency.code, day)
        assert agency.valid_to == BEFORE_REFORM or agency.code == "ubnd-thi-xa-lai-chau"
        assert data.unit_on(agency.admin_unit_code, agency.valid_to + dt.timedelta(days=1)) is None or \
            agency.code == "ubnd-thi-xa-lai-chau"


def test_a_2013_task_passes_to_successors_from_the_change_date(data):
    than_uyen = {a.name for a in data.agency_successors("ubnd-huyen-than-uyen")}
    assert than_uyen == {"Ủy ban nhân dân xã Than Uyên", "Ủy ban nhân dân xã Mường Than",
                         "Ủy ban nhân dân xã Mường Kim", "Ủy ban nhân dân xã Khoen On"}
    assert all(a.is_valid_on(REFORM) and not a.is_valid_on(BEFORE_REFORM)
               for a in data.agency_successors("ubnd-huyen-than-uyen"))
    assert "so-y-te" in {a.code for a in data.agency_successors("so-ldtbxh")}
    assert [a.code for a in data.agency_successors("ubnd-thi-xa-lai-chau")] == ["ubnd-thanh-pho-lai-chau"]


def test_placeholder_dates_are_flagged(data):
    flagged = {u.key for u in data.units if not u.dates_verified}
    assert ("03556", None) in flagged and ("105", None) in flagged
    assert all(u.dates_verified for u in data.units_on(REFORM))


# --- validate() must catch each kind of inconsistency ---------------------------------------------------

def _unit_index(data, code, valid_from=None):
    return next(i for i, u in enumerate(data.units) if u.key == (code, valid_from))


def _broken(data, mutate):
    copy = dataset.Dataset(list(data.units), list(data.unit_successions), list(data.agencies),
                           list(data.agency_successions))
    mutate(copy)
    return copy.validate()


def _duplicate_key(d):
    d.units.append(d.units[0])


def _missing_parent(d):
    i = _unit_index(d, "03424")
    d.units[i] = dataclasses.replace(d.units[i], parent_code="199")


def _parent_not_valid_long_enough(d):
    i = _unit_index(d, "03424", REFORM)   # the new xã Bản Bo under a district that ended the day before
    d.units[i] = dataclasses.replace(d.units[i], parent_code="106")


def _succession_to_missing_unit(d):
    d.unit_successions[-1] = dataclasses.replace(d.unit_successions[-1], new_code="09999")


def _commune_without_successor(d):
    d.unit_successions[:] = [s for s in d.unit_successions if s.old_code != "03424"]


def _overlap(d):
    i = _unit_index(d, "03451")
    d.units[i] = dataclasses.replace(d.units[i], valid_to=dt.date(2025, 12, 31))


def _not_nfc(d):
    i = _unit_index(d, "03424")
    d.units[i] = dataclasses.replace(d.units[i], name=unicodedata.normalize("NFD", d.units[i].name))


def _unknown_kind(d):
    i = _unit_index(d, "03424")
    d.units[i] = dataclasses.replace(d.units[i], kind="quan")


def _unknown_level(d):
    i = _unit_index(d, "03424")
    d.units[i] = dataclasses.replace(d.units[i], level="hamlet")


def _agency_governs_a_unit_not_valid(d):
    i = next(i for i, a in enumerate(d.agencies) if a.code == "ubnd-huyen-than-uyen")
    d.agencies[i] = dataclasses.replace(d.agencies[i], valid_to=None)


def _agency_ends_without_successor(d):
    d.agency_successions[:] = [s for s in d.agency_successions if s.old_code != "so-khdt"]


@pytest.mark.parametrize(("mutate", "expected"), [
    (_duplicate_key, "duplicate key"),
    (_missing_parent, "parent 199 not in the data set"),
    (_parent_not_valid_long_enough, "parent 106 not valid over the whole validity"),
    (_succession_to_missing_unit, "new unit not in the data set"),
    (_commune_without_successor, "without a successor"),
    (_overlap, "overlaps"),
    (_not_nfc, "not NFC"),
    (_unknown_kind, "kind 'quan' is not a kind of commune"),
    (_unknown_level, "unknown level 'hamlet'"),
    (_agency_governs_a_unit_not_valid, "admin unit 110 not valid all along"),
    (_agency_ends_without_successor, "agency so-khdt ends"),
])
def test_validate_reports_each_inconsistency(data, mutate, expected):
    problems = _broken(data, mutate)
    assert any(expected in p for p in problems), problems


def test_load_reads_another_directory(tmp_path):
    for path in dataset.DATA_DIR.glob("*.tsv"):
        shutil.copy(path, tmp_path / path.name)
    units = tmp_path / "admin_units.tsv"
    assert dataset.load(tmp_path).validate() == []
    lines = units.read_text(encoding="utf-8").splitlines()
    units.write_text("\n".join(lines + [lines[-1]]) + "\n", encoding="utf-8")   # a duplicated row
    assert any("duplicate key" in p for p in dataset.load(tmp_path).validate())
