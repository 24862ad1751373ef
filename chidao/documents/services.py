"""Turning the reader's result into a stored directive, its tasks and its reporting duties.

Two steps, as a person works: `propose()` reads the result and proposes an agency for each assignee and each
reporting duty; `save_directive()` stores what the person confirmed (or the proposal unchanged, from the CLI
and the demo) in one transaction.
"""
import datetime as dt
from dataclasses import dataclass, field

from django.db import IntegrityError, transaction
from django.utils.functional import lazy
from django.utils.translation import gettext, gettext_lazy

from chidao.orgs.models import Agency
from chidao.orgs.services import agencies_valid_on, find_agency, resolve_assignee
from chidao.tasks.models import Task

from .models import CitedDocument, Directive, DirectiveSection, Frequency, ReportingDuty


class ImportRefused(Exception):
    """The directive cannot be stored; `str()` is the reasons in the active language (Vietnamese by default)."""

    def __init__(self, *reasons, existing: Directive | None = None):
        super().__init__(*reasons)
        self.reasons = reasons  # lazy translations: the CLI prints them in Vietnamese and in English
        self.existing = existing

    def __str__(self) -> str:
        return " ".join(dict.fromkeys(str(reason) for reason in self.reasons))


def already_stored(existing: Directive):
    """The refusal for a directive already in the system, in whichever language it is shown."""
    return lazy(lambda: gettext("Văn bản %(ref)s năm %(year)s đã có trong hệ thống.")
                % {"ref": existing.reference, "year": existing.year}, str)()


@dataclass
class ProposedTask:
    assignee_text: str
    text: str
    start: int | None
    end: int | None
    section_position: int | None
    group: str | None
    agencies: list[Agency] = field(default_factory=list)


@dataclass
class ProposedDuty:
    frequency: str
    to_text: str
    via_text: str
    deadline_text: str
    recipient: Agency | None
    via: Agency | None


@dataclass
class Proposal:
    result: dict
    tasks: list[ProposedTask]
    duties: list[ProposedDuty]
    lead_agency: Agency | None
    problems: list[str]

    @property
    def issued_on(self) -> dt.date | None:
        return _date(self.result.get("date"))


def _date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if value else None
    except (TypeError, ValueError):
        return None


def _year(result: dict) -> int | None:
    day = _date(result.get("date"))
    return day.year if day else None


def find_existing(result: dict) -> Directive | None:
    year = _year(result)
    if not (result.get("number") and result.get("symbol") and year):
        return None
    return Directive.objects.filter(number=result["number"], symbol=result["symbol"], year=year).first()


def _section_of(sections: list[dict], start: int | None) -> int | None:
    if start is None:
        return None
    for position, section in enumerate(sections):
        if section.get("start", -1) <= start < section.get("end", -1):
            return position
    return None


def propose(result: dict) -> Proposal:
    """Agencies for each task and duty of a reader result, matched as of the directive's date."""
    problems = []
    day = _date(result.get("date"))
    if not result.get("number") or not result.get("symbol"):
        problems.append(gettext_lazy("Không tìm thấy số, ký hiệu của văn bản."))
    if day is None:
        problems.append(gettext_lazy("Không tìm thấy ngày ban hành của văn bản."))
    if not result.get("tasks"):
        problems.append(gettext_lazy("Không tìm thấy cơ quan nào được giao nhiệm vụ trong văn bản."))
    day = day or dt.date.today()
    agencies = list(agencies_valid_on(day))
    sections = result.get("sections") or []

    tasks: list[ProposedTask] = []
    taken: set[int] = set()
    deferred: list[ProposedTask] = []
    for item in result.get("tasks") or []:
        section = _section_of(sections, item.get("start"))
        found, group = resolve_assignee(item.get("assignee") or "", day, agencies, taken=set())
        if section is None and sections:
            # An assignment outside the numbered sections (the opening or closing sentence) restates the general
            # duty; it is offered for linking but not linked by default, so each agency gets its section's task.
            found = []
        task = ProposedTask(item.get("assignee") or "", item.get("text") or "", item.get("start"), item.get("end"),
                            section, group, found)
        tasks.append(task)
        if group == "other_members":
            deferred.append(task)  # "the other members": known only once the named ones are
        else:
            taken.update(a.pk for a in found)
    for task in deferred:
        if task.section_position is not None or not sections:
            task.agencies, task.group = resolve_assignee(task.assignee_text, day, agencies, taken=taken)

    duties = []
    for item in result.get("reporting") or []:
        if item.get("frequency") not in Frequency.values:
            continue
        duties.append(ProposedDuty(
            frequency=item["frequency"], to_text=item.get("to") or "", via_text=item.get("via") or "",
            deadline_text=item.get("deadline") or "",
            recipient=find_agency(item.get("to") or "", day, agencies) if item.get("to") else None,
            via=find_agency(item.get("via") or "", day, agencies) if item.get("via") else None))
    lead = next((d.via for d in duties if d.via), None) or next((d.recipient for d in duties if d.recipient), None)
    if lead is not None and lead.kind == Agency.Kind.PEOPLES_COMMITTEE and not any(d.via for d in duties):
        lead = None  # reports go straight to the People's Committee: no department consolidates them
    return Proposal(result, tasks, duties, lead, problems)


