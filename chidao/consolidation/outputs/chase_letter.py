"""The công văn đôn đốc as a Word file: the same header and signature as the report, a Kính gửi list, the late
agencies in a table filled by docxtpl's row loop, and the new deadline."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from .content import ChaseLetter, drafting_unit, recipient_items, short_date
from .docx_report import header_context, render_template, save
from .make_templates import CHASE_TEMPLATE


def build_chase_letter(letter: ChaseLetter, template: Path | None = None) -> bytes:
    """Fill the chase-letter template and return the .docx bytes."""
    return save(render_template(template or CHASE_TEMPLATE, letter_context(letter)))


def letter_context(letter: ChaseLetter) -> dict[str, Any]:
    """Everything the chase-letter template's tags read."""
    subject = letter.subject.strip()
    if not subject.lower().startswith("v/v"):
        subject = f"V/v {subject}"
    return {
        **header_context(letter),
        "subject": subject,
        "kinh_gui": kinh_gui_items(letter.recipients),
        "period_label": letter.period_label,
        "due_date": short_date(letter.due_date),
        "today": short_date(letter.date),
        "late_agencies": [{"name": name, "status": status} for name, status in letter.late_agencies],
        "new_deadline": short_date(letter.new_deadline),
        "contact": letter.contact.strip().rstrip("."),
        "recipient_items": recipient_items(["Như trên", *copies(letter)]),
    }


def kinh_gui_items(recipients: list[str]) -> list[str]:
    """One recipient goes on the "Kính gửi:" line itself; several go one per line as "- …;"."""
    names = [r.strip().rstrip(";.") for r in recipients if r.strip()]
    return [f"{names[0]}."] if len(names) == 1 else recipient_items(names)


def copies(letter: ChaseLetter) -> list[str]:
    """Nơi nhận after "Như trên": the given copies, else the archive line with the drafting unit."""
    if letter.copies:
        return letter.copies
    unit = drafting_unit(letter.symbol)
    return [f"Lưu: VT, {unit}" if unit else "Lưu: VT"]
