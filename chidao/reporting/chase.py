"""The công văn đôn đốc: a letter from the lead department to the agencies whose report is overdue."""
import datetime as dt

from chidao.consolidation.outputs.chase_letter import build_chase_letter
from chidao.consolidation.outputs.content import ChaseLetter
from chidao.lib.workdays import load_calendar

from .completeness import completeness
from .models import ReportingPeriod

#: Working days the late agencies are given from the letter's date.
GRACE_WORKING_DAYS = 5


def overdue_rows(period_code: str, today: dt.date) -> list:
    return [row for row in completeness(period_code, today) if row.late and not row.submitted]


def chase_letter(period_code: str, today: dt.date) -> bytes | None:
    """The letter as DOCX, or None when nobody is overdue."""
    rows = overdue_rows(period_code, today)
    period = ReportingPeriod.objects.select_related("regime__via", "regime__recipient").filter(code=period_code).first()
    if not rows or period is None:
        return None
    lead = period.regime.via or period.regime.recipient
    late = []
    for row in rows:
        days = (today - dt.date.fromisoformat(row.due_date)).days
        late.append((row.agency, f"chưa nộp, quá hạn {days} ngày"))
    letter = ChaseLetter(
        issuer_parent="UBND TỈNH LAI CHÂU", issuer=lead.name.upper(), number="", symbol="PCTNXH",
        place="Lai Châu", date=today, subject=f"V/v đôn đốc nộp báo cáo {period.label}",
        recipients=[row.agency for row in rows], period_label=period.label, due_date=period.due_date,
        late_agencies=late, new_deadline=load_calendar().add_working_days(today, GRACE_WORKING_DAYS),
        contact=f"{lead.name} (bộ phận tổng hợp)", signer_authority="KT. GIÁM ĐỐC", signer_title="PHÓ GIÁM ĐỐC",
        signer_name="")
    return build_chase_letter(letter)
