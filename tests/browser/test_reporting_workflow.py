"""Issue 4's walk-through: a reporter fills and submits, the lead returns it, the reporter fixes and resubmits,
the lead accepts, and the completeness page follows."""
import pytest
from playwright.sync_api import expect

from chidao.accounts.models import Membership
from chidao.orgs.models import Agency
from chidao.reporting.models import Report
from chidao.web.demo import DEMO_PASSWORD

from ..factories import UserFactory

pytestmark = [pytest.mark.browser]


@pytest.fixture
def veterans_reporter(demo):
    """The demo leaves the veterans' association's 2013-H1 report unsent; give it a reporter."""
    user = UserFactory(username="ccb", first_name="Cán bộ Hội CCB")
    user.set_password(DEMO_PASSWORD)
    user.save()
    Membership.objects.create(user=user, agency=Agency.objects.get(code="hoi-ccb-tinh"), role="reporter")
    return Report.objects.get(agency__code="hoi-ccb-tinh", period__code="2013-H1")


def _type(page, selector: str, value: str) -> None:
    """Type into a field and leave it, as a user does; wait for its autosave to answer before going on."""
    with page.expect_response(lambda response: "/luu-nhanh/" in response.url):
        page.locator(selector).fill(value)
        page.locator(selector).press("Tab")


def _act(page, action, note=None):
    form = page.locator(f"form.action-{action}")
    if note:
        form.locator("textarea[name=note]").fill(note)
    form.locator("button[type=submit]").click()


def test_fill_submit_return_fix_accept(veterans_reporter, login, live_server):
    report = veterans_reporter
    page = login("daumoi")
    page.goto(f"{live_server.url}/bao-cao/tien-do-nop/?period=2013-H1")
    expect(page.locator('tr[data-agency="hoi-ccb-tinh"]')).to_contain_text("draft")

    page = login("ccb")
    page.goto(live_server.url + report.get_absolute_url())
    _type(page, 'input[name="v__tt-buoi__total"]', "12")  # leaving the cell saves it (htmx)
    expect(page.locator("#save-status")).to_contain_text("Đã lưu")
    _type(page, 'input[name="v__tt-nguoi__total"]', "1.450")
    _type(page, 'textarea[name="n__results"]', "Tổ chức 12 buổi tuyên truyền tại các xã trọng điểm.")
    page.get_by_role("button", name="Lưu", exact=True).click()
    expect(page.locator(".messages")).to_contain_text("Đã lưu báo cáo")
    _act(page, "submit")
    expect(page.locator("[data-report-status]")).to_have_attribute("data-report-status", "submitted")

    page = login("daumoi")
    page.goto(live_server.url + report.get_absolute_url())
    _act(page, "return", "Đề nghị bổ sung số hội viên được tập huấn")
    expect(page.locator("[data-report-status]")).to_have_attribute("data-report-status", "returned")

    page = login("ccb")
    page.goto(live_server.url + report.get_absolute_url())
    expect(page.locator(".events")).to_contain_text("Đề nghị bổ sung số hội viên được tập huấn")
    _type(page, 'input[name="v__tap-huan__total"]', "35")
    page.reload()
    expect(page.locator('input[name="v__tap-huan__total"]')).to_have_value("35")  # kept by the autosave alone
    _act(page, "submit")

    page = login("daumoi")
    page.goto(live_server.url + report.get_absolute_url())
    _act(page, "accept")
    expect(page.locator("[data-report-status]")).to_have_attribute("data-report-status", "accepted")
    page.goto(f"{live_server.url}/bao-cao/tien-do-nop/?period=2013-H1")
    row = page.locator('tr[data-agency="hoi-ccb-tinh"]')
    expect(row).to_contain_text("accepted")
    expect(row.locator("td").nth(2)).to_contain_text("✓")
    expect(page.locator('[data-tile="submitted"] .figure')).to_have_text("24")
