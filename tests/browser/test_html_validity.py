"""The main Arabic pages, as the server sends them with the demo records, are
valid HTML for the Nu HTML Checker."""

from tests.browser.helpers import validate_html
from tests.browser.pages import public_pages

MAIN_PAGES = (
    "home",
    "meeting-guelmim",
    "project",
    "recommendations",
    "map",
    "association",
    "certificate-print",
)


def test_main_arabic_pages_are_valid_html(page, live_server, demo_data):
    pages = public_pages("ar")
    errors = []
    for name in MAIN_PAGES:
        response = page.request.get(live_server.url + pages[name])
        assert response.status == 200, name
        errors += [f"{name} ({pages[name]}) {error}" for error in validate_html(response.text())]
    assert errors == [], "\n".join(errors)
