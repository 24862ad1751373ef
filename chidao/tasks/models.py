import datetime as dt

from django.conf import settings
from django.db import models
from django.db.models import Case, Q, Value, When
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from chidao.lib.vntext import fold


class OfficeStatus(models.TextChoices):
    """The Government Office's four-way task status (QĐ 42/2014/QĐ-TTg)."""

    DONE_ON_TIME = "done_on_time", _("Hoàn thành đúng hạn")
    DONE_LATE = "done_late", _("Hoàn thành quá hạn")
    OPEN_WITHIN = "open_within", _("Chưa hoàn thành trong hạn")
    OPEN_OVERDUE = "open_overdue", _("Chưa hoàn thành quá hạn")


class TaskQuerySet(models.QuerySet):
    def with_office_status(self, today: dt.date):
        """Annotate `office_status` so lists can filter and count by it in SQL (mirrors Task.office_status)."""
        done = Q(state=Task.State.DONE)
        late_done = done & Q(due_date__isnull=False, completed_on__gt=models.F("due_date"))
        overdue = ~done & Q(due_date__isnull=False, due_date__lt=today)
        return self.annotate(office_status=Case(
            When(late_done, then=Value(OfficeStatus.DONE_LATE.value)),
            When(done, then=Value(OfficeStatus.DONE_ON_TIME.value)),
            When(overdue, then=Value(OfficeStatus.OPEN_OVERDUE.value)),
            default=Value(OfficeStatus.OPEN_WITHIN.value), output_field=models.CharField()))


class Task(models.Model):
    class State(models.TextChoices):
        OPEN = "open", _("Đang thực hiện")
        REPORTED = "reported", _("Đã báo cáo hoàn thành, chờ xác nhận")
        DONE = "done", _("Đã hoàn thành")

    directive = models.ForeignKey("documents.Directive", on_delete=models.CASCADE, related_name="tasks")
    section = models.ForeignKey("documents.DirectiveSection", on_delete=models.SET_NULL, null=True, blank=True,
                                related_name="tasks")
    agency = models.ForeignKey("orgs.Agency", on_delete=models.PROTECT, related_name="tasks",
                               verbose_name=_("Cơ quan thực hiện"))
    assignee_text = models.TextField(_("Đối tượng được giao (theo văn bản)"), blank=True)
    text = models.TextField(_("Nội dung nhiệm vụ"))
    start = models.PositiveIntegerField(null=True, blank=True)
    end = models.PositiveIntegerField(null=True, blank=True)
    due_date = models.DateField(_("Hạn hoàn thành"), null=True, blank=True)
    state = models.CharField(_("Trạng thái xử lý"), max_length=12, choices=State.choices, default=State.OPEN)
    progress = models.PositiveSmallIntegerField(_("Tiến độ (%)"), default=0)
    completed_on = models.DateField(_("Ngày hoàn thành"), null=True, blank=True)
    search_text = models.TextField(editable=False, blank=True)

    history = HistoricalRecords(excluded_fields=["search_text"])
    objects = TaskQuerySet.as_manager()

    class Meta:
        verbose_name = _("Nhiệm vụ")
        verbose_name_plural = _("Nhiệm vụ")
        ordering = ["directive", "section__position", "agency__name", "id"]

    def __str__(self) -> str:
        return f"{self.agency}: {self.text[:60]}"

    def get_absolute_url(self) -> str:
        return reverse("task_detail", args=[self.pk])

    def save(self, *args, **kwargs):
        # Accent-insensitive search on SQLite and PostgreSQL alike: compare folded keys.
        self.search_text = fold(" ".join([self.agency.name, self.agency.short_name, self.assignee_text, self.text]))
        super().save(*args, **kwargs)

    def office_status(self, today: dt.date) -> OfficeStatus:
        if self.state == self.State.DONE:
            on_time = self.due_date is None or (self.completed_on or today) <= self.due_date
            return OfficeStatus.DONE_ON_TIME if on_time else OfficeStatus.DONE_LATE
        if self.due_date is not None and today > self.due_date:
            return OfficeStatus.OPEN_OVERDUE
        return OfficeStatus.OPEN_WITHIN


def evidence_path(update: "TaskUpdate", filename: str) -> str:
    return f"evidence/task-{update.task_id}/{filename}"


class TaskUpdate(models.Model):
    """One step in a task's life: a progress note, a completion report, a confirmation or a return."""

    class Kind(models.TextChoices):
        PROGRESS = "progress", _("Cập nhật tiến độ")
        COMPLETION = "completion", _("Báo cáo hoàn thành")
        CONFIRMED = "confirmed", _("Xác nhận hoàn thành")
        RETURNED = "returned", _("Trả lại")
        REOPENED = "reopened", _("Mở lại")

    task = models.ForeignKey(Task, on_delete=models.CASCADE, related_name="updates")
    kind = models.CharField(max_length=12, choices=Kind.choices)
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    created_at = models.DateTimeField(auto_now_add=True)
    note = models.TextField(_("Nội dung"), blank=True)
    progress = models.PositiveSmallIntegerField(_("Tiến độ (%)"), null=True, blank=True)
    evidence = models.FileField(_("Tệp minh chứng"), upload_to=evidence_path, blank=True)
    from_state = models.CharField(max_length=12, blank=True)
    to_state = models.CharField(max_length=12, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["task", "created_at", "id"]

    def __str__(self) -> str:
        return f"{self.get_kind_display()} · {self.task_id}"
