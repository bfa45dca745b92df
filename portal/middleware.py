"""What every request and response goes through: unstorable input refused, headers added.

Requests carrying characters no database stores are answered before any view runs.

PostgreSQL refuses a NUL character in any text value ("A string literal
cannot contain NUL"), so a slug, a search word or a form field with ``%00``
made every page that looks it up answer 500 there (and 404 on SQLite).
Rather than guard each of hundreds of look-ups, this one place refuses the
request with a 400 page in the visitor's language. (Bytes that are not
UTF-8 never reach a view as such: Django keeps them percent-encoded in the
path and replaces them in query strings and forms.)
"""

import re

from django.http import HttpRequest, HttpResponseBadRequest
from django.middleware import gzip
from django.template.loader import render_to_string
from django.utils import translation

# The one character PostgreSQL refuses in text (SQLite stores it).
UNSTORABLE = re.compile("\x00")


def has_unstorable(value: str) -> bool:
    return UNSTORABLE.search(value) is not None


def unstorable_input(request: HttpRequest) -> bool:
    """True when the path, the query string or a form field or file name has such a character."""
    if has_unstorable(request.path_info):
        return True
    forms = [request.GET, request.POST] if request.method == "POST" else [request.GET]
    for data in forms:
        for key, values in data.lists():
            if has_unstorable(key) or any(has_unstorable(value) for value in values):
                return True
    if request.method == "POST":
        for key, upload in request.FILES.items():
            if has_unstorable(key) or has_unstorable(upload.name or ""):
                return True
    return False


class RefuseUnstorableInputMiddleware:
    """Answer 400 to input with unstorable characters; forget cookies carrying them.

    It sits before the session middleware: a session cookie with a NUL would
    otherwise be looked up in the database on the first page that reads the
    session. Browsers never send such a cookie, so it is dropped, not refused.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest):
        for name, value in list(request.COOKIES.items()):
            if has_unstorable(name) or has_unstorable(value):
                del request.COOKIES[name]
        if unstorable_input(request):
            return self.refuse(request)
        return self.get_response(request)

    def refuse(self, request: HttpRequest) -> HttpResponseBadRequest:
        # The locale middleware has not run yet: pick the language the same way.
        language = translation.get_language_from_request(request, check_path=True)
        with translation.override(language):
            body = render_to_string("400.html", {"LANGUAGE_CODE": language}, request=request)
        response = HttpResponseBadRequest(body)
        response["Content-Language"] = language
        return response


#: Browser features the site never uses, denied to it and to anything it
#: embeds: a script slipped into a page could not ask for the camera or the
#: position. (The map shows places; it never asks where the visitor is.)
PERMISSIONS_POLICY = ", ".join(
    f"{feature}=()"
    for feature in (
        "accelerometer",
        "autoplay",
        "bluetooth",
        "browsing-topics",
        "camera",
        "display-capture",
        "encrypted-media",
        "geolocation",
        "gyroscope",
        "hid",
        "idle-detection",
        "magnetometer",
        "microphone",
        "midi",
        "payment",
        "publickey-credentials-get",
        "screen-wake-lock",
        "serial",
        "usb",
        "xr-spatial-tracking",
    )
)


class PermissionsPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.headers.setdefault("Permissions-Policy", PERMISSIONS_POLICY)
        return response


def accepts_gzip(request: HttpRequest) -> bool:
    """Whether the client takes gzip (Accept-Encoding, without ``gzip;q=0``)."""
    for item in request.headers.get("Accept-Encoding", "").split(","):
        name, _sep, params = item.strip().partition(";")
        if name.strip().lower() in ("gzip", "*"):
            quality = params.strip().removeprefix("q=").strip()
            try:
                return not quality or float(quality) > 0
            except ValueError:
                return False
    return False


class GZipMiddleware(gzip.GZipMiddleware):
    """Django's compression (with its BREACH mitigation) for the clients that take gzip.

    Django's own looks for the word "gzip" in Accept-Encoding, so a client
    that refuses it (``gzip;q=0``) got it all the same.
    """

    def process_response(self, request, response):
        if not accepts_gzip(request):
            return response
        return super().process_response(request, response)
