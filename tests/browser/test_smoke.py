"""The browser set-up works end to end on the Arabic home page."""

import pytest

from tests.browser.helpers import (
    SCREENSHOTS,
    assert_no_serious_axe_violations,
    screenshot,
    validate_html,
)

pytestmark = pytest.mark.browser


@pytest.fixture
def arabic_home(page, live_server, transactional_db):
    response = page.goto(f"{live_server.url}/ar/")
    assert response is not None and response.status == 200
    return page


def test_arabic_home_page_is_right_to_left(arabic_home):
    html = arabic_home.locator("html")
    assert html.get_attribute("lang") == "ar"
    assert html.get_attribute("dir") == "rtl"
    # The browser lays it out right to left, not only the attribute.
    assert arabic_home.evaluate("getComputedStyle(document.body).direction") == "rtl"


def test_arabic_home_page_has_no_serious_accessibility_problem(arabic_home):
    assert_no_serious_axe_violations(arabic_home)


def test_arabic_home_page_is_valid_html(arabic_home, live_server):
    # The document as the server sent it, not as the browser rebuilt it.
    served = arabic_home.request.get(f"{live_server.url}/ar/").text()
    assert validate_html(served) == []


def test_screenshots_of_the_arabic_home_page_are_written(arabic_home):
    for width in (360, 1280):
        (SCREENSHOTS / f"smoke-home-ar-{width}.png").unlink(missing_ok=True)

    paths = screenshot(arabic_home, "smoke-home-ar")

    assert [p.name for p in paths] == ["smoke-home-ar-360.png", "smoke-home-ar-1280.png"]
    for path in paths:
        assert path.read_bytes().startswith(b"\x89PNG")
    assert arabic_home.viewport_size["width"] == 1280


# The guards themselves: each must notice the problem it is there for.


def _wait_for(condition, page, timeout_ms=3000):
    waited = 0
    while not condition() and waited < timeout_ms:
        page.wait_for_timeout(50)
        waited += 50
    return condition()


def test_page_fixture_catches_an_inline_script_blocked_by_the_csp(arabic_home, browser_problems):
    arabic_home.evaluate(
        """() => {
            const script = document.createElement("script");
            script.textContent = "window.injected = true";
            document.body.append(script);
        }"""
    )

    assert _wait_for(lambda: browser_problems.csp_violations, arabic_home)
    assert arabic_home.evaluate("window.injected") is None
    assert any(p.startswith("CSP violation") for p in browser_problems.report())
    browser_problems.csp_violations.clear()
    browser_problems.console_errors.clear()


def test_page_fixture_catches_a_console_error_unless_allowed(arabic_home, browser_problems):
    arabic_home.evaluate("console.error('something broke')")

    assert _wait_for(lambda: browser_problems.console_errors, arabic_home)
    assert browser_problems.report() == ["console error: something broke"]
    browser_problems.allow("something broke")
    assert browser_problems.report() == []


def test_page_fixture_refuses_to_load_a_page_from_another_host(page, browser_problems):
    from playwright.sync_api import Error

    with pytest.raises(Error):
        page.goto("https://example.org/")

    assert browser_problems.outside_requests == ["https://example.org/"]
    browser_problems.outside_requests.clear()


def test_map_tiles_from_the_tile_host_load_as_blank_images_offline(arabic_home, settings):
    tile = settings.MAP_TILE_URL.format(s="a", z=5, x=15, y=13)
    width = arabic_home.evaluate(
        """(src) => new Promise((resolve, reject) => {
            const img = new Image();
            img.onload = () => resolve(img.naturalWidth);
            img.onerror = () => reject(new Error("tile did not load"));
            img.src = src;
        })""",
        tile,
    )
    assert width == 1


def test_axe_check_fails_on_an_image_without_alternative_text(page):
    page.set_content(
        '<!doctype html><html lang="en"><head><title>t</title></head>'
        '<body><main><img src="data:image/png;base64,'
        'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="'
        "></main></body></html>"
    )

    with pytest.raises(AssertionError, match=r"image-alt \(critical\) at img"):
        assert_no_serious_axe_violations(page)


def test_html_validator_reports_errors_and_ignores_warnings():
    warning_only = "<!doctype html><html><head><title>t</title></head><body></body></html>"
    broken = (
        '<!doctype html><html lang="en"><head><title>t</title></head>'
        "<body><p><div>block in a paragraph</p></body></html>"
    )

    assert validate_html(warning_only) == []
    errors = validate_html(broken)
    assert errors
    assert all(error.startswith("line 1: ") for error in errors)
