from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import AdminUnit, Agency, AgencyAlias, AgencySuccession, UnitSuccession


class AgencyAliasInline(admin.TabularInline):
    model = AgencyAlias
    extra = 1


@admin.register(Agency)
class AgencyAdmin(SimpleHistoryAdmin):
    list_display = ["name", "short_name", "kind", "steering_member", "valid_from", "valid_to"]
    list_filter = ["kind", "steering_member"]
    search_fields = ["name", "short_name", "code", "aliases__alias"]
    inlines = [AgencyAliasInline]


@admin.register(AdminUnit)
class AdminUnitAdmin(admin.ModelAdmin):
    list_display = ["code", "name", "level", "parent", "valid_from", "valid_to"]
    list_filter = ["level", "kind"]
    search_fields = ["code", "name"]


admin.site.register(UnitSuccession)
admin.site.register(AgencySuccession)
