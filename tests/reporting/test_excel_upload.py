"""Excel through the report page: download, fill, upload → the same values stored; any error → nothing stored."""
from decimal import Decimal as D
from io import BytesIO

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from openpyxl import load_workbook

from chidao.reporting import services
from chidao.reporting.excel.names import narrative_name, parse_reference, value_name
from chidao.reporting.models import ReportValue


def _download(client, report) -> bytes:
    response = client.get(reverse("report_template", args=[report.pk]))
    assert response.status_code == 200
    return b"".join(response.streaming_content) if response.streaming else response.content


def _filled(template: bytes, values: dict, narratives: dict | None = None, meta: dict | None = None) -> bytes:
    workbook = load_workbook(BytesIO(template))
    for (code, column), value in values.items():
        sheet, cell = parse_reference(workbook.defined_names[value_name(code, column)].attr_text)
        workbook[sheet][cell] = value
    for code, text in (narratives or {}).items():
        sheet, cell = parse_reference(workbook.defined_names[narrative_name(code)].attr_text)
        workbook[sheet][cell] = text
    for name, value in (meta or {}).items():
        sheet, cell = parse_reference(workbook.defined_names[name].attr_text)
        workbook[sheet][cell] = value
    out = BytesIO()
    workbook.save(out)
    return out.getvalue()


def _upload(client, report, data: bytes):
    return client.post(reverse("report_upload", args=[report.pk]),
                       {"workbook": SimpleUploadedFile("bao-cao.xlsx", data)})


GOOD = {("cs-tong", "karaoke"): 12, ("kt-co-so", "karaoke"): 9, ("vp-co-so", "karaoke"): 2,
        ("kt-luot", "total"): 15, ("xp-tien", "total"): 7_500_000}


def test_round_trip_stores_the_same_values(client, cast, health_report):
    client.force_login(cast.users["health"])
    data = _filled(_download(client, health_report), GOOD, {"results": "Đã kiểm tra 9 cơ sở karaoke."})
    assert _upload(client, health_report, data).status_code == 302
    stored = {k: v for k, v in services.values_of(health_report).items() if v is not None}
    assert stored == {k: D(v) for k, v in GOOD.items()}
    health_report.refresh_from_db()
    assert health_report.results == "Đã kiểm tra 9 cơ sở karaoke."
    # and the next download carries them back
    again = load_workbook(BytesIO(_download(client, health_report)))
    sheet, cell = parse_reference(again.defined_names[value_name("kt-luot", "total")].attr_text)
    assert again[sheet][cell].value == 15


@pytest.mark.parametrize("values,meta,expected", [
    pytest.param({("kt-luot", "total"): "mười lăm"}, None, "không phải là số", id="text-in-a-number-cell"),
    pytest.param({("cs-tong", "karaoke"): -3}, None, "âm", id="negative-count"),
    pytest.param({("vp-co-so", "karaoke"): 10, ("kt-co-so", "karaoke"): 4}, None, "không được lớn hơn",
                 id="rule-broken"),
    pytest.param({}, {"meta_version": 0}, "phiên bản", id="wrong-template-version"),
])
def test_an_error_names_its_cell_and_nothing_is_stored(client, cast, health_report, values, meta, expected):
    client.force_login(cast.users["health"])
    data = _filled(_download(client, health_report), {**GOOD, **values}, meta=meta)
    response = _upload(client, health_report, data)
    assert response.status_code == 400
    page = response.content.decode()
    assert expected in page
    if meta is None:
        assert "Số liệu!" in page  # the sheet and cell of the error
    assert not ReportValue.objects.filter(report=health_report).exists()


def test_a_file_that_is_not_excel_is_refused_cleanly(client, cast, health_report):
    client.force_login(cast.users["health"])
    response = _upload(client, health_report, b"not a workbook at all")
    assert response.status_code == 400 and "upload-errors" in response.content.decode()
    assert not ReportValue.objects.exists()
