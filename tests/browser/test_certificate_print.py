"""The printable certificate in a real browser (Chromium through Playwright,
against a live server), in Arabic and in French: screenshots for review, the
recipient visible, no console error or CSP violation."""

import datetime

import pytest

from meetings.services import award_certificate
from tests import factories
from tests.browser.helpers import SCREENSHOTS

NAMES = {"ar": "جمعية الأمل للتنمية", "fr": "Association Al Amal pour le développement"}


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


@pytest.mark.parametrize(("lang", "direction"), [("ar", "rtl"), ("fr", "ltr")])
def test_printable_certificate_in_a_browser(page, live_server, certificate, lang, direction):
    page.set_viewport_size({"width": 1280, "height": 1000})
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
