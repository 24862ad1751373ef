from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from chidao.accounts.access import MEMBER, Role, grant_access
from chidao.lib.aggregate import ratio

from . import excel_io, flow, services
from .access import get_report_for_user, may_edit, reports_for_user
from .completeness import completeness, totals
from .forms import ReportEntryForm, comment_name, value_name
from .models import Report, ReportingPeriod
from .views_helpers import report_tasks

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


@grant_access(MEMBER)
def report_list(request):
    reports = reports_for_user(request.user).order_by("-period__start", "agency__name")
    period = request.GET.get("period")
    if period:
        reports = reports.filter(period__code=period)
    periods = ReportingPeriod.objects.values_list("code", "label").distinct().order_by("-code")
    return render(request, "reporting/report_list.html", {"reports": reports[:500], "periods": periods,
                                                          "period": period})


def _entry_form(report, data=None):
    return ReportEntryForm(report, services.indicators_for(report), report_tasks(report), data)


def _stored_form(report):
    """The entry form showing what is stored (no typed input to show back)."""
    form = _entry_form(report)
    form.initial = _initial(report, form)
    return form


def _initial(report, form):
    values, comments = services.values_of(report), services.comments_of(report)
    initial = {}
    for indicator in form.indicators:
        for column, _label in indicator.columns():
            value = values.get((indicator.code, column))
            initial[value_name(indicator.code, column)] = "" if value is None else _plain(value)
            initial[comment_name(indicator.code, column)] = comments.get((indicator.code, column), "")
    for field in Report.NARRATIVE_FIELDS:
        initial[f"n__{field}"] = getattr(report, field)
    narratives = {n.task_id: n.text for n in report.task_narratives.all()}
    for task in form.tasks:
        initial[f"t__{task.pk}"] = narratives.get(task.pk, "")
    return initial


def _plain(value) -> str:
    return str(value.quantize(1)) if value == value.to_integral_value() else str(value).replace(".", ",")


def _rows(report, form, values):
    """Table rows: group headings and indicators with their cells (bound field, current value, ratio)."""
    rows, group = [], None
    for indicator in form.indicators:
        if indicator.group != group:
            group = indicator.group
            rows.append({"group": group})
        cells = []
        for column, label in indicator.columns():
            name = value_name(indicator.code, column)
            cells.append({"label": label, "field": form[name] if name in form.fields else None,
                          "comment": form[comment_name(indicator.code, column)]
                          if comment_name(indicator.code, column) in form.fields else None,
                          "value": values.get((indicator.code, column)), "column": column})
        share = None
        if indicator.is_computed and indicator.numerator and indicator.denominator:
            num = sum((v for (c, _), v in values.items() if c == indicator.numerator.code and v is not None),
                      Decimal(0))
            den = sum((v for (c, _), v in values.items() if c == indicator.denominator.code and v is not None),
                      Decimal(0))
            share = ratio(num, den)
        rows.append({"indicator": indicator, "cells": cells, "ratio": share})
    return rows


def _render(request, report, form, status=200, upload_errors=()):
    values = services.values_of(report)
    issues = services.check(report)
    comments = services.comments_of(report)
    return render(request, "reporting/report_detail.html", {
        "report": report, "form": form, "rows": _rows(report, form, values),
        "editable": may_edit(request.user, report), "issues": issues,
        "unexplained": [i for i in issues if not i.is_error and not comments.get((i.indicator, i.column))],
        "actions": flow.available(request.user, report), "events": report.events.select_related("actor"),
        "today": timezone.localdate(), "upload_errors": upload_errors,
    }, status=status)


@grant_access(MEMBER)
def report_detail(request, pk: int):
    report = get_report_for_user(request, pk)
    return _render(request, report, _stored_form(report))


@require_POST
@grant_access(Role.REPORTER, Role.ADMIN)
def report_save(request, pk: int):
    """Save the whole form (works without JavaScript). Invalid input is shown back as typed, nothing saved."""
    report = get_report_for_user(request, pk)
    if not may_edit(request.user, report):
        raise PermissionDenied
    form = _entry_form(report, request.POST)
    if not form.is_valid():
        messages.error(request, _("Chưa lưu: có ô nhập sai, xem các ô được đánh dấu."))
        return _render(request, report, form, status=400)
    values, comments, narratives, tasks = form.split()
    try:
        services.save_report(report, values=values, comments=comments, narratives=narratives, task_narratives=tasks)
    except services.ReportLocked:
        messages.error(request, _("Báo cáo đã nộp hoặc đã được tiếp nhận, không sửa được."))
        return _render(request, report, form, status=409)
    messages.success(request, _("Đã lưu báo cáo."))
    return redirect(report)


