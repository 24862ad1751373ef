from django.shortcuts import render

from chidao.accounts.access import MEMBER, grant_access
from chidao.documents.models import Directive


@grant_access(MEMBER)
def home(request):
    directives = Directive.objects.prefetch_related("sections", "reporting_duties")[:20]
    return render(request, "web/home.html", {"directives": directives})
