import pytest
from playwright.sync_api import Page

from chidao.web.demo import DEMO_PASSWORD, load_demo


@pytest.fixture
def demo(transactional_db):
    load_demo(log=lambda *args: None)


@pytest.fixture
def login(page: Page, live_server):
    def sign_in(username: str) -> Page:
        page.context.clear_cookies()
        page.goto(f"{live_server.url}/dang-nhap/")
        page.get_by_label("Tên đăng nhập").fill(username)
        page.get_by_label("Mật khẩu").fill(DEMO_PASSWORD)
        page.get_by_role("button", name="Đăng nhập").click()
        page.wait_for_url(f"{live_server.url}/")
        return page

    return sign_in
