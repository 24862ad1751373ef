"""Issue 3's walk-through: a Health reporter works a task, the lead coordinator returns it, then confirms it."""
import pytest
from playwright.sync_api import expect

from chidao.tasks.models import Task

pytestmark = [pytest.mark.browser]


def _open_health_task(page):
    page.get_by_role("link", name="Nhiệm vụ", exact=True).click()
    page.locator("table.tasks a").first.click()


def _act(page, action: str, note: str, file=None, completed_on=None):
    form = page.locator(f"form.action-{action}")
    form.locator("textarea[name=note]").fill(note)
    if completed_on:
        form.locator("input[name=completed_on]").fill(completed_on)
    if file:
        form.locator("input[type=file]").set_input_files(file)
    form.locator("button[type=submit]").click()


def test_report_return_complete_confirm(demo, login):
    page = login("yte")
    page.get_by_role("link", name="Nhiệm vụ", exact=True).click()
    agencies = page.locator("table.tasks tbody tr td:first-child").all_inner_texts()
    assert agencies and set(agencies) == {"Sở Y tế"}
    health_tasks = Task.objects.filter(agency__code="so-y-te").count()
    assert len(agencies) == health_tasks

    page.locator("table.tasks a").first.click()
    _act(page, "progress", "Đã kiểm tra điều kiện y tế 12 cơ sở lưu trú",
         {"name": "bien-ban-kiem-tra.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4 demo"})
    expect(page.locator(".updates")).to_contain_text("bien-ban-kiem-tra.pdf")
    _act(page, "completion", "Hoàn thành đợt kiểm tra 6 tháng đầu năm")
    expect(page.locator("[data-state]")).to_have_attribute("data-state", "reported")
    task_url = page.url

    page = login("daumoi")
    page.goto(task_url)
    _act(page, "returned", "Đề nghị bổ sung số cơ sở vi phạm")
    expect(page.locator("[data-state]")).to_have_attribute("data-state", "open")

    page = login("yte")
    page.goto(task_url)
    expect(page.locator(".updates")).to_contain_text("Đề nghị bổ sung số cơ sở vi phạm")
    _act(page, "completion", "Bổ sung: 2 cơ sở vi phạm, đã xử phạt", completed_on="2013-12-20")  # due 31/12/2013

    page = login("daumoi")
    page.goto(task_url)
    page.locator("form.action-confirmed button[type=submit]").click()
    expect(page.locator("[data-status]")).to_have_attribute("data-status", "done_on_time")
    updates = page.locator(".updates li")
    expect(updates).to_have_count(5)
    for kind in ["Cập nhật tiến độ", "Báo cáo hoàn thành", "Trả lại", "Xác nhận hoàn thành"]:
        expect(page.locator(".updates")).to_contain_text(kind)
    history = page.locator("table.history")
    expect(history).to_contain_text("yte")
    expect(history).to_contain_text("daumoi")
    expect(history).to_contain_text("Trạng thái xử lý")
