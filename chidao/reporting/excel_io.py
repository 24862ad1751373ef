"""A report's Excel template and upload: the Excel layer (pure, chidao.reporting.excel) meets the database here.

An upload is all or nothing: every value is read and checked (cells, then the form's rules, each error naming its
sheet and cell), and only a clean workbook is saved, in one transaction.
"""
from django.db import transaction

from . import excel, services, validation
from .models import Report, TaskNarrative
from .views_helpers import report_tasks


def spec_for(report: Report) -> excel.FormSpec:
    indicators = [i for i in services.indicators_for(report) if not i.is_computed]
    narratives = [excel.NarrativeField(field, str(Report._meta.get_field(field).verbose_name))
                  for field in Report.NARRATIVE_FIELDS]
    narratives += [excel.NarrativeField(f"task_{t.pk}", f"Nhiệm vụ: {t.text[:150]}") for t in report_tasks(report)]
    form = report.period.regime.form
    return excel.FormSpec(
        form_code=form.code, form_name=form.name, version=form.version,
        agency_code=report.agency.code, agency_name=report.agency.name,
        period_code=report.period.code, period_label=report.period.label,
        rows=tuple(excel.IndicatorRow(i.code, i.name, i.unit,
                                      tuple(excel.Column(code, label) for code, label in i.columns()),
                                      whole=i.whole, group=i.group) for i in indicators),
        narratives=tuple(narratives))


def template_for(report: Report) -> bytes:
    narratives = {field: getattr(report, field) for field in Report.NARRATIVE_FIELDS}
    narratives.update({f"task_{n.task_id}": n.text for n in TaskNarrative.objects.filter(report=report)})
    spec = spec_for(report)
    known = set(spec.value_keys())
    values = {key: value for key, value in services.values_of(report).items() if key in known}
    return excel.build_template(spec, values, narratives)


def upload(report: Report, data: bytes) -> list[excel.CellError]:
    """Save the uploaded workbook's figures and texts, or nothing; returns the errors (empty when saved)."""
    spec = spec_for(report)
    result = excel.read_upload(data, spec)
    if not result.ok:
        return result.errors
    form = services.validation_form(services.indicators_for(report), report.period.regime.form)
    issues = [i for i in validation.validate(form, result.values) if i.is_error]
    if issues:
        return [_cell_error(spec, issue) for issue in issues]
    narratives = {k: v for k, v in result.narratives.items() if k in Report.NARRATIVE_FIELDS}
    tasks = {int(k.removeprefix("task_")): v for k, v in result.narratives.items() if k.startswith("task_")}
    with transaction.atomic():
        services.save_report(report, values=result.values, narratives=narratives, task_narratives=tasks)
    return []


def _cell_error(spec: excel.FormSpec, issue: validation.Issue) -> excel.CellError:
    column = issue.column if (issue.indicator, issue.column) in set(spec.value_keys()) else \
        spec.indicator(issue.indicator).columns[0].code
    sheet, cell = spec.cell_of(issue.indicator, column)
    return excel.CellError(sheet, cell, issue.code, f"{sheet}!{cell}: {issue.vi}", f"{sheet}!{cell}: {issue.en}")
