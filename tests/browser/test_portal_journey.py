"""A visitor's walk through the public portal with the demo records, in Arabic
and in French: home page → the Guelmim meeting → a worksite of its site visit
→ the recommendations tracker. Screenshots of each page at phone and desktop
widths go to test-artifacts/screenshots/journey-<lang>-<page>-<width>.png."""

import re

import pytest
from django.utils import translation
from django.utils.translation import ngettext

from meetings.models import Meeting
from portal.models import Commune
from portal.paging import status_summary
from portal.site.views import with_counts
from projects.models import Project
from recommendations.models import Recommendation
from tests.browser.helpers import screenshot
from tests.browser.pages import GUELMIM_MEETING, TAROUDANT_FORUM

SLOGANS = {
    "ar": "المجتمع المدني شريك أساسي في التنمية المحلية المستدامة",
    "fr": "La société civile, partenaire essentiel du développement local durable",
}
DIRECTIONS = {"ar": "rtl", "fr": "ltr"}
ARABIC = re.compile("[\u0600-\u06ff]")
# The counts on a commune's card on the home page (templates/portal/home.html).
COUNT_MESSAGES = (
    ("%(counter)s meeting", "%(counter)s meetings"),
    ("%(counter)s project", "%(counter)s projects"),
    ("%(counter)s association", "%(counter)s associations"),
)


def assert_language(page, lang):
    html = page.locator("html")
    assert html.get_attribute("lang") == lang
    assert html.get_attribute("dir") == DIRECTIONS[lang]
    assert page.evaluate("getComputedStyle(document.body).direction") == DIRECTIONS[lang]


def assert_status_panel(panel, summary):
    """The panel lists every status, each with its label and its count from the database."""
    items = panel.locator(".status-summary__item")
    assert items.count() == len(summary["items"])
    for item, expected in zip(items.all(), summary["items"], strict=True):
        text = item.inner_text().strip()
        assert text.startswith(expected.label[:1].upper() + expected.label[1:]), text
        assert item.locator("strong").inner_text().strip() == str(expected.count), text
    assert summary["total"] > 0


def assert_home_content(page, lang):
    """The latest meetings, the two status panels and one card per commune."""
    with translation.override(lang):
        latest = list(Meeting.objects.public().past()[:3])
        upcoming = Meeting.objects.public().upcoming().count()
        projects = status_summary(Project.objects.public(), Project.Status)
        recommendations = status_summary(Recommendation.objects.public(), Recommendation.Status)
        communes = {c.slug: c for c in with_counts(Commune.objects.all())}

    # Nothing Arabic slips into a French page (every demo record has its French text).
    if lang == "fr":
        lines = page.locator("main").inner_text().splitlines()
        arabic = [line for line in lines if ARABIC.search(line)]
        assert arabic == [], arabic

    # Latest meetings: the three most recent, newest first, Guelmim's and the
    # Taroudant forum among them, with their titles in the page's language.
    assert {GUELMIM_MEETING, TAROUDANT_FORUM} <= {m.slug for m in latest}
    cards = page.locator("section[aria-labelledby=latest-title] .card--meeting")
    assert cards.count() == len(latest) == 3
    for card, meeting in zip(cards.all(), latest, strict=True):
        link = card.locator(".card__title a")
        assert link.get_attribute("href") == f"/{lang}/meetings/{meeting.slug}/"
        assert link.inner_text().strip() == getattr(meeting, f"title_{lang}")
        assert getattr(meeting.commune, f"name_{lang}") in card.locator(".card__place").inner_text()
    next_cards = page.locator("section[aria-labelledby=next-title] .card--meeting")
    assert next_cards.count() == min(upcoming, 3)

    # Projects by status and the recommendations at a glance: numbers.
    project_panel = page.locator("section[aria-labelledby=projects-title]")
    assert_status_panel(project_panel, projects)
    assert str(projects["total"]) in project_panel.locator("a.more").inner_text()
    recommendation_panel = page.locator("section[aria-labelledby=recommendations-title]")
    assert_status_panel(recommendation_panel, recommendations)

    # One card per commune, Guelmim and Taroudant, with its counts.
    cards = page.locator("section[aria-labelledby=communes-title] .card--commune")
    assert cards.count() == len(communes) == 2
    assert communes.keys() == {"guelmim", "taroudant"}
    for slug, commune in communes.items():
        card = cards.filter(has=page.locator(f"a[href='/{lang}/communes/{slug}/']"))
        assert card.count() == 1, slug
        assert card.locator(".card__title").inner_text().strip() == getattr(commune, f"name_{lang}")
        counts = [c.strip() for c in card.locator(".counts li").all_inner_texts()]
        numbers = [commune.meeting_count, commune.project_count, commune.association_count]
        if lang == "fr":
            # Spelled out here, not read from the catalog the page uses.
            expected = [
                f"{n} {word}{'s' if n > 1 else ''}"
                for n, word in zip(numbers, ("rencontre", "projet", "association"), strict=True)
            ]
        else:
            # Arabic words its counts (zero, one, two, a few, many): its catalog says how.
            with translation.override(lang):
                expected = [
                    ngettext(singular, plural, n) % {"counter": n}
                    for (singular, plural), n in zip(COUNT_MESSAGES, numbers, strict=True)
                ]
        assert counts == expected, slug


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

    # Home page: the latest meetings, the projects and recommendations by
    # status, the communes; the Guelmim meeting is among the latest ones.
    page.goto(f"{live_server.url}/{lang}/")
    assert_language(page, lang)
    assert_home_content(page, lang)
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
