import datetime as dt

from django import forms
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from chidao.accounts.access import MEMBER, grant_access

from .models import AdminUnit, Agency


class OnDateForm(forms.Form):
    on = forms.DateField(label=_("Tại ngày"), required=False, widget=forms.DateInput(attrs={"type": "date"}))


def _on_date(request) -> dt.date:
    form = OnDateForm(request.GET or None)
    return (form.cleaned_data.get("on") if form.is_valid() else None) or timezone.localdate()


@grant_access(MEMBER)
def unit_list(request):
    day = _on_date(request)
    units = AdminUnit.objects.valid_on(day).select_related("parent").order_by("level", "parent__code", "code")
    return render(request, "orgs/unit_list.html", {"units": units, "day": day, "form": OnDateForm(request.GET or None)})


@grant_access(MEMBER)
def unit_detail(request, pk: int):
    unit = get_object_or_404(AdminUnit.objects.select_related("parent"), pk=pk)
    return render(request, "orgs/unit_detail.html", {
        "unit": unit,
        "children": unit.children.order_by("code"),
        "successors": unit.successor_links.select_related("new", "new__parent"),
        "predecessors": unit.predecessor_links.select_related("old", "old__parent"),
        "agencies": unit.agencies.all(),
    })


@grant_access(MEMBER)
def agency_list(request):
    day = _on_date(request)
    agencies = Agency.objects.valid_on(day).select_related("admin_unit", "parent").prefetch_related("aliases")
    return render(request, "orgs/agency_list.html", {"agencies": agencies, "day": day,
                                                     "form": OnDateForm(request.GET or None)})
