import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser]


def test_home_lists_the_founding_directive(demo, login):
    page = login("lanhdao")
    card = page.locator('[data-directive="879/UBND-VX/2013"]')
    expect(card).to_contain_text("879/UBND-VX")
    expect(card).to_contain_text("16/07/2013")
    expect(card).to_contain_text("tăng cường thực hiện công tác phòng, chống tệ nạn mại dâm")
    expect(card.locator("ol.assignees li")).to_have_count(7)
    expect(card.locator("ol.assignees")).to_contain_text("Sở Y tế")
    expect(card.locator("ol.assignees")).to_contain_text("Công an tỉnh")


def test_anonymous_visitor_is_sent_to_log_in(demo, page, live_server):
    page.goto(live_server.url + "/")
    expect(page.get_by_role("heading", name="Đăng nhập")).to_be_visible()
