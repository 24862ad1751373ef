from django.shortcuts import get_object_or_404, render

from chidao.accounts.access import MEMBER, grant_access

from chidao.web.history import audit_rows

from .highlight import segments
from .models import Directive


@grant_access(MEMBER)
def directive_list(request):
    return render(request, "documents/directive_list.html", {"directives": Directive.objects.all()})


@grant_access(MEMBER)
def directive_detail(request, pk: int):
    directive = get_object_or_404(Directive, pk=pk)
    sections = list(directive.sections.all())
    pieces = segments(directive.source_text, [(s.start, s.end, "section") for s in sections])
    return render(request, "documents/directive_detail.html", {
        "directive": directive,
        "sections": sections,
        "pieces": pieces,
        "duties": directive.reporting_duties.select_related("recipient", "via"),
        "cited": directive.cited_documents.select_related("target"),
        "history": audit_rows(directive.history.select_related("history_user")),
    })
