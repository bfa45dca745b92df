"""The site's addresses, plus /bench/trivial/: one ``SELECT 1`` and a ten-line
template, the yardstick bench/pages.py measures every page against."""

from django.db import connection
from django.http import HttpResponse
from django.template import engines
from django.urls import path

from portal.urls import urlpatterns as site_urlpatterns

TEMPLATE = engines["django"].from_string(
    """<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{{ title }}</title>
</head>
<body>
<p>{{ value }}</p>
</body>
</html>"""
)


def trivial(request):
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
        (value,) = cursor.fetchone()
    return HttpResponse(TEMPLATE.render({"title": "trivial", "value": value}, request))


urlpatterns = [path("bench/trivial/", trivial), *site_urlpatterns]
