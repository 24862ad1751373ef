"""Issue 5's walk-through: the dashboard, the pivot, the map's fallback chart and the report download."""
import pytest
from playwright.sync_api import expect

pytestmark = [pytest.mark.browser]


def test_dashboard_pivot_map_and_download(demo, login, live_server):
    page = login("lanhdao")
    page.goto(f"{live_server.url}/tong-hop/?period=2013-H1")
    expect(page.locator("table.key-indicators tbody tr")).not_to_have_count(0)
    expect(page.locator("#trend-chart canvas")).to_have_count(1)
    expect(page.locator("#ranked-chart canvas")).to_have_count(1)  # no boundaries loaded: ranked bars instead
    with page.expect_download() as download:
        page.locator('[data-download="docx"]').click()
    assert download.value.suggested_filename == "bao-cao-tong-hop-2013-H1.docx"
    with page.expect_download() as download:
        page.locator('[data-download="xlsx"]').click()
    assert download.value.suggested_filename.endswith(".xlsx")

    page.get_by_role("link", name="Bảng tổng hợp").click()
    expect(page.locator("table.pivot thead th")).not_to_have_count(2)
    expect(page.locator("table.pivot")).to_contain_text("Huyện Than Uyên")
    page.locator("select[name=tree]").select_option("post")
    page.get_by_role("button", name="Xem").click()
    expect(page.locator("table.pivot")).to_contain_text("Cấp tỉnh")
    with page.expect_download() as download:
        page.locator('[data-download="csv"]').click()
    assert download.value.suggested_filename == "tong-hop.csv"