@require_POST
@grant_access(Role.REPORTER, Role.ADMIN)
def report_autosave(request, pk: int):
    """htmx: save the one field that changed; answer with a status line. The page keeps what was typed."""
    report = get_report_for_user(request, pk)
    if not may_edit(request.user, report):
        return render(request, "reporting/_save_status.html", {"error": _("Báo cáo không còn sửa được.")})
    form = _entry_form(report, request.POST)
    form.is_valid()
    sent = [name for name in request.POST if name in form.fields]
    errors = [str(e) for name in sent for e in form.errors.get(name, [])]
    if errors or not sent:
        return render(request, "reporting/_save_status.html", {"error": " ".join(errors) or _("Không có gì để lưu.")})
    values, comments, narratives, tasks = form.split()
    try:
        services.save_report(report, values=values, comments=comments, narratives=narratives, task_narratives=tasks)
    except services.ReportLocked:
        return render(request, "reporting/_save_status.html", {"error": _("Báo cáo không còn sửa được.")})
    return render(request, "reporting/_save_status.html", {"saved_at": timezone.localtime()})


@require_POST
@grant_access(Role.REPORTER, Role.COORDINATOR, Role.ADMIN)
def report_act(request, pk: int):
    report = get_report_for_user(request, pk)
    name = request.POST.get("action", "")
    if name not in flow.TRANSITIONS:
        raise PermissionDenied
    try:
        flow.perform(report, name, request.user, note=request.POST.get("note", ""))
    except flow.TransitionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(request, _("Đã ghi nhận: %(what)s.") % {"what": flow.TRANSITIONS[name].label})
    return redirect(report)


@grant_access(Role.COORDINATOR, Role.ADMIN, Role.LEADER)
def completeness_page(request):
    today = timezone.localdate()
    periods = list(ReportingPeriod.objects.values_list("code", "label").distinct().order_by("code"))
    chosen = request.GET.get("period") or _current_period_code(today, periods)
    rows = completeness(chosen, today) if chosen else []
    return render(request, "reporting/completeness.html", {"rows": rows, "totals": totals(rows),
                                                           "periods": periods, "period": chosen, "today": today})


def _current_period_code(today, periods):
    due = ReportingPeriod.objects.filter(due_date__lte=today).order_by("-due_date").first()
    return due.code if due else (periods[0][0] if periods else None)


@grant_access(MEMBER)
def report_template(request, pk: int):
    report = get_report_for_user(request, pk)
    response = HttpResponse(excel_io.template_for(report), content_type=XLSX)
    response["Content-Disposition"] = (f'attachment; filename="bao-cao-{report.agency.code}-'
                                       f'{report.period.code}.xlsx"')
    return response


@require_POST
@grant_access(Role.REPORTER, Role.ADMIN)
def report_upload(request, pk: int):
    report = get_report_for_user(request, pk)
    if not may_edit(request.user, report):
        raise PermissionDenied
    upload = request.FILES.get("workbook")
    if upload is None:
        messages.error(request, _("Chưa chọn tệp Excel."))
        return redirect(report)
    if upload.size > excel_io.excel.upload.MAX_BYTES:
        errors = [_("Tệp quá lớn (tối đa 5 MB).")]
    else:
        try:
            errors = [error.vi for error in excel_io.upload(report, upload.read())]
        except services.ReportLocked:
            errors = [_("Báo cáo đã nộp hoặc đã được tiếp nhận, không sửa được.")]
    if errors:
        return _render(request, report, _stored_form(report), status=400, upload_errors=errors)
    messages.success(request, _("Đã nhận tệp Excel và lưu toàn bộ số liệu."))
    return redirect(report)


@grant_access(Role.COORDINATOR, Role.ADMIN)
def chase_letter_download(request, period: str):
    from .chase import chase_letter

    data = chase_letter(period, timezone.localdate())
    if data is None:
        messages.info(request, _("Không có cơ quan nào quá hạn chưa nộp báo cáo kỳ này."))
        return redirect(f"{reverse('completeness')}?period={period}")
    response = HttpResponse(data, content_type=DOCX)
    response["Content-Disposition"] = f'attachment; filename="cong-van-don-doc-{period}.docx"'
    return response
