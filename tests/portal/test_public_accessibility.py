"""Public pages in a real browser: axe finds nothing, a 360-px phone never scrolls sideways."""

import datetime
import os
from pathlib import Path

import pytest

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

from tests import factories  # noqa: E402

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

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"Chromium is required in CI and missing at {CHROMIUM}")
        pytest.skip(f"Chromium is not installed at {CHROMIUM}")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def guelmim(transactional_db):
    commune = factories.CommuneFactory(name_ar="كلميم", name_fr="Guelmim", slug="guelmim")
    meeting = factories.MeetingFactory(
        commune=commune,
        slug="outreach",
        title_ar="لقاء تواصلي للمجلس البلدي لكلميم مع فعاليات المجتمع المدني",
        title_fr="Rencontre de communication du conseil municipal avec la société civile",
        slogan_ar="جميعا من أجل تنمية مستدامة",
        illustrative=True,
    )
    project = factories.ProjectFactory(
        commune=commune, slug="avenue", title_ar="تأهيل شارع محمد الخامس", progress=65
    )
    association = factories.AssociationFactory(
        commune=commune, slug="oued-noun", name_ar="جمعية واد نون للتنمية", verified=True
    )
    association.fields_of_activity.add(factories.FieldOfActivityFactory(name_ar="البيئة"))
    factories.SessionFactory(meeting=meeting, chair=factories.PersonFactory())
    factories.SpeechFactory(meeting=meeting, kind="intervention", association=association)
    factories.PresentationFactory(meeting=meeting).related_projects.add(project)
    factories.WorkshopFactory(meeting=meeting, outcomes_ar="نتائج الورشة")
    factories.SiteVisitStopFactory(visit__meeting=meeting, order=1, project=project)
    factories.AssociationAttendanceFactory(meeting=meeting, association=association)
    factories.CertificateFactory(meeting=meeting, recipient_association=association)
    recommendation = factories.RecommendationFactory(
        meeting=meeting, due_date=datetime.date(2011, 1, 1), status="adopted"
    )
    recommendation.related_projects.add(project)
    factories.RecommendationUpdateFactory(recommendation=recommendation)
    return recommendation


PAGES = [
    "/{lang}/",
    "/{lang}/communes/guelmim/",
    "/{lang}/meetings/",
    "/{lang}/meetings/outreach/",
    "/{lang}/projects/",
    "/{lang}/projects/avenue/",
    "/{lang}/associations/",
    "/{lang}/associations/oued-noun/",
    "/{lang}/recommendations/",
    "/{lang}/recommendations/{recommendation}/",
    "/{lang}/no-such-page/",
]


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_public_pages_pass_axe_and_fit_a_phone(browser, live_server, guelmim, lang):
    from axe_playwright_python.sync_playwright import Axe

    axe = Axe()
    page = browser.new_page(viewport={"width": 360, "height": 740})
    problems = []
    for pattern in PAGES:
        url = live_server.url + pattern.format(lang=lang, recommendation=guelmim.pk)
        page.goto(url)
        violations = axe.run(page).response["violations"]
        problems += [(pattern, v["id"], v["nodes"][0]["html"][:120]) for v in violations]
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > 360:
            problems.append((pattern, "horizontal scroll", width))
    page.close()
    assert problems == []


def test_skip_link_takes_keyboard_users_to_the_content(browser, live_server, guelmim):
    page = browser.new_page()
    page.goto(live_server.url + "/fr/projects/")
    # The stylesheet is there (the axe checks above judge the styled page).
    header = "getComputedStyle(document.querySelector('.site-header')).backgroundColor"
    assert page.evaluate(header) == "rgb(7, 63, 59)"
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    page.close()
