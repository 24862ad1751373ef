"""Deny by default: every view declares who may use it, and the middleware refuses views that declare nothing.

    @grant_access(PUBLIC)                    anyone, signed in or not (the log-in page)
    @grant_access(MEMBER)                    any signed-in user with a membership
    @grant_access(Role.COORDINATOR, ...)     signed-in users holding one of these roles

Object-level scope (a reporter sees only their agency's tasks) is checked by the `get_<thing>_for_user`
functions of each app, which raise 404 for objects outside the user's scope.
"""
from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.http import Http404

from .roles import Role

PUBLIC = "public"
MEMBER = "member"


def grant_access(*rules):
    if not rules:
        raise ImproperlyConfigured("grant_access needs at least one rule")

    def decorate(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            if PUBLIC not in rules:
                if not request.user.is_authenticated:
                    return redirect_to_login(request.get_full_path(), settings.LOGIN_URL)
                membership = getattr(request.user, "membership", None)
                if membership is None:
                    raise PermissionDenied
                if MEMBER not in rules and membership.role not in rules:
                    raise PermissionDenied
            return view(request, *args, **kwargs)

        wrapper.access_rules = frozenset(rules)
        return wrapper

    return decorate


def scoped_to_user(queryset, user, agency_field: str = "agency_id"):
    """Rows the user may see: all for roles that see everything, their own agency's otherwise, none without a
    membership. The object-level half of deny-by-default, shared by tasks, reports and the API."""
    membership = getattr(user, "membership", None)
    if membership is None:
        return queryset.none()
    if membership.sees_all:
        return queryset
    return queryset.filter(**{agency_field: membership.agency_id})


def get_scoped_or_404(queryset, user, pk: int):
    """The object, or 404 when it does not exist or lies outside the user's scope (no hint that it exists)."""
    try:
        return scoped_to_user(queryset, user).get(pk=pk)
    except queryset.model.DoesNotExist:
        raise Http404 from None


SELF_GUARDED_NAMESPACES = {"admin", "api"}


def _is_exempt(request, view_func) -> bool:
    """Django's admin guards itself (staff only) and the API guards itself (session auth, role scope; both walked
    in tests/web/test_url_access.py); static files in DEBUG carry no data."""
    match = getattr(request, "resolver_match", None)
    if match is not None and SELF_GUARDED_NAMESPACES & set(match.namespaces):
        return True
    module = getattr(view_func, "__module__", "") or ""
    return module.startswith(("django.contrib.staticfiles", "django.views.static"))


class AccessRuleMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if hasattr(view_func, "access_rules") or _is_exempt(request, view_func):
            return None
        # A view without a declared rule is a programming error; refuse rather than serve it.
        raise PermissionDenied("view declares no access rule")


__all__ = ["grant_access", "PUBLIC", "MEMBER", "Role", "AccessRuleMiddleware"]
