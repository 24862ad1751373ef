"""The consolidated read model: accepted figures only, flat, written when a report is accepted and removed when it
is reopened. Dashboards, exports and the API read this table, never the editable reports."""
from django.db import models


class ConsolidatedValue(models.Model):
    report = models.ForeignKey("reporting.Report", on_delete=models.CASCADE, related_name="+")
    period = models.ForeignKey("reporting.ReportingPeriod", on_delete=models.CASCADE, related_name="+")
    period_code = models.CharField(max_length=12)
    agency = models.ForeignKey("orgs.Agency", on_delete=models.PROTECT, related_name="+")
    admin_unit = models.ForeignKey("orgs.AdminUnit", on_delete=models.PROTECT, null=True, blank=True,
                                   related_name="+")
    indicator = models.ForeignKey("reporting.Indicator", on_delete=models.PROTECT, related_name="+")
    indicator_code = models.CharField(max_length=40)
    column = models.CharField(max_length=40)
    value = models.DecimalField(max_digits=18, decimal_places=2)

    class Meta:
        indexes = [models.Index(fields=["period_code", "indicator_code"]), models.Index(fields=["report"])]


class ExternalCode(models.Model):
    """Our code → a code in another system (DHIS2 UID or code), per kind; an unmapped code is exported as it is."""

    class Kind(models.TextChoices):
        DATA_SET = "data_set", "dataSet"
        DATA_ELEMENT = "data_element", "dataElement (indicator)"
        OPTION_COMBO = "option_combo", "categoryOptionCombo (indicator:column)"
        ORG_UNIT = "org_unit", "orgUnit (agency code)"

    kind = models.CharField(max_length=16, choices=Kind.choices)
    ours = models.CharField(max_length=120)
    external = models.CharField(max_length=120)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["kind", "ours"], name="external_code_once")]

    def __str__(self) -> str:
        return f"{self.kind}: {self.ours} → {self.external}"


class BoundarySet(models.Model):
    """Administrative boundaries for the choropleth, imported by an administrator with their source and licence.

    No redistributable commune boundaries of Lai Châu are known (before or after 1/7/2025), so none ship; the
    dashboard shows a ranked bar chart until a set is imported.
    """

    class Tree(models.TextChoices):
        PRE = "pre", "Trước 01/7/2025 (huyện)"
        POST = "post", "Từ 01/7/2025 (xã, phường)"

    name = models.CharField(max_length=200)
    tree = models.CharField(max_length=4, choices=Tree.choices, unique=True)
    key_property = models.CharField(max_length=40, default="code",
                                    help_text="Thuộc tính chứa mã đơn vị hành chính trong mỗi đối tượng")
    source = models.CharField(max_length=300)
    licence = models.CharField(max_length=120)
    geojson = models.JSONField()
    uploaded_at = models.DateTimeField(auto_now=True)

    def __str__(self) -> str:
        return self.name
