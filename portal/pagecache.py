"""Whole pages for anonymous visitors, cached until the records they show change.

A list page renders twenty cards, a filter form and its figures: tens of
milliseconds of template work per request, the same for every anonymous
visitor of the same address. ``anonymous_page`` keeps the rendered page in
the cache under the address, the language and the stored data versions of
the records it shows (``portal.models.DataVersion``): a repeated visit costs
one primary-key read, and any write to those records makes a new key.

Only for visitors without a session or a pending message (what a signed-in
user sees depends on them: comment forms, "sign out", messages), only for a
200 answer that sets no cookie and uses no CSRF token, and never longer than
``settings.ANONYMOUS_PAGE_CACHE_SECONDS`` (0 turns the cache off). The key
holds the local date as well, since a page may count days (a petition's
"overdue by N days") or filter by today's date.
"""

import hashlib
from functools import wraps

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import get_language

from .models import version_stamps

#: The cookie of django.contrib.messages' cookie storage.
MESSAGES_COOKIE = "messages"


def _cacheable_request(request) -> bool:
    return request.method in ("GET", "HEAD") and not (
        settings.SESSION_COOKIE_NAME in request.COOKIES or MESSAGES_COOKIE in request.COOKIES
    )


def anonymous_page(*names: str):
    """Cache the view's page for anonymous visitors until ``names``' data change."""

    def decorator(view):
        @wraps(view)
        def wrapper(request, *args, **kwargs):
            seconds = settings.ANONYMOUS_PAGE_CACHE_SECONDS
            if not seconds or not _cacheable_request(request):
                return view(request, *args, **kwargs)
            address = hashlib.sha256(request.get_full_path().encode()).hexdigest()[:32]
            # The day too: a page may say "overdue by N days" or list what is due.
            day = timezone.localdate().isoformat()
            key = f"page:{address}:{get_language()}:{day}:{version_stamps(*names)}"
            stored = cache.get(key)
            if stored is not None:
                content, content_type = stored
                return HttpResponse(content, content_type=content_type)
            response = view(request, *args, **kwargs)
            if hasattr(response, "render") and callable(response.render):
                response = response.render()
            # A page that used the CSRF token (a form that posts) is the visitor's own.
            uses_token = request.META.get("CSRF_COOKIE_NEEDS_UPDATE")
            if (
                response.status_code == 200
                and not response.streaming
                and not response.cookies
                and not uses_token
            ):
                cache.set(key, (response.content, response["Content-Type"]), seconds)
            return response

        return wrapper

    return decorator
