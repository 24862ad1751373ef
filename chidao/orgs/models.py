"""Agencies and administrative units are dated data: every row says from when to when it was valid."""
import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from chidao.lib.agencynames import name_key


class DatedQuerySet(models.QuerySet):
    def valid_on(self, day: dt.date):
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=day),
                           Q(valid_to__isnull=True) | Q(valid_to__gte=day))


class Dated(models.Model):
    valid_from = models.DateField(_("Hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("Hiệu lực đến hết ngày"), null=True, blank=True)

    objects = DatedQuerySet.as_manager()

    class Meta:
        abstract = True

    def is_valid_on(self, day: dt.date) -> bool:
        return (self.valid_from is None or self.valid_from <= day) and (self.valid_to is None or day <= self.valid_to)


class AdminUnit(Dated):
    class Level(models.TextChoices):
        PROVINCE = "province", _("Cấp tỉnh")
        DISTRICT = "district", _("Cấp huyện")
        COMMUNE = "commune", _("Cấp xã")

    code = models.CharField(_("Mã"), max_length=10)
    name = models.CharField(_("Tên"), max_length=200)
    level = models.CharField(_("Cấp"), max_length=10, choices=Level.choices)
    kind = models.CharField(_("Loại"), max_length=20)
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="children")
    note = models.TextField(_("Ghi chú"), blank=True)

    class Meta:
        verbose_name = _("Đơn vị hành chính")
        verbose_name_plural = _("Đơn vị hành chính")
        ordering = ["level", "code", "valid_from"]
        constraints = [
            models.UniqueConstraint(fields=["code", "valid_from"], name="unit_code_valid_from"),
            # NULL valid_from ("since before our records") would escape the constraint above.
            models.UniqueConstraint(fields=["code"], condition=Q(valid_from__isnull=True), name="unit_code_open_start"),
        ]

    def __str__(self) -> str:
        return self.name

    def successors(self):
        return AdminUnit.objects.filter(predecessor_links__old=self).distinct()

    def predecessors(self):
        return AdminUnit.objects.filter(successor_links__new=self).distinct()


class UnitSuccession(models.Model):
    old = models.ForeignKey(AdminUnit, on_delete=models.CASCADE, related_name="successor_links")
    new = models.ForeignKey(AdminUnit, on_delete=models.CASCADE, related_name="predecessor_links")
    effective_date = models.DateField(_("Ngày hiệu lực"))
    kind = models.CharField(_("Hình thức"), max_length=20)
    note = models.TextField(_("Ghi chú"), blank=True)

    class Meta:
        verbose_name = _("Kế thừa đơn vị hành chính")
        verbose_name_plural = _("Kế thừa đơn vị hành chính")
        constraints = [models.UniqueConstraint(fields=["old", "new"], name="unit_succession_once")]


class Agency(Dated):
    class Kind(models.TextChoices):
        PEOPLES_COMMITTEE = "ubnd", _("Ủy ban nhân dân")
        DEPARTMENT = "department", _("Sở, ban, ngành")
        POLICE = "police", _("Công an")
        MASS_ORGANISATION = "mass_org", _("Mặt trận, đoàn thể")
        OTHER = "other", _("Khác")

    code = models.SlugField(_("Mã"), max_length=80, unique=True)
    name = models.CharField(_("Tên"), max_length=255)
    short_name = models.CharField(_("Tên viết tắt"), max_length=120, blank=True)
    kind = models.CharField(_("Loại"), max_length=20, choices=Kind.choices)
    admin_unit = models.ForeignKey(AdminUnit, on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="agencies", verbose_name=_("Đơn vị hành chính"))
    parent = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="children")
    steering_member = models.BooleanField(_("Thành viên Ban Chỉ đạo"), default=False)
    note = models.TextField(_("Ghi chú"), blank=True)
    search_key = models.CharField(max_length=255, editable=False, db_index=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Cơ quan")
        verbose_name_plural = _("Cơ quan")
        ordering = ["name"]

    def __str__(self) -> str:
        return self.short_name or self.name

    def save(self, *args, **kwargs):
        self.search_key = name_key(self.name)
        super().save(*args, **kwargs)

    def names(self) -> list[str]:
        return [self.name, self.short_name, *self.aliases.values_list("alias", flat=True)]

    def successors(self):
        return Agency.objects.filter(predecessor_links__old=self).distinct()


class AgencyAlias(models.Model):
    agency = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="aliases")
    alias = models.CharField(_("Tên gọi khác"), max_length=255)

    class Meta:
        verbose_name = _("Tên gọi khác")
        verbose_name_plural = _("Tên gọi khác")
        constraints = [models.UniqueConstraint(fields=["agency", "alias"], name="agency_alias_once")]

    def __str__(self) -> str:
        return self.alias


class AgencySuccession(models.Model):
    old = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="successor_links")
    new = models.ForeignKey(Agency, on_delete=models.CASCADE, related_name="predecessor_links")
    effective_date = models.DateField(_("Ngày hiệu lực"))
    note = models.TextField(_("Ghi chú"), blank=True)

    class Meta:
        verbose_name = _("Kế thừa cơ quan")
        verbose_name_plural = _("Kế thừa cơ quan")
        constraints = [models.UniqueConstraint(fields=["old", "new"], name="agency_succession_once")]
