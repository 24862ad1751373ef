"""Which tasks a user may see: everything for administrators, coordinators and leaders; their own agency's otherwise."""
from chidao.accounts.access import get_scoped_or_404, scoped_to_user

from .models import Task


def tasks_for_user(user):
    return scoped_to_user(Task.objects.select_related("agency", "directive", "section"), user)


def get_task_for_user(request, pk: int) -> Task:
    return get_scoped_or_404(Task.objects.select_related("agency", "directive", "section"), request.user, pk)
