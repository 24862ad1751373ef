"""Periodic reporting: what is asked (regimes, forms, indicators, rules) and what agencies send (reports).

Indicators about people are counts only: the system never stores a named person suspected of sex work.
"""
from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from chidao.documents.models import Frequency


class Aggregation(models.TextChoices):
    SUM = "sum", _("Cộng")
    MAX = "max", _("Lớn nhất")
    AVG = "avg", _("Trung bình")
    LAST = "last", _("Giá trị kỳ cuối")
    RATIO = "ratio", _("Tỷ lệ (tử số / mẫu số)")


class Disaggregation(models.Model):
    code = models.SlugField(max_length=40, unique=True)
    name = models.CharField(_("Tên"), max_length=200)

    def __str__(self) -> str:
        return self.name


class DisaggregationOption(models.Model):
    disaggregation = models.ForeignKey(Disaggregation, on_delete=models.CASCADE, related_name="options")
    code = models.SlugField(max_length=40)
    name = models.CharField(_("Tên"), max_length=200)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["disaggregation", "position"]
        constraints = [models.UniqueConstraint(fields=["disaggregation", "code"], name="option_code_once")]

    def __str__(self) -> str:
        return self.name


class Indicator(models.Model):
    """One figure a report carries; how it adds up across units and periods is data, not code."""

    code = models.SlugField(_("Mã"), max_length=40, unique=True)
    name = models.CharField(_("Tên chỉ tiêu"), max_length=300)
    unit = models.CharField(_("Đơn vị tính"), max_length=40)
    group = models.CharField(_("Nhóm"), max_length=200, blank=True)
    position = models.PositiveSmallIntegerField(default=0)
    disaggregation = models.ForeignKey(Disaggregation, on_delete=models.PROTECT, null=True, blank=True)
    across_units = models.CharField(_("Tổng hợp theo đơn vị"), max_length=8, choices=Aggregation.choices,
                                    default=Aggregation.SUM)
    across_periods = models.CharField(_("Tổng hợp theo kỳ"), max_length=8, choices=Aggregation.choices,
                                      default=Aggregation.SUM)
    whole = models.BooleanField(_("Số nguyên"), default=True)
    numerator = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    denominator = models.ForeignKey("self", on_delete=models.PROTECT, null=True, blank=True, related_name="+")
    about_people = models.BooleanField(_("Số liệu về con người (chỉ số đếm)"), default=False)
    reported_by = models.ManyToManyField("orgs.Agency", blank=True, related_name="indicators",
                                         verbose_name=_("Cơ quan báo cáo (để trống: mọi cơ quan)"))

    class Meta:
        ordering = ["position", "code"]
        verbose_name = _("Chỉ tiêu")
        verbose_name_plural = _("Chỉ tiêu")

    def __str__(self) -> str:
        return self.name

    @property
    def is_computed(self) -> bool:
        """A ratio is never typed in: it is numerator / denominator, both kept."""
        return self.across_units == Aggregation.RATIO

    def columns(self) -> list[tuple[str, str]]:
        if self.disaggregation_id is None:
            return [("total", str(_("Tổng số")))]
        return [(o.code, o.name) for o in self.disaggregation.options.all()]


class ReportForm(models.Model):
    code = models.SlugField(max_length=40)
    name = models.CharField(_("Tên biểu mẫu"), max_length=300)
    version = models.PositiveSmallIntegerField(_("Phiên bản"), default=1)
    indicators = models.ManyToManyField(Indicator, through="FormIndicator", related_name="forms")

    class Meta:
        constraints = [models.UniqueConstraint(fields=["code", "version"], name="form_version_once")]

    def __str__(self) -> str:
        return f"{self.name} (v{self.version})"


class FormIndicator(models.Model):
    form = models.ForeignKey(ReportForm, on_delete=models.CASCADE)
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position"]
        constraints = [models.UniqueConstraint(fields=["form", "indicator"], name="form_indicator_once")]


class ValidationRule(models.Model):
    """A rule between two indicators of a form, e.g. violations ≤ establishments inspected (same column)."""

    class Kind(models.TextChoices):
        AT_MOST = "lte", _("không lớn hơn")
        EQUALS_SUM = "sum", _("bằng tổng các cột")

    class Severity(models.TextChoices):
        ERROR = "error", _("Lỗi (chặn nộp)")
        WARNING = "warning", _("Cảnh báo (cần giải trình)")

    form = models.ForeignKey(ReportForm, on_delete=models.CASCADE, related_name="rules")
    kind = models.CharField(max_length=8, choices=Kind.choices)
    left = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+")
    right = models.ForeignKey(Indicator, on_delete=models.CASCADE, related_name="+", null=True, blank=True)
    severity = models.CharField(max_length=8, choices=Severity.choices, default=Severity.ERROR)

    def __str__(self) -> str:
        return f"{self.left.code} {self.kind} {self.right.code if self.right else ''}"


class CutoffRule(models.TextChoices):
    CALENDAR = "calendar", _("Theo năm dương lịch (tháng, quý, 6 tháng, năm)")
    DECREE_09 = "decree_09", _("Theo Nghị định 09/2019/NĐ-CP (chốt số liệu ngày 14)")


