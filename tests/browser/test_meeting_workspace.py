"""Guelmim's staff record the Guelmim meeting in the Arabic back office, in one save.

Signed in with the demo's Guelmim staff login (through the admin's own sign-in
form), in Arabic: the whole meeting (3 speeches, 4 presentations with slides,
5 attending associations, a 15-stop visit, 3 certificates, 3 recommendations)
is typed on the meeting page; a deliberate error is found through the summary
at the top; two stops are reordered by dragging; the unpublished meeting is
previewed (visitors get 404), then published and seen by a visitor.
"""

import re

import pytest
from django.conf import settings

from associations.models import Association
from meetings.models import Meeting
from portal.models import Commune
from projects.models import Project
from tests import factories
from tests.helpers import pdf_bytes

from .conftest import DEMO_PASSWORDS
from .helpers import screenshot

TITLE = "لقاء تواصلي مع فعاليات المجتمع المدني بكلميم"
SPEAKERS = ["والي جهة كلميم", "رئيس مجلس جهة", "رئيس المجلس البلدي"]
PRESENTATIONS = [
    "حصيلة المخطط الجماعي للتنمية",
    "مشاريع الوكالة الحضرية",
    "برنامج التأهيل الحضري",
    "دور المجتمع المدني في التنمية المحلية",
]
RECOMMENDATIONS = [
    "إحداث آليات تشاركية للحوار والتشاور",
    "تتبع إنجاز الأوراش",
    "تقوية قدرات الجمعيات",
]
PDF = pdf_bytes()  # a real PDF: uploads are parsed, not sniffed


def choose(page, select_id: str, text: str) -> None:
    """Pick ``text`` in the autocomplete (select2) of the select ``select_id``.

    Typed again when no result comes within 10 s, as the staff would: on a
    loaded machine the text once reached the box without select2 searching it.
    """
    from playwright.sync_api import TimeoutError as PlaywrightTimeoutError

    option = page.locator(".select2-results__option:not(.loading-results)", has_text=text)
    for attempt in range(3):
        if not page.locator(".select2-container--open .select2-search__field").count():
            page.locator(f"#{select_id} + .select2").click()
        search = page.locator(".select2-container--open .select2-search__field")
        search.fill("")
        search.fill(text)
        try:
            option.first.wait_for(timeout=10_000)
            break
        except PlaywrightTimeoutError:
            if attempt == 2:
                raise
    option.first.click()


def open_section(page, prefix: str) -> None:
    page.click(f'.sharaka-workspace-index a[href="#{prefix}-group"]')


def add_row(page, prefix: str) -> int:
    """Click "add another" under ``prefix`` and return the new row's index."""
    before = page.locator(f"#{prefix}-group .dynamic-{prefix}").count()
    page.locator(f"#{prefix}-group .add-row a").click()
    return before


@pytest.fixture
def guelmim(demo_data, settings):
    # "View on site" leads to SITE_URL: the live server here.
    commune = Commune.objects.get(slug="guelmim")
    associations = list(Association.objects.filter(commune=commune).order_by("pk"))
    while len(associations) < 5:
        associations.append(
            factories.AssociationFactory(
                commune=commune, name_ar=f"جمعية المستقبل {len(associations)}"
            )
        )
    projects = list(Project.objects.filter(commune=commune).order_by("pk")[:15])
    assert len(projects) == 15
    return commune, associations, projects


def sign_in(page, base):
    page.context.add_cookies([{"name": settings.LANGUAGE_COOKIE_NAME, "value": "ar", "url": base}])
    page.goto(f"{base}/admin/login/?next=/admin/")
    page.fill("#id_username", "demo-staff")
    page.fill("#id_password", DEMO_PASSWORDS["DEMO_STAFF_PASSWORD"])
    page.click("input[type=submit], button[type=submit]")
    page.wait_for_url(f"{base}/admin/")


