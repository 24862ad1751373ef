"""Every URL in the URLconf, as every role: the answer is the one this table expects.

A URL added without a row here fails `test_every_url_has_a_row`, so access is decided, never assumed.
"""
import pytest
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse

from chidao.documents.models import PendingImport
from chidao.orgs.models import AdminUnit
from chidao.tasks.models import TaskUpdate

from ..factories import UserFactory

ROLES = ["anonymous", "admin", "coordinator", "health", "police", "leader"]
LOGIN = 302
ALL_MEMBERS = {"anonymous": LOGIN, "admin": 200, "coordinator": 200, "health": 200, "police": 200, "leader": 200}
SEES_ALL = {**ALL_MEMBERS, "health": 403, "police": 403}

# name → (args builder, expected status per role). "police" is a reporter outside the Health task's scope.
EXPECTED = {
    "home": (None, ALL_MEMBERS),
    "login": (None, dict.fromkeys(ROLES, 200)),
    "logout": (None, dict.fromkeys(ROLES, 405)),  # log-out is POST only
    "set_language": (None, dict.fromkeys(ROLES, 302)),  # GET changes nothing, sends back
    "directive_list": (None, ALL_MEMBERS),
    "directive_detail": ("directive", ALL_MEMBERS),
    "directive_upload": (None, {"anonymous": LOGIN, "admin": 200, "coordinator": 200, "health": 403,
                                "police": 403, "leader": 403}),
    # a pending import is visible to the person who uploaded it only (the coordinator, here)
    "directive_review": ("pending", {"anonymous": LOGIN, "admin": 404, "coordinator": 200, "health": 403,
                                     "police": 403, "leader": 403}),
    "task_list": (None, ALL_MEMBERS),
    "task_detail": ("health_task", {**ALL_MEMBERS, "police": 404}),
    "task_act": ("health_task", dict.fromkeys(ROLES, 405)),  # POST only
    "task_set_due": ("health_task", dict.fromkeys(ROLES, 405)),
    "task_evidence": ("evidence", {**ALL_MEMBERS, "police": 404}),
    "unit_list": (None, ALL_MEMBERS),
    "unit_detail": ("unit", ALL_MEMBERS),
    "agency_list": (None, ALL_MEMBERS),
    "report_list": (None, ALL_MEMBERS),
    "report_detail": ("health_report", {**ALL_MEMBERS, "police": 404}),
    "report_save": ("health_report", dict.fromkeys(ROLES, 405)),
    "report_autosave": ("health_report", dict.fromkeys(ROLES, 405)),
    "report_act": ("health_report", dict.fromkeys(ROLES, 405)),
    "completeness": (None, SEES_ALL),
    "chase_letter": ("period_code", {**SEES_ALL, "leader": 403}),
    "report_template": ("health_report", {**ALL_MEMBERS, "police": 404}),
    "report_upload": ("health_report", dict.fromkeys(ROLES, 405)),
    "dashboard": (None, SEES_ALL),
    "pivot": (None, SEES_ALL),
    "provincial_report": ("period_docx", SEES_ALL),
    "export_data": ("period_csv", SEES_ALL),
    # the API answers 401 to anonymous callers instead of redirecting; its docs need a log-in
    "api-root": (None, dict.fromkeys(ROLES, 404)),
    "openapi-json": (None, {**ALL_MEMBERS}),
    "openapi-view": (None, {**ALL_MEMBERS}),
    "periods": (None, {**ALL_MEMBERS, "anonymous": 401}),
    "indicators": (None, {**ALL_MEMBERS, "anonymous": 401}),
    "values": ("values_query", {**ALL_MEMBERS, "anonymous": 401}),
}
NAMESPACED = {"api-root", "openapi-json", "openapi-view", "periods", "indicators", "values"}


def _names(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            if pattern.namespace == "admin":
                continue  # Django's admin: staff only, tested below
            yield from _names(pattern.url_patterns)
        elif isinstance(pattern, URLPattern) and pattern.name:
            yield pattern.name


def test_every_url_has_a_row():
    assert set(_names(get_resolver().url_patterns)) == set(EXPECTED)


@pytest.fixture
def objects(cast, health_report):
    update = TaskUpdate.objects.create(task=cast.health_task, kind="progress", author=cast.users["health"],
                                       evidence=ContentFile(b"%PDF-1.4 evidence", name="bien-ban.pdf"))
    pending = PendingImport.objects.create(source_name="a.txt", source_text="x", reader_result={},
                                           created_by=cast.users["coordinator"])
    unit = AdminUnit.objects.create(code="03595", name="Xã Than Uyên", level="commune", kind="xa")
    return {"directive": cast.directive.pk, "health_task": cast.health_task.pk, "evidence": update.pk,
            "pending": pending.pk, "unit": unit.pk, "health_report": health_report.pk,
            "period_docx": ["2013-H1", "docx"], "period_csv": ["2013-H1", "csv"], "values_query": "?period=2013-H1",
            "period_code": "2013-H1"}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_url_answers_each_role_as_expected(client, cast, objects, name, role):
    arg, expected = EXPECTED[name]
    value = objects[arg] if arg else None
    query = value if isinstance(value, str) and value.startswith("?") else ""
    args = value if isinstance(value, list) else ([value] if value is not None and not query else [])
    url = reverse(f"api:{name}" if name in NAMESPACED else name, args=args) + query
    if role != "anonymous":
        client.force_login(cast.users[role])
    response = client.get(url)
    response.close()  # a file download holds the file open until closed
    assert response.status_code == expected[role], f"{role} GET {url}"
    if expected[role] == LOGIN and name not in ("set_language",):
        assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("role,expected", [("anonymous", 302), ("health", 302), ("leader", 302), ("admin", 200)])
def test_admin_site_is_for_administrators_only(client, cast, role, expected):
    if role != "anonymous":
        client.force_login(cast.users[role])
    response = client.get(reverse("admin:index"))
    assert response.status_code == expected


def test_a_view_without_an_access_rule_is_refused(rf, cast):
    from django.core.exceptions import PermissionDenied

    from chidao.accounts.access import AccessRuleMiddleware

    def undeclared(request):
        raise AssertionError("must not run")

    middleware = AccessRuleMiddleware(lambda request: None)
    with pytest.raises(PermissionDenied):
        middleware.process_view(rf.get("/"), undeclared, (), {})


def test_a_signed_in_user_without_membership_is_refused(client, db):
    client.force_login(UserFactory(username="stranger"))
    assert client.get(reverse("home")).status_code == 403
