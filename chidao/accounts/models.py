from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .roles import SEES_ALL, WRITES, Role


class Membership(models.Model):
    """A user's place in the system: the agency they work for and their role there."""

    user = models.OneToOneField(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="membership")
    agency = models.ForeignKey("orgs.Agency", on_delete=models.PROTECT, related_name="members",
                               verbose_name=_("Cơ quan"))
    role = models.CharField(_("Vai trò"), max_length=20, choices=Role.choices)

    class Meta:
        verbose_name = _("Thành viên")
        verbose_name_plural = _("Thành viên")

    def __str__(self) -> str:
        return f"{self.user.get_username()} · {self.agency} · {self.get_role_display()}"

    @property
    def sees_all(self) -> bool:
        return self.role in SEES_ALL

    @property
    def writes(self) -> bool:
        return self.role in WRITES
