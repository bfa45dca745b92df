"""Staff preview: the public page of a record that is not published yet.

Staff who may see a record in the back office (its model's view permission
and its commune among theirs) open its public page before publishing it,
under a "not published — preview" banner. Visitors, and staff of other
communes, get the same 404 as for a record that does not exist. A preview
is never cached by a shared cache nor indexed by search engines.
"""

from django.contrib.auth import get_permission_codename
from django.http import Http404

from . import scope


def may_preview(user, model, commune_id) -> bool:
    if not (user.is_authenticated and user.is_active and user.is_staff):
        return False
    opts = model._meta
    if not user.has_perm(f"{opts.app_label}.{get_permission_codename('view', opts)}"):
        return False
    return scope.covers(user, commune_id)


def public_or_preview(request, find_public, find_any, commune_id_of):
    """``(record, preview)``: the published record, else an unpublished one staff may preview.

    ``find_public()`` and ``find_any()`` return the record or raise Http404;
    ``commune_id_of(record)`` says which commune it belongs to.
    """
    try:
        return find_public(), False
    except Http404:
        if not getattr(request.user, "is_staff", False):
            raise
    record = find_any()
    if not may_preview(request.user, type(record), commune_id_of(record)):
        raise Http404
    return record, True


def as_preview(response):
    """A preview's response: private to the staff member, not for search engines."""
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
