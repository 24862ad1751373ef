"""The API reads consolidated figures with the same scope as the web."""
from django.urls import reverse

from chidao.reporting import flow, services


def _accept(report, reporter, lead, value):
    services.save_report(report, values={("kt-luot", "total"): value})
    flow.perform(report, "submit", reporter)
    flow.perform(report, "accept", lead)


def test_a_reporter_reads_only_their_agencys_figures(client, cast, regime):
    period = regime.periods.get()
    _accept(period.reports.get(agency=cast.health), cast.users["health"], cast.users["coordinator"], 5)
    _accept(period.reports.get(agency=cast.police), cast.users["police"], cast.users["coordinator"], 9)
    url = reverse("api:values") + "?period=2013-H1"
    client.force_login(cast.users["health"])
    assert {row["agency"] for row in client.get(url).json()} == {"so-y-te"}
    client.force_login(cast.users["leader"])
    rows = client.get(url).json()
    assert {row["agency"]: float(row["value"]) for row in rows} == {"so-y-te": 5.0, "cong-an-tinh": 9.0}


def test_the_openapi_description_lists_the_endpoints(client, cast):
    client.force_login(cast.users["leader"])
    schema = client.get(reverse("api:openapi-json")).json()
    assert {"/api/v1/values", "/api/v1/periods", "/api/v1/indicators"} <= set(schema["paths"])
