"""Every public page with the demo records, in Arabic and in French, in a real
browser: axe finds no serious or critical problem (on the 404 page too), and a
360-px phone never scrolls sideways."""

import pytest

from tests.browser.helpers import serious_axe_violations
from tests.browser.pages import not_found_page, public_pages


def _wait_for_maps(page):
    for selector in ("#project-map", ".mini-map"):
        for element in page.locator(selector).all():
            element.locator("xpath=.").and_(page.locator("[data-loaded='true']")).wait_for()


# What each page must show for its check to mean something: the search finds
# records, the certificate code from the demo data is recognised as valid.
EXPECTED = {
    "search": ".search-group",
    "certificate-verify": ".certificate-result--valid",
    "certificate-verify-form": "form.certificate-verify-form",
    "open-data": "section.dataset",
}


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_every_public_page_has_no_serious_accessibility_problem(
    page, live_server, demo_data, browser_problems, lang
):
    browser_problems.allow(r"404 \(Not Found\)")
    pages = {name: (path, 200) for name, path in public_pages(lang).items()}
    pages["not-found"] = (not_found_page(lang), 404)
    problems = []
    for name, (path, status) in pages.items():
        response = page.goto(live_server.url + path)
        assert response.status == status, f"{name}: {path} answered {response.status}"
        assert page.locator("html").get_attribute("lang") == lang or name == "sign-in", path
        if expected := EXPECTED.get(name):
            assert page.locator(expected).count() > 0, f"{name}: {path} shows no {expected}"
        _wait_for_maps(page)
        problems += [f"{name} ({path}): {line}" for line in serious_axe_violations(page)]
    assert problems == [], "\n".join(problems)


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_no_public_page_scrolls_sideways_on_a_phone(page, live_server, demo_data, lang):
    page.set_viewport_size({"width": 360, "height": 740})
    too_wide = []
    for name, path in public_pages(lang).items():
        page.goto(live_server.url + path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            too_wide.append(f"{name} ({path}): {width}px wide")
    assert too_wide == [], "\n".join(too_wide)


def test_skip_link_takes_keyboard_users_to_the_content(page, live_server, transactional_db):
    page.goto(live_server.url + "/fr/projects/")
    # The stylesheet is there (the axe checks above judge the styled page).
    header = "getComputedStyle(document.querySelector('.site-header')).backgroundColor"
    assert page.evaluate(header) == "rgb(7, 63, 59)"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
