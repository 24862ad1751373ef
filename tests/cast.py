"""A named cast of users, one per role, around one directive with tasks for two agencies.

    admin       Quản trị (UBND tỉnh)           administrator
    coordinator Đầu mối (Sở LĐTBXH, the lead)   lead-agency coordinator
    health      Báo cáo (Sở Y tế)               reporter: sees Health's tasks only
    police      Báo cáo (Công an tỉnh)          reporter of another agency
    leader      Lãnh đạo (UBND tỉnh)            reads everything, writes nothing
"""
from dataclasses import dataclass

from chidao.accounts.roles import Role

from .factories import AgencyFactory, DirectiveFactory, MembershipFactory, SectionFactory, TaskFactory


@dataclass
class Cast:
    province: object
    lead: object
    health: object
    police: object
    directive: object
    health_task: object
    police_task: object
    users: dict


def make_cast() -> Cast:
    province = AgencyFactory(code="ubnd-tinh", name="Ủy ban nhân dân tỉnh Lai Châu", kind="ubnd")
    lead = AgencyFactory(code="so-ldtbxh", name="Sở Lao động - Thương binh và Xã hội", short_name="Sở LĐTBXH")
    health = AgencyFactory(code="so-y-te", name="Sở Y tế")
    police = AgencyFactory(code="cong-an-tinh", name="Công an tỉnh", kind="police")
    directive = DirectiveFactory(number="101", lead_agency=lead)
    section = SectionFactory(directive=directive, heading="Sở Y tế")
    health_task = TaskFactory(directive=directive, section=section, agency=health)
    police_task = TaskFactory(directive=directive, agency=police)
    users = {
        "admin": MembershipFactory(user__username="admin", agency=province, role=Role.ADMIN).user,
        "coordinator": MembershipFactory(user__username="coordinator", agency=lead, role=Role.COORDINATOR).user,
        "health": MembershipFactory(user__username="health", agency=health, role=Role.REPORTER).user,
        "police": MembershipFactory(user__username="police", agency=police, role=Role.REPORTER).user,
        "leader": MembershipFactory(user__username="leader", agency=province, role=Role.LEADER).user,
    }
    users["admin"].is_staff = users["admin"].is_superuser = True
    users["admin"].save()
    return Cast(province, lead, health, police, directive, health_task, police_task, users)
