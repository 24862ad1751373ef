import datetime as dt
from pathlib import Path

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from chidao.orgs.models import Agency

from .models import Frequency

ACCEPTED = (".txt", ".md", ".docx", ".pdf")


class UploadForm(forms.Form):
    document = forms.FileField(label=_("Tệp văn bản (.txt, .docx, .pdf)"))

    def clean_document(self):
        upload = self.cleaned_data["document"]
        if Path(upload.name).suffix.lower() not in ACCEPTED:
            raise forms.ValidationError(_("Chỉ nhận tệp .txt, .md, .docx hoặc .pdf."))
        if upload.size > settings.CHIDAO_MAX_DOCUMENT_BYTES:
            raise forms.ValidationError(_("Tệp quá lớn (tối đa %(mb)d MB).")
                                        % {"mb": settings.CHIDAO_MAX_DOCUMENT_BYTES // (1024 * 1024)})
        return upload


class AgencyChoices(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class AgencyChoice(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class ReviewForm(forms.Form):
    """The reader's proposal, as fields a person confirms or corrects."""

    doc_type = forms.CharField(label=_("Loại văn bản"), max_length=60)
    number = forms.CharField(label=_("Số"), max_length=30)
    symbol = forms.CharField(label=_("Ký hiệu"), max_length=60)
    issued_on = forms.DateField(label=_("Ngày ban hành"), widget=forms.DateInput(attrs={"type": "date"}))
    subject = forms.CharField(label=_("Trích yếu"), widget=forms.Textarea(attrs={"rows": 2}))
    lead_agency = AgencyChoice(label=_("Cơ quan chủ trì, tổng hợp"), queryset=Agency.objects.none(), required=False)

    def __init__(self, proposal, *args, **kwargs):
        self.proposal = proposal
        day = proposal.issued_on or dt.date.today()
        agencies = Agency.objects.valid_on(day).order_by("kind", "name")
        initial = {
            "doc_type": proposal.result.get("doc_type") or "Công văn", "number": proposal.result.get("number"),
            "symbol": proposal.result.get("symbol"), "issued_on": proposal.issued_on,
            "subject": proposal.result.get("subject"), "lead_agency": proposal.lead_agency,
        }
        super().__init__(*args, initial=initial, **kwargs)
        self.fields["lead_agency"].queryset = agencies
        for i, task in enumerate(proposal.tasks):
            self.fields[f"task_{i}"] = AgencyChoices(
                label=task.assignee_text, queryset=agencies, required=False, initial=[a.pk for a in task.agencies],
                widget=forms.SelectMultiple(attrs={"size": min(8, max(3, len(task.agencies) + 2))}))
        for j, duty in enumerate(proposal.duties):
            self.fields[f"duty_{j}_frequency"] = forms.ChoiceField(
                label=_("Tần suất"), choices=[("", _("— bỏ —")), *Frequency.choices], initial=duty.frequency,
                required=False)
            self.fields[f"duty_{j}_recipient"] = AgencyChoice(label=_("Gửi đến"), queryset=agencies, required=False,
                                                              initial=duty.recipient)
            self.fields[f"duty_{j}_via"] = AgencyChoice(label=_("Qua"), queryset=agencies, required=False,
                                                        initial=duty.via)

    def task_fields(self):
        return [(task, self[f"task_{i}"]) for i, task in enumerate(self.proposal.tasks)]

    def duty_fields(self):
        return [(duty, self[f"duty_{j}_frequency"], self[f"duty_{j}_recipient"], self[f"duty_{j}_via"])
                for j, duty in enumerate(self.proposal.duties)]

    def apply(self):
        """The proposal with the person's corrections (call after is_valid())."""
        data = self.cleaned_data
        result = dict(self.proposal.result)
        result.update(doc_type=data["doc_type"].strip(), number=data["number"].strip(),
                      symbol=data["symbol"].strip(), date=data["issued_on"].isoformat(),
                      subject=data["subject"].strip())
        self.proposal.result = result
        self.proposal.problems = []
        self.proposal.lead_agency = data["lead_agency"]
        for i, task in enumerate(self.proposal.tasks):
            task.agencies = list(data[f"task_{i}"])
        duties = []
        for j, duty in enumerate(self.proposal.duties):
            if data[f"duty_{j}_frequency"]:
                duty.frequency = data[f"duty_{j}_frequency"]
                duty.recipient, duty.via = data[f"duty_{j}_recipient"], data[f"duty_{j}_via"]
                duties.append(duty)
        self.proposal.duties = duties
        return self.proposal
