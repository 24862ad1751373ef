"""Which tasks a user may see: everything for administrators, coordinators and leaders; their own agency's otherwise."""
from django.http import Http404

from .models import Task


def tasks_for_user(user):
    membership = getattr(user, "membership", None)
    tasks = Task.objects.select_related("agency", "directive", "section")
    if membership is None:
        return tasks.none()
    if membership.sees_all:
        return tasks
    return tasks.filter(agency_id=membership.agency_id)


def get_task_for_user(request, pk: int) -> Task:
    """The task, or 404 when it does not exist or lies outside the user's scope (no hint that it exists)."""
    try:
        return tasks_for_user(request.user).get(pk=pk)
    except Task.DoesNotExist:
        raise Http404 from None
