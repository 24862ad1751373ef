from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from .models import Task


@admin.register(Task)
class TaskAdmin(SimpleHistoryAdmin):
    list_display = ["agency", "directive", "state", "due_date", "completed_on"]
    list_filter = ["state", "directive"]
    search_fields = ["text", "agency__name"]
