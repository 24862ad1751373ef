"""Roles are code; who holds which role is data (accounts.Membership)."""
from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    ADMIN = "admin", _("Quản trị hệ thống")
    COORDINATOR = "coordinator", _("Cán bộ đầu mối cơ quan chủ trì")
    REPORTER = "reporter", _("Cán bộ báo cáo của cơ quan")
    LEADER = "leader", _("Lãnh đạo (chỉ xem)")


#: Roles that may see every agency's work.
SEES_ALL = frozenset({Role.ADMIN, Role.COORDINATOR, Role.LEADER})
#: Roles that may change anything at all.
WRITES = frozenset({Role.ADMIN, Role.COORDINATOR, Role.REPORTER})
