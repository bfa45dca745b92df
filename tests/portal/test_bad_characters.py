"""A NUL in an address, a query string or a form never answers 500.

PostgreSQL refuses such characters in any text value, so before the
middleware every page that looked a slug up answered 500 there. Each test
below runs against every route pattern the site has, on whichever database
the suite uses (CI runs it on SQLite and on PostgreSQL).
"""

import re

import pytest
from django.test import Client
from django.urls import URLResolver, get_resolver
from django.urls.resolvers import RegexPattern

from tests import factories

pytestmark = pytest.mark.django_db

# What stands for a path parameter: a NUL between letters, percent-encoded as
# a browser or a script would send it.
NUL = "%00"
BAD = f"a{NUL}b"


def route_patterns(patterns=None, prefix=""):
    """(route, pattern) for every URL pattern of the site, nested includes walked."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(pattern, URLResolver):
            yield from route_patterns(pattern.url_patterns, prefix + str(pattern.pattern))
        else:
            yield prefix + str(pattern.pattern), pattern


def address(route: str, pattern, value: str) -> str:
    """The route with every parameter replaced by ``value`` (numbers stay numbers)."""
    if isinstance(pattern.pattern, RegexPattern):
        route = route.replace("^", "").replace("$", "")
        route = re.sub(r"\(\?P<\w+>[^)]*\)", value, route)
    else:
        route = re.sub(r"<int:\w+>", "1", route)
        route = re.sub(r"<(?:\w+:)?\w+>", value, route)
    return "/" + route


ROUTES = sorted(route_patterns(), key=lambda item: item[0])
ROUTE_IDS = [route for route, _pattern in ROUTES]


@pytest.fixture(scope="module")
def _routes_are_many():
    # The walk must find the whole site, admin and accounts included.
    assert len(ROUTES) > 200


@pytest.fixture
def client(superuser):
    """A superuser, so that no login redirect stands between the request and the view."""
    client = Client(raise_request_exception=False)
    client.force_login(superuser)
    return client


@pytest.mark.parametrize(("route", "pattern"), ROUTES, ids=ROUTE_IDS)
def test_nul_in_every_path_parameter_answers_400(client, route, pattern, _routes_are_many):
    url = address(route, pattern, BAD)
    if NUL not in url:  # no text parameter: a NUL in an extra segment
        url += BAD

    response = client.get(url)

    assert response.status_code == 400, url


@pytest.mark.parametrize(("route", "pattern"), ROUTES, ids=ROUTE_IDS)
def test_nul_in_the_query_string_answers_400(client, route, pattern):
    url = address(route, pattern, "x")

    response = client.get(f"{url}?q={NUL}&commune=a{NUL}&page=1&term={NUL}&{NUL}=1")

    assert response.status_code == 400, url


@pytest.mark.parametrize(("route", "pattern"), ROUTES, ids=ROUTE_IDS)
def test_nul_in_a_form_field_answers_400(client, route, pattern):
    url = address(route, pattern, "x")

    response = client.post(url, {"body": "bridge\x00", "slug": "x\x00", "q": "\x00"})

    assert response.status_code == 400, url


def test_the_reported_addresses_answer_400_not_500(client):
    project = factories.ProjectFactory()
    addresses = [
        f"/ar/projects/{NUL}/",
        f"/ar/calendar/meetings/{NUL}.ics",
        f"/ar/calendar/communes/{NUL}.ics",
        f"/ar/feeds/communes/{NUL}/meetings/",
        f"/ar/account/join/{NUL}/",
        f"/admin/autocomplete/?term={NUL}&app_label=projects&model_name=project&field_name=x",
        f"/ar/projects/?commune={NUL}",
        f"/ar/search/?q={NUL}",
    ]
    for url in addresses:
        assert client.get(url).status_code == 400, url
    comment_post = f"/ar/projects/{project.slug}/comments/"
    assert client.post(comment_post, {"body": "\x00"}).status_code == 400


@pytest.mark.parametrize(
    "junk",
    ["%ED%A0%80", "%C0%80", "%FF%FE", "%E2%80%AE", "%0A%0D", "%EF%BF%BF"],
    ids=[
        "encoded-surrogate",
        "overlong-nul",
        "invalid-utf8",
        "bidi-override",
        "newlines",
        "nonchar",
    ],
)
def test_other_odd_bytes_in_paths_and_queries_never_answer_500(client, junk):
    """Bytes that are not UTF-8 reach the views replaced or still percent-encoded: harmless."""
    project = factories.ProjectFactory()
    for url in (
        f"/ar/projects/{junk}/",
        f"/ar/projects/?commune={junk}&sector={junk}",
        f"/ar/search/?q={junk}",
        f"/ar/certificates/verify/{junk}/",
        f"/ar/calendar/communes/{junk}.ics",
        f"/admin/projects/project/?q={junk}",
    ):
        assert client.get(url).status_code in (200, 404), url
    response = client.post(
        f"/ar/projects/{project.slug}/comments/",
        f"body={junk}",
        "application/x-www-form-urlencoded",
    )
    assert response.status_code < 500


def test_the_refusal_page_speaks_the_visitors_language():
    french = Client().get(f"/fr/projects/{NUL}/")
    arabic = Client().get(f"/ar/projects/{NUL}/")

    assert french.status_code == arabic.status_code == 400
    assert '<html lang="fr" dir="ltr">' in french.content.decode()
    assert "Cette adresse ne peut pas être lue" in french.content.decode()
    assert '<html lang="ar" dir="rtl">' in arabic.content.decode()
    assert french["Content-Language"] == "fr"


def test_a_session_cookie_with_a_nul_is_ignored_and_the_page_served(settings):
    client = Client()
    client.cookies[settings.SESSION_COOKIE_NAME] = "abcdefgh\x00ijkl"

    response = client.get("/ar/")

    assert response.status_code == 200
    assert "sessionid" not in response.cookies or response.cookies["sessionid"].value == ""


def test_ordinary_input_goes_through(client):
    project = factories.ProjectFactory()

    assert client.get(f"/ar/projects/{project.slug}/").status_code == 200
    assert client.get("/ar/search/?q=قنطرة").status_code == 200
