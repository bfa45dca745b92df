"""The printable certificate in a real browser (Chromium through Playwright,
against a live server), in Arabic and in French: screenshots for review, the
recipient visible, no console error or CSP violation."""

import datetime
import os
from pathlib import Path

import pytest
from django.conf import settings as django_settings

from meetings.services import award_certificate
from tests import factories

# Playwright's sync API runs an event loop in this thread; the ORM calls the
# tests make around it are still plain synchronous ones.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
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
SCREENSHOTS = Path(django_settings.BASE_DIR) / "test-artifacts" / "screenshots"

NAMES = {"ar": "جمعية الأمل للتنمية", "fr": "Association Al Amal pour le développement"}

RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: install the chromium package.")
        pytest.skip(f"{CHROMIUM} is missing")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def certificate(transactional_db, live_server, settings):
    settings.SITE_URL = live_server.url
    commune = factories.CommuneFactory(name_ar="جماعة كلميم", name_fr="Commune de Guelmim")
    meeting = factories.MeetingFactory(
        commune=commune,
        title_ar="المنتدى الأول للجمعيات",
        title_fr="Premier forum des associations",
    )
    association = factories.AssociationFactory(
        commune=commune, name_ar=NAMES["ar"], name_fr=NAMES["fr"]
    )
    signatory = factories.PersonFactory(
        full_name_ar="عبد الرحيم بوعيدة",
        full_name_fr="Abderrahim Bouaida",
        role_ar="رئيس مجلس الجماعة",
        role_fr="Président du conseil communal",
    )
    return award_certificate(
        meeting=meeting,
        citation="عربون تقدير على مشاركتها الفعالة في المنتدى الأول للجمعيات",
        citation_ar="عربون تقدير على مشاركتها الفعالة في المنتدى الأول للجمعيات",
        citation_fr="En reconnaissance de sa participation active au premier forum",
        awarded_on=datetime.date(2024, 5, 11),
        association=association,
        signatory=signatory,
    )


def _record(errors, message):
    # The browser asks for /favicon.ico on its own; the site has none yet.
    if message.type == "error" and not message.location.get("url", "").endswith("/favicon.ico"):
        errors.append(message.text)


@pytest.mark.parametrize(("lang", "direction"), [("ar", "rtl"), ("fr", "ltr")])
def test_printable_certificate_in_a_browser(browser, live_server, certificate, lang, direction):
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    page = context.new_page()
    errors = []
    page.add_init_script(RECORD_CSP_VIOLATIONS)
    page.on("console", lambda m: _record(errors, m))
    page.on("pageerror", lambda error: errors.append(str(error)))
    try:
        response = page.goto(f"{live_server.url}/{lang}/certificates/{certificate.code}/print/")
        assert response.status == 200
        assert page.locator("html").get_attribute("dir") == direction
        recipient = page.locator(".certificate-recipient")
        recipient.wait_for(state="visible")
        assert recipient.inner_text().strip() == NAMES[lang]
        qr = page.locator("img.certificate-qr")
        assert qr.is_visible()
        assert qr.evaluate("img => img.complete && img.naturalWidth > 0")
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(SCREENSHOTS / f"certificate-print-{lang}.png"), full_page=True)
        # The print layout hides the site's header and the page's links.
        page.emulate_media(media="print")
        assert not page.locator(".certificate-actions").is_visible()
        assert recipient.is_visible()
        assert page.evaluate("window.__cspViolations") == []
        assert errors == []
    finally:
        context.close()
