from pathlib import Path

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from chidao.documents.models import Directive
from chidao.orgs.models import Agency

from .models import OfficeStatus, Task

EVIDENCE_EXTENSIONS = {".pdf", ".docx", ".doc", ".xlsx", ".xls", ".odt", ".ods", ".jpg", ".jpeg", ".png", ".txt",
                       ".zip"}


class TaskFilterForm(forms.Form):
    q = forms.CharField(label=_("Tìm kiếm"), required=False, max_length=200)
    directive = forms.ModelChoiceField(label=_("Văn bản"), queryset=Directive.objects.all(), required=False)
    agency = forms.ModelChoiceField(label=_("Cơ quan"), queryset=Agency.objects.filter(tasks__isnull=False).distinct(),
                                    required=False)
    status = forms.ChoiceField(label=_("Tình trạng"), choices=[("", "—"), *OfficeStatus.choices], required=False)
    state = forms.ChoiceField(label=_("Trạng thái xử lý"), choices=[("", "—"), *Task.State.choices], required=False)
    due_before = forms.DateField(label=_("Hạn trước ngày"), required=False,
                                 widget=forms.DateInput(attrs={"type": "date"}))


class TaskActionForm(forms.Form):
    kind = forms.CharField(widget=forms.HiddenInput)
    note = forms.CharField(label=_("Nội dung"), widget=forms.Textarea(attrs={"rows": 3}), required=False,
                           max_length=10000)
    progress = forms.IntegerField(label=_("Tiến độ (%)"), min_value=0, max_value=100, required=False)
    completed_on = forms.DateField(label=_("Ngày hoàn thành"), required=False,
                                   widget=forms.DateInput(attrs={"type": "date"}))
    evidence = forms.FileField(label=_("Tệp minh chứng"), required=False)

    def clean_evidence(self):
        upload = self.cleaned_data.get("evidence")
        if not upload:
            return upload
        if upload.size > settings.CHIDAO_MAX_DOCUMENT_BYTES:
            raise forms.ValidationError(_("Tệp quá lớn (tối đa %(mb)d MB).")
                                        % {"mb": settings.CHIDAO_MAX_DOCUMENT_BYTES // (1024 * 1024)})
        if Path(upload.name).suffix.lower() not in EVIDENCE_EXTENSIONS:
            raise forms.ValidationError(_("Loại tệp không được nhận. Chấp nhận: %(ext)s.")
                                        % {"ext": ", ".join(sorted(EVIDENCE_EXTENSIONS))})
        return upload


class DueDateForm(forms.ModelForm):
    class Meta:
        model = Task
        fields = ["due_date"]
        widgets = {"due_date": forms.DateInput(attrs={"type": "date"})}