def test_guelmim_staff_record_the_meeting_in_one_save(
    page, live_server, guelmim, browser_problems, settings, tmp_path
):
    settings.SITE_URL = live_server.url
    commune, associations, projects = guelmim
    base = live_server.url
    sign_in(page, base)
    page.goto(f"{base}/admin/meetings/meeting/add/")
    assert page.locator("html").get_attribute("dir") == "rtl"

    # The meeting itself; the commune is already Guelmim, the staff's only one.
    assert page.locator("#id_commune option:checked").inner_text() == commune.name_ar
    page.select_option("#id_kind", "outreach")
    page.fill("#id_title_ar", TITLE)
    page.fill("#id_start_date", "2010-07-17")
    page.fill("#id_end_date", "2010-07-16")  # the deliberate error: before the start
    page.select_option("#id_status", "held")

    open_section(page, "speeches")
    for speaker in SPEAKERS:
        row = add_row(page, "speeches")
        page.select_option(f"#id_speeches-{row}-kind", "address")
        choose(page, f"id_speeches-{row}-speaker", speaker)
    numbers = [page.input_value(f"#id_speeches-{i}-order") for i in range(3)]
    assert numbers == ["1", "2", "3"]

    open_section(page, "presentations")
    for title in PRESENTATIONS:
        row = add_row(page, "presentations")
        page.fill(f"#id_presentations-{row}-title_ar", title)

    page.click('.sharaka-workspace-index a[href^="#fieldset-0-3"]')
    for association in associations[:5]:
        choose(page, "id_add_attending_associations", association.name_ar)

    open_section(page, "stops")
    for project in projects:
        row = add_row(page, "stops")
        choose(page, f"id_stops-{row}-project", project.title_ar)
    assert page.input_value("#id_stops-14-order") == "15"

    open_section(page, "certificates")
    for association in associations[:3]:
        row = add_row(page, "certificates")
        choose(page, f"id_certificates-{row}-recipient_association", association.name_ar)
        page.fill(f"#id_certificates-{row}-citation_ar", "عربون تقدير لانخراطها في العمل التشاركي")
        page.fill(f"#id_certificates-{row}-awarded_on", "2010-07-17")

    open_section(page, "recommendations")
    for title in RECOMMENDATIONS:
        row = add_row(page, "recommendations")
        page.fill(f"#id_recommendations-{row}-title_ar", title)
    assert page.locator('[data-count-of="stops"] .sharaka-count').inner_text() == "15"

    # First try: refused, and the summary at the top says where.
    page.click("input[name=_continue]")
    page.wait_for_load_state()
    summary = page.locator("#error-summary")
    assert summary.is_visible()
    assert not Meeting.objects.filter(title_ar=TITLE).exists()
    link = summary.locator('a[href="#id_end_date"]')
    assert link.count() == 1
    link.click()
    end_date = page.locator("#id_end_date")
    assert end_date.evaluate("element => element === document.activeElement")
    assert end_date.is_visible()
    end_date.fill("2010-07-17")
    # Everything typed is still there; the files are chosen again.
    assert page.input_value("#id_stops-14-order") == "15"
    assert page.input_value("#id_recommendations-2-title_ar") == RECOMMENDATIONS[2]
    open_section(page, "presentations")
    for index in range(4):
        slides = tmp_path / f"slides-{index}.pdf"
        slides.write_bytes(PDF)
        page.set_input_files(f"#id_presentations-{index}-slides", str(slides))
    screenshot(page, "admin-meeting-workspace-ar")

    page.click("input[name=_continue]")
    page.wait_for_load_state()
    assert page.locator("#error-summary").count() == 0, page.locator("#error-summary").inner_text()
    meeting = Meeting.objects.get(title_ar=TITLE)
    assert (meeting.commune, meeting.published) == (commune, False)
    assert meeting.speeches.count() == 3
    assert meeting.presentations.exclude(slides="").count() == 4
    assert meeting.association_attendance.count() == 5
    visit = meeting.site_visits.get()
    assert list(visit.stops.order_by("order").values_list("project", flat=True)) == [
        project.pk for project in projects
    ]
    assert meeting.certificates.count() == 3
    assert meeting.recommendations.count() == 3

    # Reorder: drag the second stop above the first.
    open_section(page, "stops")
    handle = page.locator("#stops-1 .sharaka-drag-handle")
    target = page.locator("#stops-0")
    handle.drag_to(target, target_position={"x": 10, "y": 2})
    assert page.input_value("#id_stops-1-order") == "1"
    assert page.input_value("#id_stops-0-order") == "2"
    page.click("input[name=_continue]")
    page.wait_for_load_state()
    first_two = list(visit.stops.order_by("order").values_list("project", flat=True)[:2])
    assert first_two == [projects[1].pk, projects[0].pk]

    # Preview: "View on site" opens the public page, with the banner.
    page.click("a.viewsitelink")
    page.wait_for_load_state()
    assert page.url.startswith(f"{base}/ar/meetings/")
    assert page.locator(".preview-banner").is_visible()
    assert TITLE in page.locator("h1").inner_text()
    public_url = page.url

    # A visitor gets 404 while it is not published.
    visitor = page.context.browser.new_context()
    browser_problems.allow(r"404")
    visitor_page = visitor.new_page()
    assert visitor_page.goto(public_url).status == 404

    # Publish it.
    page.goto(f"{base}/admin/meetings/meeting/{meeting.pk}/change/")
    page.click('.sharaka-workspace-index a[href^="#fieldset-0-5"]')
    page.check("#id_published")
    page.click("input[name=_continue]")
    page.wait_for_load_state()
    meeting.refresh_from_db()
    assert meeting.published

    response = visitor_page.goto(public_url)
    assert response.status == 200
    assert visitor_page.locator(".preview-banner").count() == 0
    text = visitor_page.locator("main").inner_text()
    assert TITLE in text
    assert re.search(projects[1].title_ar, text)
    visitor.close()
