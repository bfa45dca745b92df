"""A visitor's walk through the public portal with the demo records, in Arabic
and in French: home page → the Guelmim meeting → a worksite of its site visit
→ the recommendations tracker. Screenshots of each page at phone and desktop
widths go to test-artifacts/screenshots/journey-<lang>-<page>-<width>.png."""

import pytest
from django.utils import translation

from meetings.models import Meeting
from projects.models import Project
from recommendations.models import Recommendation
from tests.browser.helpers import screenshot
from tests.browser.pages import GUELMIM_MEETING

SLOGANS = {
    "ar": "المجتمع المدني شريك أساسي في التنمية المحلية المستدامة",
    "fr": "La société civile, partenaire essentiel du développement local durable",
}
DIRECTIONS = {"ar": "rtl", "fr": "ltr"}


def assert_language(page, lang):
    html = page.locator("html")
    assert html.get_attribute("lang") == lang
    assert html.get_attribute("dir") == DIRECTIONS[lang]
    assert page.evaluate("getComputedStyle(document.body).direction") == DIRECTIONS[lang]


def fits_a_phone(page):
    page.set_viewport_size({"width": 360, "height": 800})
    try:
        return page.evaluate("document.documentElement.scrollWidth") <= 360
    finally:
        page.set_viewport_size({"width": 1280, "height": 800})


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_visitor_goes_from_home_to_meeting_to_worksite_to_recommendations(
    page, live_server, demo_data, lang
):
    meeting = Meeting.objects.get(slug=GUELMIM_MEETING)
    first_stop = meeting.site_visits.get().stops.select_related("project").order_by("order")[0]
    recommendations = Recommendation.objects.filter(meeting=meeting)
    assert recommendations.count() == 3

    # Home page: the meeting is among the latest ones.
    page.goto(f"{live_server.url}/{lang}/")
    assert_language(page, lang)
    screenshot(page, f"journey-{lang}-home")
    assert fits_a_phone(page)
    page.locator(f"main a[href='/{lang}/meetings/{GUELMIM_MEETING}/']").first.click()

    # The meeting: its slogan, its four presentations, its fifteen stops.
    page.wait_for_url(f"**/{lang}/meetings/{GUELMIM_MEETING}/")
    assert_language(page, lang)
    assert page.locator("h1").inner_text().strip() == getattr(meeting, f"title_{lang}")
    assert SLOGANS[lang] in page.locator(".slogan").inner_text()
    presentations = page.locator("section[aria-labelledby=presentations-title] .entry")
    assert presentations.count() == meeting.presentations.count() == 4
    titles = {getattr(p, f"title_{lang}") for p in meeting.presentations.all()}
    assert {t.strip() for t in presentations.locator(".entry__title").all_inner_texts()} == titles
    assert page.locator(".itinerary__stop").count() == 15
    page.wait_for_selector(".mini-map--itinerary[data-loaded='true']")
    screenshot(page, f"journey-{lang}-meeting")
    assert fits_a_phone(page)
    page.locator(".itinerary__stop").first.locator("a").click()

    # The first worksite of the visit: title, status, progress.
    project = Project.objects.get(pk=first_stop.project_id)
    page.wait_for_url(f"**/{lang}/projects/{project.slug}/")
    assert_language(page, lang)
    assert page.locator("h1").inner_text().strip() == getattr(project, f"title_{lang}")
    with translation.override(lang):
        status = project.get_status_display()
    badge = page.locator(".record__meta .badge").first
    assert badge.inner_text().strip().casefold() == status.casefold()
    assert f"status-{project.status}" in badge.get_attribute("class")
    bar = page.locator(".record__progress progress")
    assert bar.get_attribute("value") == str(project.progress)
    assert f"{project.progress}%" in page.locator("dl.facts").first.inner_text().replace(
        "\u202f", ""
    )
    page.wait_for_selector(".mini-map--location[data-loaded='true']")
    screenshot(page, f"journey-{lang}-project")
    assert fits_a_phone(page)

    # The recommendations tracker, from the site's navigation.
    page.locator(f"a[href='/{lang}/recommendations/']").first.click()
    page.wait_for_url(f"**/{lang}/recommendations/")
    assert_language(page, lang)
    for recommendation in recommendations:
        with translation.override(lang):
            url = recommendation.get_absolute_url()
        card = page.locator(".card--recommendation").filter(has=page.locator(f"a[href='{url}']"))
        assert card.count() == 1, recommendation
        with translation.override(lang):
            status = recommendation.get_status_display()
        badge = card.locator(f".badge.status-{recommendation.status}")
        assert badge.inner_text().strip().casefold() == status.casefold()
        assert getattr(recommendation, f"title_{lang}") in card.inner_text()
    screenshot(page, f"journey-{lang}-recommendations")
    assert fits_a_phone(page)
