import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from chidao.consolidation.admin import BoundarySetForm
from chidao.consolidation.models import BoundarySet
from chidao.lib.geojson_check import check_boundaries


def _square(code, x):
    return {"type": "Feature", "properties": {"code": code},
            "geometry": {"type": "Polygon", "coordinates": [[[x, 0], [x + 1, 0], [x + 1, 1], [x, 1], [x, 0]]]}}


TWO_DISTRICTS = {"type": "FeatureCollection", "features": [_square("110", 0), _square("111", 1)]}


@pytest.mark.parametrize("document,problem", [
    pytest.param([], "FeatureCollection", id="not-an-object"),
    pytest.param({"type": "FeatureCollection", "features": []}, "không có đối tượng", id="empty"),
    pytest.param({"type": "FeatureCollection", "features": [_square("110", 0), _square("110", 1)]}, "lặp lại",
                 id="repeated-code"),
    pytest.param({"type": "FeatureCollection", "features": [{"type": "Feature", "properties": {},
                                                            "geometry": {"type": "Point"}}]}, "Polygon",
                 id="point-without-code"),
])
def test_unusable_boundaries_are_explained(document, problem):
    problems = check_boundaries(document)
    assert problems and any(problem in p for p in problems)


def test_usable_boundaries_pass():
    assert check_boundaries(TWO_DISTRICTS) == []


def test_admin_form_stores_a_valid_upload_and_refuses_a_bad_one(db):
    upload = SimpleUploadedFile("ranh-gioi.geojson", json.dumps(TWO_DISTRICTS).encode())
    form = BoundarySetForm(data={"name": "Thử", "tree": "pre", "key_property": "code", "source": "tự vẽ",
                                 "licence": "CC0"}, files={"upload": upload})
    assert form.is_valid(), form.errors
    form.save()
    assert BoundarySet.objects.get().geojson["features"][0]["properties"]["code"] == "110"
    bad = BoundarySetForm(data={"name": "Hỏng", "tree": "post", "key_property": "code", "source": "x",
                                "licence": "x"}, files={"upload": SimpleUploadedFile("x.geojson", b"{not json")})
    assert not bad.is_valid() and "JSON" in str(bad.errors)


def test_dashboard_draws_a_map_once_boundaries_exist(client, cast, regime):
    client.force_login(cast.users["leader"])
    assert 'id="map-chart"' not in client.get(reverse("dashboard")).content.decode()
    BoundarySet.objects.create(name="Thử", tree="pre", source="tự vẽ", licence="CC0", geojson=TWO_DISTRICTS)
    page = client.get(reverse("dashboard")).content.decode()
    assert 'id="map-chart"' in page and "tự vẽ (CC0)" in page
