"""Browser tests: Playwright drives Debian's Chromium against pytest-django's live server.

Every test here gets the `browser` marker. The `page` fixture fails the test
when the page logs a console error, throws, breaks the Content-Security-Policy
or asks for anything from another host (the site must work offline: no CDN).
Images from other hosts (map tiles) are answered with a blank image instead.

The live server shares the test database only with transactional tests: a
test whose pages read the database asks for `transactional_db` (or
`demo_data`, which loads the demo records into it).
"""

import base64
import os
import re
from importlib import import_module
from pathlib import Path
from types import SimpleNamespace
from urllib.parse import urlsplit

import pytest
from django.apps import apps as django_apps
from django.core.management import call_command
from django.db import connection

# Playwright's sync API keeps an event loop running in the test thread; the
# ORM calls a test makes there are still plain synchronous calls.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
DEFAULT_VIEWPORT = {"width": 1280, "height": 800}
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1"}
# A 1×1 transparent PNG, given to the page for any image from another host.
BLANK_PNG = base64.b64decode(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg=="
)
CSP_MESSAGE = re.compile(r"Content Security Policy", re.IGNORECASE)
# Reports every CSP violation to the test, whatever the console says.
CSP_LISTENER = """
document.addEventListener("securitypolicyviolation", (event) => {
  window.__sharakaCspViolation(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline code"}` +
    ` (${event.sourceFile || document.location.href}:${event.lineNumber})`
  );
});
"""


def pytest_collection_modifyitems(config, items):
    here = Path(__file__).parent
    for item in items:
        if here in Path(str(item.path)).parents:
            item.add_marker(pytest.mark.browser)


class BrowserProblems:
    """What went wrong in the browser during one test.

    A test that expects a console error (a page it makes answer 404, say) can
    `allow(pattern)` it; CSP violations and requests to other hosts cannot be
    allowed.
    """

    def __init__(self):
        self.console_errors: list[str] = []
        self.csp_violations: list[str] = []
        self.outside_requests: list[str] = []
        self._allowed: list[re.Pattern] = []

    def allow(self, pattern: str) -> None:
        self._allowed.append(re.compile(pattern))

    def report(self) -> list[str]:
        problems = [f"CSP violation: {v}" for v in self.csp_violations]
        for message in self.console_errors:
            if CSP_MESSAGE.search(message):
                problems.append(f"CSP violation: {message}")
            elif not any(p.search(message) for p in self._allowed):
                problems.append(f"console error: {message}")
        problems += [f"request to another host: {url}" for url in self.outside_requests]
        return problems


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        message = (
            f"Chromium is not installed at {CHROMIUM}: install Debian's package "
            "(apt-get install chromium) or set CHROMIUM_PATH."
        )
        if os.environ.get("CI", "").lower() not in {"", "0", "false", "no"}:
            pytest.fail(message, pytrace=False)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


@pytest.fixture
def browser_problems():
    return BrowserProblems()


@pytest.fixture
def page(browser, live_server, browser_problems):
    """A fresh browser context and page, 1280 px wide, for one test."""
    context = browser.new_context(viewport=DEFAULT_VIEWPORT)
    context.expose_binding(
        "__sharakaCspViolation", lambda source, text: browser_problems.csp_violations.append(text)
    )
    context.add_init_script(CSP_LISTENER)

    def route(route, request):
        host = urlsplit(request.url).hostname or ""
        if host in LOCAL_HOSTS or request.url.startswith(("data:", "blob:")):
            route.continue_()
        elif request.resource_type == "image":
            route.fulfill(status=200, content_type="image/png", body=BLANK_PNG)
        else:
            browser_problems.outside_requests.append(request.url)
            route.abort()

    context.route("**/*", route)
    new_page = context.new_page()
    new_page.on(
        "console",
        lambda msg: (
            browser_problems.console_errors.append(msg.text) if msg.type == "error" else None
        ),
    )
    new_page.on("pageerror", lambda exc: browser_problems.console_errors.append(str(exc)))
    yield new_page
    context.close()


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """Fail the test itself, not only its teardown, for what the browser reported."""
    result = yield
    problems = item.funcargs.get("browser_problems")
    if problems is not None and (report := problems.report()):
        pytest.fail("The browser reported:\n" + "\n".join(report), pytrace=False)
    return result


DEMO_PASSWORDS = {
    "DEMO_ADMIN_PASSWORD": "browser-demo-admin-password",
    "DEMO_STAFF_PASSWORD": "browser-demo-staff-password",
    "DEMO_TAROUDANT_PASSWORD": "browser-demo-taroudant-password",
}


@pytest.fixture
def demo_data(transactional_db, monkeypatch):
    """The demo records of `make run`, in the live server's database.

    The demo accounts (`demo-admin`, a superuser, `demo-staff` for Guelmim and
    `demo-taroudant` for Taroudant) get the
    passwords in DEMO_PASSWORDS: tests run with DEBUG off, where the demo
    loader refuses its development defaults. An earlier transactional test
    may have emptied the database, data migrations included: the "Council
    staff" group gets its permissions back first, as `migrate` gives them.
    """
    staff_group = import_module("petitions.migrations.0002_council_staff_group_and_search_indexes")
    staff_group.create_council_staff_group(django_apps, SimpleNamespace(connection=connection))
    for name, password in DEMO_PASSWORDS.items():
        monkeypatch.setenv(name, password)
    call_command("load_demo", verbosity=0)
