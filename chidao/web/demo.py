"""The Lai Châu demo: reference data, the founding directive read from its text, and a user for each role.

Idempotent: what exists is kept (passwords included), what is missing is added.
"""
import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction

from chidao.accounts.models import Membership
from chidao.accounts.roles import Role
from chidao.documents.reader import parse
from chidao.documents.services import find_existing, propose, save_directive
from chidao.orgs import dataset
from chidao.orgs.models import Agency
from chidao.orgs.services import load_dataset
from chidao.reporting.demo import fill_reports, setup_regimes
from chidao.reporting.models import Report
from chidao.tasks import flow
from chidao.tasks.models import TaskUpdate

FOUNDING_DIRECTIVE = Path(__file__).resolve().parent.parent / "documents" / "cv879_2013.txt"
DEMO_PASSWORD = "chidao-demo"


@dataclass(frozen=True)
class DemoUser:
    username: str
    full_name: str
    agency_code: str
    role: str


DEMO_USERS = [
    DemoUser("quantri", "Quản trị hệ thống", "ubnd-tinh", Role.ADMIN),
    DemoUser("daumoi", "Cán bộ đầu mối Sở LĐTBXH", "so-ldtbxh", Role.COORDINATOR),
    DemoUser("yte", "Cán bộ báo cáo Sở Y tế", "so-y-te", Role.REPORTER),
    DemoUser("congan", "Cán bộ báo cáo Công an tỉnh", "cong-an-tinh", Role.REPORTER),
    DemoUser("vanhoa", "Cán bộ báo cáo Sở VHTTDL", "so-vhttdl", Role.REPORTER),
    DemoUser("thanuyen", "Cán bộ báo cáo UBND huyện Than Uyên", "ubnd-huyen-than-uyen", Role.REPORTER),
    DemoUser("lanhdao", "Lãnh đạo UBND tỉnh", "ubnd-tinh", Role.LEADER),
]


def load_demo(log=print) -> None:
    with transaction.atomic():
        counts = load_dataset(dataset.load())
        log(f"Dữ liệu cơ quan, đơn vị hành chính / reference data: {counts}")
        directive = load_founding_directive(log)
        load_users(log)
        advance_tasks(directive)
        regimes = setup_regimes(directive)
        fill_reports(regimes)
        log(f"Báo cáo định kỳ / periodic reports: {Report.objects.count()}")


def load_founding_directive(log=print):
    text = FOUNDING_DIRECTIVE.read_text(encoding="utf-8")
    result = parse(text)
    existing = find_existing(result)
    if existing is not None:
        log(f"Văn bản đã có / directive already stored: {existing}")
        return existing
    directive = save_directive(propose(result), source_text=text, source_name=FOUNDING_DIRECTIVE.name)
    log(f"Đã nhập / imported: {directive} — {directive.tasks.count()} nhiệm vụ / tasks")
    return directive


def advance_tasks(directive) -> None:
    """Once: due dates at the end of 2013, one task done on time, one done late, one in progress; the rest open
    (so overdue today). Health's tasks stay untouched for the walk-through."""
    if TaskUpdate.objects.filter(task__directive=directive).exists():
        return
    users = {u.username: u for u in get_user_model().objects.filter(username__in=["quantri", "daumoi", "vanhoa",
                                                                                  "congan"])}
    directive.tasks.update(due_date=dt.date(2013, 12, 31))
    stories = [("so-ldtbxh", "quantri", dt.date(2013, 11, 20), "Đã tham mưu UBND tỉnh thành lập Đội 178 cấp tỉnh."),
               ("so-vhttdl", "vanhoa", dt.date(2014, 1, 15), "Đã tổ chức 24 buổi tuyên truyền, kiểm tra 38 cơ sở.")]
    for code, reporter, done_on, note in stories:
        task = directive.tasks.get(agency__code=code)
        flow.perform(task, TaskUpdate.Kind.COMPLETION, users[reporter], note=note, completed_on=done_on)
        flow.perform(task, TaskUpdate.Kind.CONFIRMED, users["daumoi"])
    police = directive.tasks.get(agency__code="cong-an-tinh")
    flow.perform(police, TaskUpdate.Kind.PROGRESS, users["congan"], progress=60,
                 note="Đã rà soát 120 cơ sở kinh doanh có điều kiện về an ninh trật tự.")


def load_users(log=print) -> None:
    user_model = get_user_model()
    for demo in DEMO_USERS:
        user, created = user_model.objects.get_or_create(username=demo.username)
        if created:
            user.first_name = demo.full_name
            user.is_staff = user.is_superuser = demo.role == Role.ADMIN
            user.set_password(DEMO_PASSWORD)
            user.save()
        Membership.objects.get_or_create(user=user, defaults={
            "agency": Agency.objects.get(code=demo.agency_code), "role": demo.role})


def login_table() -> str:
    lines = [f"  {'tên đăng nhập / user':22s} {'vai trò / role':34s} cơ quan / agency"]
    for demo in DEMO_USERS:
        lines.append(f"  {demo.username:22s} {str(Role(demo.role).label):34s} {demo.agency_code}")
    lines.append(f"  mật khẩu chung / password: {DEMO_PASSWORD}")
    return "\n".join(lines)