class ReportingRegime(models.Model):
    """"Định kỳ 6 tháng … báo cáo về UBND tỉnh (qua Sở LĐTBXH)": who reports what, how often, to whom, by when."""

    name = models.CharField(_("Tên chế độ báo cáo"), max_length=300)
    duty = models.ForeignKey("documents.ReportingDuty", on_delete=models.SET_NULL, null=True, blank=True,
                             related_name="regimes")
    frequency = models.CharField(_("Tần suất"), max_length=12, choices=Frequency.choices)
    cutoff_rule = models.CharField(_("Cách chốt số liệu"), max_length=12, choices=CutoffRule.choices,
                                   default=CutoffRule.CALENDAR)
    half_yearly_both_halves = models.BooleanField(_("Báo cáo cả 6 tháng cuối năm"), default=False)
    deadline_working_days = models.PositiveSmallIntegerField(_("Hạn nộp (số ngày làm việc sau ngày chốt)"),
                                                             default=5)
    recipient = models.ForeignKey("orgs.Agency", on_delete=models.PROTECT, related_name="+",
                                  verbose_name=_("Cơ quan nhận"))
    via = models.ForeignKey("orgs.Agency", on_delete=models.PROTECT, null=True, blank=True, related_name="+",
                            verbose_name=_("Qua (cơ quan tổng hợp)"))
    form = models.ForeignKey(ReportForm, on_delete=models.PROTECT, related_name="regimes")
    agencies = models.ManyToManyField("orgs.Agency", related_name="reporting_regimes",
                                      verbose_name=_("Cơ quan báo cáo"))
    first_year = models.PositiveSmallIntegerField(_("Từ năm"))
    last_year = models.PositiveSmallIntegerField(_("Đến năm"), null=True, blank=True)

    class Meta:
        verbose_name = _("Chế độ báo cáo")
        verbose_name_plural = _("Chế độ báo cáo")

    def __str__(self) -> str:
        return self.name

    @property
    def lead_agency(self):
        return self.via or self.recipient


class ReportingPeriod(models.Model):
    regime = models.ForeignKey(ReportingRegime, on_delete=models.CASCADE, related_name="periods")
    code = models.CharField(max_length=12)
    label = models.CharField(max_length=80)
    start = models.DateField()
    end = models.DateField()
    due_date = models.DateField(_("Hạn nộp"))

    class Meta:
        ordering = ["regime", "start"]
        constraints = [models.UniqueConstraint(fields=["regime", "code"], name="period_code_once")]

    def __str__(self) -> str:
        return self.label


class Report(models.Model):
    class Status(models.TextChoices):
        DRAFT = "draft", _("Đang soạn")
        SUBMITTED = "submitted", _("Đã nộp, chờ duyệt")
        RETURNED = "returned", _("Bị trả lại")
        ACCEPTED = "accepted", _("Đã tiếp nhận")

    period = models.ForeignKey(ReportingPeriod, on_delete=models.CASCADE, related_name="reports")
    agency = models.ForeignKey("orgs.Agency", on_delete=models.PROTECT, related_name="reports")
    status = models.CharField(_("Trạng thái"), max_length=10, choices=Status.choices, default=Status.DRAFT)
    first_submitted_at = models.DateTimeField(null=True, blank=True)
    submitted_at = models.DateTimeField(null=True, blank=True)
    accepted_at = models.DateTimeField(null=True, blank=True)
    situation = models.TextField(_("I. Tình hình"), blank=True)
    results = models.TextField(_("II. Kết quả thực hiện"), blank=True)
    shortcomings = models.TextField(_("III. Tồn tại, hạn chế, nguyên nhân"), blank=True)
    direction = models.TextField(_("IV. Phương hướng, nhiệm vụ kỳ tới"), blank=True)
    recommendations = models.TextField(_("V. Đề xuất, kiến nghị"), blank=True)

    NARRATIVE_FIELDS = ("situation", "results", "shortcomings", "direction", "recommendations")

    class Meta:
        ordering = ["period", "agency__name"]
        constraints = [models.UniqueConstraint(fields=["period", "agency"], name="report_once_per_period")]

    def __str__(self) -> str:
        return f"{self.agency} · {self.period}"

    def get_absolute_url(self) -> str:
        return reverse("report_detail", args=[self.pk])

    @property
    def editable(self) -> bool:
        return self.status in (self.Status.DRAFT, self.Status.RETURNED)

    def is_on_time(self) -> bool | None:
        """On time = first submitted by the due date (Vietnam time); None while never submitted."""
        if self.first_submitted_at is None:
            return None
        from django.utils import timezone

        return timezone.localdate(self.first_submitted_at) <= self.period.due_date


class ReportValue(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="values")
    indicator = models.ForeignKey(Indicator, on_delete=models.PROTECT)
    column = models.CharField(max_length=40, default="total")
    value = models.DecimalField(max_digits=18, decimal_places=2, null=True, blank=True)
    comment = models.TextField(_("Giải trình"), blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "indicator", "column"], name="value_once")]


class TaskNarrative(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="task_narratives")
    task = models.ForeignKey("tasks.Task", on_delete=models.CASCADE, related_name="narratives")
    text = models.TextField(blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "task"], name="task_narrative_once")]


class ReportEvent(models.Model):
    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="events")
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    at = models.DateTimeField(auto_now_add=True)
    from_status = models.CharField(max_length=10)
    to_status = models.CharField(max_length=10)
    note = models.TextField(blank=True)

    class Meta:
        ordering = ["report", "at", "id"]


class Reminder(models.Model):
    """A reminder sent for a report; the unique key makes `chidao remind` never send the same one twice."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="reminders")
    offset_days = models.SmallIntegerField()  # negative: before the due date; positive: after
    sent_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["report", "offset_days"], name="reminder_once")]


class Notice(models.Model):
    """An in-app notice for an agency's users."""

    agency = models.ForeignKey("orgs.Agency", on_delete=models.CASCADE, related_name="notices")
    text = models.TextField()
    url = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at"]
