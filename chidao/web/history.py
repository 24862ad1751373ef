"""Audit trail rows from django-simple-history records: who, when, which fields, old → new."""
from dataclasses import dataclass, field


@dataclass
class Change:
    field: str
    old: object
    new: object


@dataclass
class AuditRow:
    when: object
    who: object
    action: str
    subject: str
    changes: list[Change] = field(default_factory=list)


def audit_rows(records, limit: int = 200) -> list[AuditRow]:
    """Newest first. `records` is any history queryset or list (it may mix several objects' histories)."""
    rows = []
    for record in list(records)[:limit]:
        changes = []
        previous = record.prev_record
        if previous is not None:
            delta = record.diff_against(previous)
            model = record.instance_type
            for change in delta.changes:
                label = str(model._meta.get_field(change.field).verbose_name)
                changes.append(Change(label, change.old, change.new))
        rows.append(AuditRow(record.history_date, record.history_user, record.get_history_type_display(),
                             str(record.instance), changes))
    rows.sort(key=lambda row: row.when, reverse=True)
    return rows
