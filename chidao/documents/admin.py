from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Directive, ReportingDuty


class ReportingDutyInline(admin.TabularInline):
    model = ReportingDuty
    extra = 0


@admin.register(Directive)
class DirectiveAdmin(SimpleHistoryAdmin):
    list_display = ["__str__", "issued_on", "subject", "lead_agency"]
    search_fields = ["number", "symbol", "subject"]
    exclude = ["reader_result"]
    inlines = [ReportingDutyInline]
