import datetime as dt

from django.urls import reverse

from chidao.orgs import dataset
from chidao.orgs.models import AdminUnit
from chidao.orgs.services import load_dataset


def test_a_pre_reform_commune_shows_its_successor_and_the_successor_its_predecessors(client, cast):
    load_dataset(dataset.load())
    client.force_login(cast.users["leader"])
    old = AdminUnit.objects.get(code="03391", valid_to=dt.date(2025, 6, 30))  # Xã Lản Nhì Thàng
    new = old.successors().get()
    page = client.get(reverse("unit_detail", args=[old.pk])).content.decode()
    successors = page[page.index('class="card successors"'):page.index('class="card predecessors"')]
    assert "Phường Đoàn Kết" in successors and "01/07/2025" in successors
    page = client.get(reverse("unit_detail", args=[new.pk])).content.decode()
    predecessors = page[page.index('class="card predecessors"'):]
    assert "Xã Lản Nhì Thàng" in predecessors and "Huyện Phong Thổ" in predecessors


def test_the_unit_list_follows_the_date(client, cast):
    load_dataset(dataset.load())
    client.force_login(cast.users["leader"])
    before = client.get(reverse("unit_list"), {"on": "2025-06-30"}).context["units"]
    after = client.get(reverse("unit_list"), {"on": "2025-07-01"}).context["units"]
    assert sum(u.level == "commune" for u in before) == 106 and sum(u.level == "district" for u in before) == 8
    assert sum(u.level == "commune" for u in after) == 38 and not any(u.level == "district" for u in after)