@transaction.atomic
def save_directive(proposal: Proposal, *, source_text: str, source_name: str = "", user=None) -> Directive:
    """Store the confirmed proposal: the directive, its sections, one task per (assignee, agency), its duties."""
    result = proposal.result
    existing = find_existing(result)
    if existing is not None:
        raise ImportRefused(already_stored(existing), existing=existing)
    blocking = list(proposal.problems)
    if not any(t.agencies for t in proposal.tasks):
        blocking.append(gettext_lazy("Chưa gắn cơ quan nào với nhiệm vụ: không có gì để theo dõi."))
    if blocking:
        raise ImportRefused(*blocking)
    try:
        with transaction.atomic():
            directive = Directive.objects.create(
                doc_type=result.get("doc_type") or "Công văn", number=result["number"], symbol=result["symbol"],
                year=proposal.issued_on.year, issuer=result.get("issuer") or "", place=result.get("place") or "",
                issued_on=proposal.issued_on, subject=result.get("subject") or "",
                signer_authority=result.get("signer_authority") or "", signer_title=result.get("signer_title") or "",
                signer_name=result.get("signer_name") or "", recipients=result.get("recipients") or [],
                lead_agency=proposal.lead_agency, source_name=source_name[:255], source_text=source_text,
                reader_result=result, created_by=user)
    except IntegrityError as error:  # a concurrent import of the same reference won the race
        raise ImportRefused(gettext_lazy("Văn bản này vừa được người khác nhập vào hệ thống.")) from error
    sections = []
    for position, item in enumerate(result.get("sections") or []):
        sections.append(DirectiveSection.objects.create(
            directive=directive, position=position, number=item.get("number") or "",
            heading=item.get("heading") or "", assignee_text=item.get("assignee") or "",
            text=item.get("text") or "", start=item.get("start") or 0, end=item.get("end") or 0))
    for task in proposal.tasks:
        section = sections[task.section_position] if task.section_position is not None else None
        for agency in dict.fromkeys(task.agencies):
            Task.objects.create(directive=directive, section=section, agency=agency,
                                assignee_text=task.assignee_text, text=task.text, start=task.start, end=task.end)
    for duty in proposal.duties:
        ReportingDuty.objects.get_or_create(
            directive=directive, frequency=duty.frequency,
            defaults={"to_text": duty.to_text[:255], "via_text": duty.via_text[:255], "recipient": duty.recipient,
                      "via": duty.via, "deadline_text": duty.deadline_text[:255]})
    link_citations(directive, result.get("cited_documents") or [])
    return directive


def link_citations(directive: Directive, cited: list[dict]) -> None:
    """Cited documents that are registered become links, in both directions of time."""
    for item in cited:
        day = _date(item.get("date"))
        target = Directive.objects.filter(number=item.get("number") or "", symbol=item.get("symbol") or "")
        target = target.filter(year=day.year).first() if day else target.first()
        CitedDocument.objects.create(directive=directive, doc_type=item.get("type") or "",
                                     number=(item.get("number") or "")[:30], symbol=(item.get("symbol") or "")[:60],
                                     issued_on=day, target=target)
    CitedDocument.objects.filter(target__isnull=True, number=directive.number, symbol=directive.symbol).filter(
        issued_on__year=directive.year).update(target=directive)
