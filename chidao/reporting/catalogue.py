"""Load an indicator catalogue (disaggregations, indicators, forms, rules) from JSON into the database.

Idempotent: rows are keyed by code (and form version), so loading again updates and never duplicates.
"""
import json
from pathlib import Path

from django.db import transaction

from chidao.orgs.models import Agency

from .models import Disaggregation, DisaggregationOption, FormIndicator, Indicator, ReportForm, ValidationRule

PCMD = Path(__file__).resolve().parent / "data" / "pcmd.json"


@transaction.atomic
def load_catalogue(path: Path = PCMD) -> list[ReportForm]:
    data = json.loads(path.read_text(encoding="utf-8"))
    disaggregations = {}
    for item in data["disaggregations"]:
        disaggregation, _ = Disaggregation.objects.update_or_create(code=item["code"],
                                                                    defaults={"name": item["name"]})
        for position, (code, name) in enumerate(item["options"]):
            DisaggregationOption.objects.update_or_create(disaggregation=disaggregation, code=code,
                                                          defaults={"name": name, "position": position})
        disaggregations[item["code"]] = disaggregation
    indicators = {}
    for position, item in enumerate(data["indicators"]):
        indicator, _ = Indicator.objects.update_or_create(code=item["code"], defaults={
            "name": item["name"], "unit": item["unit"], "group": item.get("group", ""), "position": position,
            "disaggregation": disaggregations.get(item.get("disaggregation")),
            "across_units": item.get("across_units", "sum"), "across_periods": item.get("across_periods", "sum"),
            "whole": item.get("whole", True), "about_people": item.get("about_people", False),
            "numerator": indicators.get(item.get("numerator")), "denominator": indicators.get(item.get("denominator")),
        })
        indicator.reported_by.set(Agency.objects.filter(code__in=item.get("reported_by", [])))
        indicators[item["code"]] = indicator
    forms = []
    for item in data["forms"]:
        form, _ = ReportForm.objects.update_or_create(code=item["code"], version=item["version"],
                                                      defaults={"name": item["name"]})
        for position, code in enumerate(item["indicators"]):
            FormIndicator.objects.update_or_create(form=form, indicator=indicators[code],
                                                   defaults={"position": position})
        form.rules.all().delete()
        for rule in item.get("rules", []):
            ValidationRule.objects.create(form=form, kind=rule["kind"], left=indicators[rule["left"]],
                                          right=indicators.get(rule.get("right")),
                                          severity=rule.get("severity", "error"))
        forms.append(form)
    return forms
