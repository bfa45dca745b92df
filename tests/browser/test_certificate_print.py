"""The printable certificate in a real browser (Chromium through Playwright,
against a live server), in Arabic and in French, on a wide screen, a narrow
one and a phone: screenshots for review, the recipient visible, the
verification address wrapped only after a slash and each label on one line."""

import datetime

import pytest

from meetings.certificates.services import award_certificate
from tests import factories
from tests.browser.helpers import SCREENSHOTS

NAMES = {"ar": "جمعية الأمل للتنمية", "fr": "Association Al Amal pour le développement"}

# The text of an element, line by line as laid out: characters grouped by the
# top of their box.
LINES_JS = """el => {
  const lines = [];
  let top = null;
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (let i = 0; i < node.length; i++) {
      const range = document.createRange();
      range.setStart(node, i);
      range.setEnd(node, i + 1);
      const box = range.getClientRects()[0];
      if (!box) continue;
      if (top === null || Math.abs(box.top - top) > 2) {
        lines.push("");
        top = box.top;
      }
      lines[lines.length - 1] += node.data[i];
    }
  }
  return lines;
}"""


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


@pytest.mark.parametrize("width", [1280, 700, 390])
@pytest.mark.parametrize(("lang", "direction"), [("ar", "rtl"), ("fr", "ltr")])
def test_printable_certificate_in_a_browser(page, live_server, certificate, lang, direction, width):
    page.set_viewport_size({"width": width, "height": 1000})
    response = page.goto(f"{live_server.url}/{lang}/certificates/{certificate.code}/print/")
    assert response.status == 200
    assert page.locator("html").get_attribute("dir") == direction
    recipient = page.locator(".certificate-recipient")
    recipient.wait_for(state="visible")
    assert recipient.inner_text().strip() == NAMES[lang]
    qr = page.locator("img.certificate-qr")
    assert qr.is_visible()
    assert qr.evaluate("img => img.complete && img.naturalWidth > 0")
    url = page.locator(".certificate-verify-url")
    address = f"{live_server.url}/{lang}/certificates/verify/{certificate.code}/"
    assert url.inner_text().strip() == address
    assert url.locator("a").get_attribute("href") == address
    lines = url.evaluate(LINES_JS)
    assert "".join(lines) == address
    assert all(line.endswith("/") for line in lines), lines
    # The address never overflows its column: it wraps (after a slash) when it must
    # (the PDF test wraps a long one).
    assert url.evaluate("e => e.scrollWidth <= e.clientWidth + 1")
    for label in page.locator(".certificate-ids dt").all():
        assert len(label.evaluate(LINES_JS)) == 1, label.inner_text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    suffix = "" if width == 1280 else f"-{width}"
    page.screenshot(path=str(SCREENSHOTS / f"certificate-print-{lang}{suffix}.png"), full_page=True)
    # The print layout hides the site's header and the page's links.
    page.emulate_media(media="print")
    assert not page.locator(".certificate-actions").is_visible()
    assert recipient.is_visible()
