"""A directive as stored: what the reader found, after a person confirmed it."""
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Frequency(models.TextChoices):
    WEEKLY = "tuần", _("Hằng tuần")
    MONTHLY = "tháng", _("Hằng tháng")
    QUARTERLY = "quý", _("Hằng quý")
    HALF_YEARLY = "6 tháng", _("6 tháng")
    NINE_MONTHS = "9 tháng", _("9 tháng")
    YEARLY = "năm", _("Hằng năm")
    AD_HOC = "đột xuất", _("Đột xuất")
    ONCE = "một lần", _("Một lần")


class Directive(models.Model):
    doc_type = models.CharField(_("Loại văn bản"), max_length=60)
    number = models.CharField(_("Số"), max_length=30)
    symbol = models.CharField(_("Ký hiệu"), max_length=60)
    year = models.PositiveSmallIntegerField(_("Năm"))
    issuer = models.CharField(_("Cơ quan ban hành"), max_length=255, blank=True)
    place = models.CharField(_("Địa danh"), max_length=120, blank=True)
    issued_on = models.DateField(_("Ngày ban hành"))
    subject = models.TextField(_("Trích yếu"))
    signer_authority = models.CharField(_("Thẩm quyền ký"), max_length=120, blank=True)
    signer_title = models.CharField(_("Chức vụ người ký"), max_length=120, blank=True)
    signer_name = models.CharField(_("Người ký"), max_length=120, blank=True)
    recipients = models.JSONField(_("Kính gửi"), default=list, blank=True)
    lead_agency = models.ForeignKey("orgs.Agency", on_delete=models.PROTECT, null=True, blank=True,
                                    related_name="led_directives", verbose_name=_("Cơ quan chủ trì, tổng hợp"))
    source_name = models.CharField(_("Tệp nguồn"), max_length=255, blank=True)
    source_text = models.TextField(_("Văn bản gốc"))
    reader_result = models.JSONField(_("Kết quả đọc tự động"), default=dict, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
                                   related_name="+")

    history = HistoricalRecords(excluded_fields=["source_text", "reader_result"])

    class Meta:
        verbose_name = _("Văn bản chỉ đạo")
        verbose_name_plural = _("Văn bản chỉ đạo")
        ordering = ["-issued_on", "-id"]
        constraints = [models.UniqueConstraint(fields=["number", "symbol", "year"], name="directive_reference_once")]

    def __str__(self) -> str:
        return f"{self.doc_type} {self.reference}"

    @property
    def reference(self) -> str:
        """"879/UBND-VX" as written after "Số:"."""
        return f"{self.number}/{self.symbol}"

    @property
    def key(self) -> str:
        """"879/UBND-VX/2013": unique, used on the command line."""
        return f"{self.reference}/{self.year}"

    def get_absolute_url(self) -> str:
        return reverse("directive_detail", args=[self.pk])


class DirectiveSection(models.Model):
    """A numbered part of the body, with its character span in `Directive.source_text`."""

    directive = models.ForeignKey(Directive, on_delete=models.CASCADE, related_name="sections")
    position = models.PositiveSmallIntegerField()
    number = models.CharField(max_length=20, blank=True)
    heading = models.TextField(blank=True)
    assignee_text = models.TextField(_("Đối tượng được giao (theo văn bản)"), blank=True)
    text = models.TextField()
    start = models.PositiveIntegerField()
    end = models.PositiveIntegerField()

    class Meta:
        ordering = ["directive", "position"]
        constraints = [models.UniqueConstraint(fields=["directive", "position"], name="section_position_once")]

    def __str__(self) -> str:
        return f"{self.number}. {self.heading}".strip(". ")


class CitedDocument(models.Model):
    directive = models.ForeignKey(Directive, on_delete=models.CASCADE, related_name="cited_documents")
    doc_type = models.CharField(max_length=60, blank=True)
    number = models.CharField(max_length=30)
    symbol = models.CharField(max_length=60, blank=True)
    issued_on = models.DateField(null=True, blank=True)
    target = models.ForeignKey(Directive, on_delete=models.SET_NULL, null=True, blank=True, related_name="cited_by")

    class Meta:
        ordering = ["directive", "id"]

    def __str__(self) -> str:
        return f"{self.doc_type} {self.number}/{self.symbol}".strip()


class ReportingDuty(models.Model):
    """"Định kỳ 6 tháng, 1 năm báo cáo kết quả về UBND tỉnh (qua Sở Lao động - TBXH)": one row per frequency."""

    directive = models.ForeignKey(Directive, on_delete=models.CASCADE, related_name="reporting_duties")
    frequency = models.CharField(_("Tần suất"), max_length=12, choices=Frequency.choices)
    to_text = models.CharField(_("Gửi đến (theo văn bản)"), max_length=255, blank=True)
    via_text = models.CharField(_("Qua (theo văn bản)"), max_length=255, blank=True)
    recipient = models.ForeignKey("orgs.Agency", on_delete=models.PROTECT, null=True, blank=True,
                                  related_name="+", verbose_name=_("Cơ quan nhận báo cáo"))
    via = models.ForeignKey("orgs.Agency", on_delete=models.PROTECT, null=True, blank=True,
                            related_name="+", verbose_name=_("Cơ quan tổng hợp"))
    deadline_text = models.CharField(_("Thời hạn (theo văn bản)"), max_length=255, blank=True)

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("Chế độ báo cáo")
        verbose_name_plural = _("Chế độ báo cáo")
        constraints = [models.UniqueConstraint(fields=["directive", "frequency"], name="duty_frequency_once")]

    def __str__(self) -> str:
        return f"{self.get_frequency_display()} → {self.to_text}"


class PendingImport(models.Model):
    """A read document waiting for a person to confirm its links; deleted once the directive is saved."""

    source_name = models.CharField(max_length=255)
    source_text = models.TextField()
    reader_result = models.JSONField()
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return self.source_name
