from django import forms
from django.utils.translation import gettext_lazy as _

from chidao.lib.numbers import parse_number

from .models import Report

MAX_NARRATIVE = 20000


def value_name(code: str, column: str) -> str:
    return f"v__{code}__{column}"


def comment_name(code: str, column: str) -> str:
    return f"c__{code}__{column}"


class NumberField(forms.CharField):
    """Accepts Vietnamese-typed numbers ("1.234", "1,5"); the cleaned value is a Decimal or None."""

    def __init__(self, *, whole: bool, **kwargs):
        self.whole = whole
        super().__init__(required=False, max_length=40, **kwargs)
        self.validators = []  # the length limit is checked on the text, in to_python
        self.widget.attrs.update({"inputmode": "decimal" if not whole else "numeric", "autocomplete": "off"})

    def to_python(self, value):
        text = super().to_python(value)
        if len(text) > 40:
            raise forms.ValidationError(_("Số quá dài."))
        try:
            return parse_number(text)
        except ValueError:
            raise forms.ValidationError(_("“%(text)s” không phải là số."), params={"text": value}) from None


class ReportEntryForm(forms.Form):
    """Every figure, comment and text of one report; built from the form's indicators and the agency's tasks."""

    def __init__(self, report: Report, indicators, tasks, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.report, self.indicators, self.tasks = report, indicators, tasks
        for indicator in indicators:
            if indicator.is_computed:
                continue
            for column, label in indicator.columns():
                self.fields[value_name(indicator.code, column)] = NumberField(whole=indicator.whole, label=label)
                self.fields[comment_name(indicator.code, column)] = forms.CharField(
                    required=False, max_length=2000, label=_("Giải trình"))
        for field in Report.NARRATIVE_FIELDS:
            self.fields[f"n__{field}"] = forms.CharField(
                required=False, max_length=MAX_NARRATIVE, label=Report._meta.get_field(field).verbose_name,
                widget=forms.Textarea(attrs={"rows": 4}))
        for task in tasks:
            self.fields[f"t__{task.pk}"] = forms.CharField(
                required=False, max_length=MAX_NARRATIVE, label=task.text[:200],
                widget=forms.Textarea(attrs={"rows": 3}))

    def split(self):
        """(values, comments, narratives, task narratives) from cleaned data, only for fields that were sent."""
        values, comments, narratives, tasks = {}, {}, {}, {}
        for name, value in self.cleaned_data.items():
            if name not in self.data:
                continue
            kind, _, rest = name.partition("__")
            if kind == "v":
                values[tuple(rest.split("__", 1))] = value
            elif kind == "c":
                comments[tuple(rest.split("__", 1))] = value
            elif kind == "n":
                narratives[rest] = value
            elif kind == "t":
                tasks[int(rest)] = value
        return values, comments, narratives, tasks
