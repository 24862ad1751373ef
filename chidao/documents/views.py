from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _

from chidao.accounts.access import MEMBER, Role, grant_access
from chidao.web.history import audit_rows

from .forms import ReviewForm, UploadForm
from .highlight import segments
from .models import Directive, PendingImport
from .reader import parse
from .reader.files import UnreadableDocument, read_bytes
from .services import ImportRefused, already_stored, find_existing, propose, save_directive


@grant_access(MEMBER)
def directive_list(request):
    return render(request, "documents/directive_list.html", {"directives": Directive.objects.all()})


@grant_access(MEMBER)
def directive_detail(request, pk: int):
    directive = get_object_or_404(Directive, pk=pk)
    sections = list(directive.sections.prefetch_related("tasks__agency"))
    pieces = segments(directive.source_text, [(s.start, s.end, "section") for s in sections])
    history = list(directive.history.select_related("history_user"))
    for duty in directive.reporting_duties.all():
        history.extend(duty.history.select_related("history_user"))
    return render(request, "documents/directive_detail.html", {
        "directive": directive,
        "sections": sections,
        "pieces": pieces,
        "duties": directive.reporting_duties.select_related("recipient", "via"),
        "cited": directive.cited_documents.select_related("target"),
        "history": audit_rows(history),
    })


@grant_access(Role.COORDINATOR, Role.ADMIN)
def directive_upload(request):
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["document"]
        try:
            read = read_bytes(upload.read(), upload.name)
        except UnreadableDocument as problem:
            form.add_error("document", problem.vi)
        else:
            result = parse(read.text)
            result["warnings"] = [*read.warnings, *result.get("warnings", [])]
            existing = find_existing(result)
            if existing is not None:
                form.add_error("document", str(already_stored(existing)))
                return render(request, "documents/upload.html", {"form": form, "existing": existing}, status=400)
            if not result.get("tasks"):
                form.add_error("document", _("Không nhận ra cơ quan nào được giao nhiệm vụ trong văn bản này; "
                                             "không có gì được lưu."))
            else:
                pending = PendingImport.objects.create(source_name=upload.name[:255], source_text=read.text,
                                                       reader_result=result, created_by=request.user)
                return redirect("directive_review", pending.pk)
    return render(request, "documents/upload.html", {"form": form},
                  status=400 if request.method == "POST" else 200)


@grant_access(Role.COORDINATOR, Role.ADMIN)
def directive_review(request, pk: int):
    pending = get_object_or_404(PendingImport, pk=pk, created_by=request.user)
    proposal = propose(pending.reader_result)
    form = ReviewForm(proposal, request.POST or None)
    existing = None
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                directive = save_directive(form.apply(), source_text=pending.source_text,
                                           source_name=pending.source_name, user=request.user)
                pending.delete()
        except ImportRefused as refusal:
            messages.error(request, str(refusal))
            existing = refusal.existing
        else:
            messages.success(request, _("Đã lưu văn bản và %(n)d nhiệm vụ.") % {"n": directive.tasks.count()})
            return redirect(directive)
    result = pending.reader_result
    spans = [(s["start"], s["end"], "section") for s in result.get("sections") or []]
    task_spans = [(t["start"], t["end"], "task") for t in result.get("tasks") or [] if t.get("start") is not None]
    return render(request, "documents/review.html", {
        "pending": pending, "form": form, "result": result, "existing": existing,
        "pieces": segments(pending.source_text, task_spans or spans),
    }, status=400 if request.method == "POST" else 200)
