"""Home, commune page, language handling, errors, money and dates on the public site."""

import datetime
import io
import re
from decimal import Decimal

import pytest
from django.core.cache import cache
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone, translation
from django.utils.formats import date_format
from PIL import Image

from projects.models import ProjectPhoto
from tests import factories
from tests.helpers import LANGUAGES, count_queries, jpeg

pytestmark = pytest.mark.django_db

ARABIC_INDIC_DIGITS = re.compile("[\u0660-\u0669\u06f0-\u06f9]")


def published_world(n: int, commune=None):
    """`n` published meetings (past and upcoming), projects, associations, recommendations."""
    commune = commune or factories.CommuneFactory()
    today = timezone.localdate()
    for i in range(n):
        past = factories.MeetingFactory(
            commune=commune, start_date=today - datetime.timedelta(days=i + 1)
        )
        factories.MeetingFactory(commune=commune, start_date=today + datetime.timedelta(days=i + 1))
        factories.ProjectFactory(commune=commune, status=["planned", "completed"][i % 2])
        factories.AssociationFactory(commune=commune).fields_of_activity.add(
            factories.FieldOfActivityFactory()
        )
        factories.RecommendationFactory(meeting=past, status="adopted")
    return commune


def drafts(commune):
    """One unpublished record of each kind, all named DRAFT-…, in `commune`."""
    meeting = factories.MeetingFactory(
        commune=commune, published=False, title_ar="DRAFT-MEETING", slug="draft-meeting"
    )
    factories.RecommendationFactory(meeting=meeting, title_ar="DRAFT-REC-OF-DRAFT-MEETING")
    project = factories.ProjectFactory(
        commune=commune, published=False, title_ar="DRAFT-PROJECT", slug="draft-project"
    )
    association = factories.AssociationFactory(
        commune=commune, published=False, name_ar="DRAFT-ASSOCIATION", slug="draft-association"
    )
    published_meeting = factories.MeetingFactory(commune=commune)
    recommendation = factories.RecommendationFactory(
        meeting=published_meeting, published=False, title_ar="DRAFT-RECOMMENDATION"
    )
    return meeting, project, association, recommendation


# Addresses and languages


def test_root_redirects_to_arabic_without_accept_language(client):
    response = client.get("/")
    assert response.status_code == 302
    assert response["Location"] == "/ar/"


def test_root_redirects_to_french_when_the_browser_asks_for_french(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="fr-FR,fr;q=0.9")
    assert response.status_code == 302
    assert response["Location"] == "/fr/"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_home_answers_in_every_language(client, lang):
    published_world(2)
    assert client.get(f"/{lang}/").status_code == 200


@pytest.mark.parametrize("lang", LANGUAGES)
def test_commune_page_answers_in_every_language(client, lang):
    commune = published_world(2)
    assert client.get(f"/{lang}/communes/{commune.slug}/").status_code == 200


@pytest.mark.parametrize(("lang", "direction"), [("ar", "rtl"), ("fr", "ltr"), ("en", "ltr")])
def test_html_element_carries_language_and_direction(client, lang, direction):
    content = client.get(f"/{lang}/").content.decode()
    assert f'<html lang="{lang}" dir="{direction}">' in content


def test_language_switcher_links_point_at_the_same_page_in_the_other_languages(client):
    project = factories.ProjectFactory(slug="well-kept")
    content = client.get(f"/fr/projects/{project.slug}/").content.decode()
    assert '<a href="/ar/projects/well-kept/" hreflang="ar" lang="ar">' in content
    assert '<a href="/en/projects/well-kept/" hreflang="en" lang="en">' in content
    assert 'href="/fr/projects/well-kept/" hreflang="fr" lang="fr" aria-current="true"' in content


def test_language_switcher_keeps_the_filters_of_a_list(client):
    content = client.get("/en/projects/?status=completed").content.decode()
    assert 'href="/ar/projects/?status=completed" hreflang="ar"' in content


def test_main_navigation_marks_the_current_section(client):
    content = client.get("/en/meetings/").content.decode()
    assert 'href="/en/meetings/" aria-current="page"' in content
    assert 'href="/en/projects/" aria-current' not in content


@pytest.mark.parametrize("lang", ["fr", "ar"])
def test_unknown_page_answers_the_translated_404(client, settings, lang):
    settings.DEBUG = False
    response = client.get(f"/{lang}/no-such-page/")
    assert response.status_code == 404
    content = response.content.decode()
    with translation.override(lang):
        title = translation.gettext("Page not found")
    assert title != "Page not found"  # a real translation, not the English source
    assert f"<h1>{title}</h1>" in content
    assert f'<html lang="{lang}"' in content
    # The switcher still offers the other languages for the same address.
    assert 'href="/en/no-such-page/"' in content


@pytest.mark.parametrize(("lang", "direction"), [("ar", "rtl"), ("fr", "ltr"), ("en", "ltr")])
def test_500_page_renders_without_request_context_or_database(
    django_assert_num_queries, lang, direction
):
    from django.views.defaults import server_error

    request = RequestFactory().get(f"/{lang}/")
    with translation.override(lang), django_assert_num_queries(0):
        response = server_error(request)
        expected = translation.gettext("Server error (500)")
    assert response.status_code == 500
    content = response.content.decode()
    if lang != "en":
        assert expected != "Server error (500)"  # a real translation, not the English source
    assert f"<h1>{expected}</h1>" in content
    assert f'<html lang="{lang}" dir="{direction}">' in content
    assert f'href="/{lang}/"' in content  # back to the home page in the same language


def test_a_crash_under_arabic_addresses_answers_the_arabic_500_page(client, settings, monkeypatch):
    def crash(*args, **kwargs):
        raise RuntimeError("the database went away")

    settings.DEBUG = False
    # The home page fails half-way through, as it would on a lost connection.
    monkeypatch.setattr("portal.site.views.places", crash)
    client.raise_request_exception = False
    response = client.get("/ar/")
    assert response.status_code == 500
    content = response.content.decode()
    with translation.override("ar"):
        title = translation.gettext("Server error (500)")
    assert title != "Server error (500)"
    assert f"<h1>{title}</h1>" in content
    assert '<html lang="ar" dir="rtl">' in content
    assert "the database went away" not in content
    assert "Traceback" not in content


# Home


def test_home_shows_the_soonest_next_and_the_most_recent_past_meetings(client):
    today = timezone.localdate()
    communes = [factories.CommuneFactory() for _ in range(3)]

    def meeting(days: int, **kwargs):
        return factories.MeetingFactory(
            commune=communes[days % 2], start_date=today + datetime.timedelta(days=days), **kwargs
        )

    # Made out of date order, and more on each side than the home page shows.
    future = {days: meeting(days) for days in (9, 2, 30, 0, 5)}
    past = {days: meeting(days) for days in (-40, -1, -12, -3, -7)}
    meeting(1, published=False)
    meeting(-2, published=False)

    response = client.get("/en/")
    assert response.context["next_meetings"] == [future[0], future[2], future[5]]
    assert response.context["latest_meetings"] == [past[-1], past[-3], past[-7]]
    content = response.content.decode()
    # The cards in that order on the page: next meetings, then the latest.
    assert re.findall(r'href="/en/meetings/([^/"]+)/"', content) == [
        m.slug for m in (future[0], future[2], future[5], past[-1], past[-3], past[-7])
    ]
    # Every commune has its entry, the one without any record too.
    assert set(response.context["communes"]) == set(communes)
    for commune in communes:
        assert content.count(f'href="/en/communes/{commune.slug}/"') == 1


def test_home_counts_projects_and_recommendations_by_status(client):
    published_world(3)
    response = client.get("/en/")
    projects = {item.value: item.count for item in response.context["project_status"]["items"]}
    assert projects["planned"] == 2 and projects["completed"] == 1
    assert response.context["recommendation_status"]["total"] == 3


def test_home_status_bar_segments_add_up_to_the_whole(client):
    published_world(3)
    response = client.get("/en/")
    steps = [item.step for item in response.context["project_status"]["items"]]
    assert sum(steps) == 100
    # 2 planned and 1 completed of 3: 65 % and 35 % once rounded to 5 % steps.
    content = response.content.decode()
    assert "status-planned w-65" in content and "status-completed w-35" in content


STATUS_ITEM = re.compile(r'<li class="status-summary__item">(.*?)</li>', re.S)
# The swatch, then the label and its colon in one element (a link or not), then the count.
STATUS_ITEM_SHAPE = re.compile(
    r'<span class="swatch status-\w+" aria-hidden="true"></span>\s*'
    r'<span class="status-summary__label">(<a href="[^"]+">[^<]+</a>|[^<]+):</span>\s*'
    r"<strong>\d+</strong>"
)


def test_home_status_labels_keep_their_colon_whether_linked_or_not(client):
    published_world(3)  # some statuses counted (links), others at zero (plain text)
    content = client.get("/ar/").content.decode()
    items = [item.strip() for item in STATUS_ITEM.findall(content)]
    labels = [STATUS_ITEM_SHAPE.fullmatch(item) for item in items]
    assert items and all(labels), [i for i, m in zip(items, labels, strict=True) if not m]
    linked = [m for m in labels if m.group(1).startswith("<a ")]
    assert linked and len(linked) < len(labels)  # both kinds were checked


def test_unpublished_records_are_absent_from_home_and_its_counts(client):
    commune = published_world(1)
    drafts(commune)
    response = client.get("/en/")
    content = response.content.decode()
    assert "DRAFT-" not in content
    assert response.context["project_status"]["total"] == 1
    assert response.context["recommendation_status"]["total"] == 1
    listed = next(c for c in response.context["communes"] if c.pk == commune.pk)
    # Two of published_world's meetings and the draft recommendation's published one.
    assert (listed.meeting_count, listed.project_count, listed.association_count) == (3, 1, 1)


def test_home_keeps_a_constant_number_of_queries(client):
    published_world(1)
    few = count_queries(client, "/en/")
    published_world(4)
    published_world(4)
    assert count_queries(client, "/en/") == few


# Commune page


def test_commune_page_lists_its_records_and_links_to_filtered_lists(client):
    commune = published_world(2)
    other = published_world(1)
    response = client.get(f"/en/communes/{commune.slug}/")
    content = response.content.decode()
    assert response.context["meeting_count"] == 4
    assert len(response.context["projects"]) == 2
    assert len(response.context["associations"]) == 2
    assert response.context["recommendation_status"]["total"] == 2
    assert f"/en/meetings/?commune={commune.slug}" in content
    assert f"/en/projects/?commune={commune.slug}" in content
    assert f"/en/associations/?commune={commune.slug}" in content
    assert f"/en/recommendations/?commune={commune.slug}" in content
    assert other.name not in content


def test_commune_page_lists_are_bounded(client):
    commune = published_world(8)
    response = client.get(f"/en/communes/{commune.slug}/")
    assert len(response.context["projects"]) == 5
    assert len(response.context["past_meetings"]) == 5
    assert response.context["meeting_count"] == 16


def test_unpublished_records_are_absent_from_the_commune_page(client):
    commune = published_world(1)
    drafts(commune)
    response = client.get(f"/en/communes/{commune.slug}/")
    assert "DRAFT-" not in response.content.decode()
    assert response.context["meeting_count"] == 3
    assert response.context["association_count"] == 1
    assert response.context["project_status"]["total"] == 1
    assert response.context["recommendation_status"]["total"] == 1


def test_unknown_commune_is_404(client):
    assert client.get("/en/communes/nowhere/").status_code == 404


def test_commune_page_keeps_a_constant_number_of_queries(client):
    commune = published_world(1)
    # The first visit stores the data versions nothing has written yet (petitions);
    # the figures are then computed afresh both times.
    client.get(f"/en/communes/{commune.slug}/")
    cache.clear()
    few = count_queries(client, f"/en/communes/{commune.slug}/")
    published_world(5, commune=commune)
    cache.clear()
    assert count_queries(client, f"/en/communes/{commune.slug}/") == few


# Money, numbers and dates


def render(template: str, lang: str, **context) -> str:
    with translation.override(lang):
        return Template("{% load sharaka %}" + template).render(Context(context))


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        ("ar", "1\u00a0500\u00a0000\u00a0د.م."),
        ("fr", "1\u202f500\u202f000\u00a0MAD"),
        ("en", "1,500,000\u00a0MAD"),
    ],
)
def test_mad_writes_amounts_as_each_language_does(lang, expected):
    assert render("{{ amount|mad }}", lang, amount=Decimal("1500000.00")) == expected


def test_mad_keeps_cents_only_when_there_are_some():
    assert render("{{ amount|mad }}", "fr", amount=Decimal("1234.5")) == "1\u202f234,50\u00a0MAD"
    assert render("{{ amount|mad }}", "en", amount=Decimal("1234.5")) == "1,234.50\u00a0MAD"
    assert render("{{ amount|mad }}", "en", amount=None) == ""


def test_arabic_project_page_shows_western_digits_money_and_dates(client):
    project = factories.ProjectFactory(
        budget=Decimal("1500000"), start_date=datetime.date(2010, 3, 1)
    )
    content = client.get(f"/ar/projects/{project.slug}/").content.decode()
    assert "1\u00a0500\u00a0000\u00a0د.م." in content
    with translation.override("ar"):
        assert date_format(project.start_date, "DATE_FORMAT") in content
    assert "2010" in content
    assert not ARABIC_INDIC_DIGITS.search(content)


def test_french_meeting_page_shows_the_french_date(client):
    meeting = factories.MeetingFactory(start_date=datetime.date(2024, 5, 10))
    content = client.get(f"/fr/meetings/{meeting.slug}/").content.decode()
    assert "10 mai 2024" in content


# Pictures


def test_photos_come_with_smaller_renditions_in_srcset(client):
    project = factories.ProjectFactory(title_en="Market hall")
    ProjectPhoto.objects.create(project=project, image=jpeg(1200, 800), caption_en="Roof works")
    content = client.get(f"/en/projects/{project.slug}/").content.decode()
    img = re.search(r'<img [^>]*alt="Photo 1: Market hall"[^>]*>', content).group(0)
    assert 'loading="lazy"' in img and 'decoding="async"' in img
    assert 'width="1200" height="800"' in img
    assert "/en/img/320/projects/photos/" in img and " 320w" in img and " 1200w" in img
    assert 'sizes="' in img
    assert "<figcaption>Roof works</figcaption>" in content


def test_photo_without_caption_gets_a_descriptive_alt_text(client):
    project = factories.ProjectFactory(title_en="Water tower")
    ProjectPhoto.objects.create(project=project, image=jpeg(400, 300))
    content = client.get(f"/en/projects/{project.slug}/").content.decode()
    assert 'alt="Photo 1: Water tower"' in content


def test_rendition_is_a_narrower_copy_of_the_photo(client):
    photo = ProjectPhoto.objects.create(project=factories.ProjectFactory(), image=jpeg(1200, 800))
    response = client.get(f"/en/img/320/{photo.image.name}")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/jpeg"
    assert "immutable" in response["Cache-Control"]
    with Image.open(io.BytesIO(b"".join(response.streaming_content))) as image:
        assert image.size == (320, 213)
    # A second request serves the stored copy.
    assert client.get(f"/en/img/320/{photo.image.name}").status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/en/img/321/projects/photos/photo.jpg",  # not an offered width
        "/en/img/320/projects/photos/missing.jpg",  # no such file
        "/en/img/320/projects/documents/report.jpg",  # not a public picture folder
        "/en/img/320/projects/photos/../../secret.jpg",
    ],
)
def test_rendition_refuses_anything_but_an_existing_public_photo(client, path):
    ProjectPhoto.objects.create(project=factories.ProjectFactory(), image=jpeg(1200, 800))
    assert client.get(path).status_code == 404


def test_page_with_an_arabic_slug_answers_and_keeps_its_address_across_languages(client):
    association = factories.AssociationFactory(slug="جمعية-الأمل")
    response = client.get(association.get_absolute_url())
    assert response.status_code == 200
    content = response.content.decode()
    assert 'href="/fr/associations/%D8%AC%D9%85%D8%B9%D9%8A%D8%A9-' in content
    assert client.get(f"/fr/associations/{association.slug}/").status_code == 200


@pytest.mark.parametrize(
    ("make", "path"),
    [
        (factories.AssociationFactory, "/en/associations/"),
        (factories.ProjectFactory, "/en/projects/"),
        (factories.RecommendationFactory, "/en/recommendations/"),
        (factories.MeetingFactory, "/en/meetings/"),
    ],
    ids=["associations", "projects", "recommendations", "meetings"],
)
def test_a_page_number_past_the_end_or_not_a_number_still_shows_a_page(client, make, path):
    for _ in range(23):
        make()

    def listed(response):
        return {row.pk for row in response.context["page_obj"].object_list}

    beyond = client.get(f"{path}?page=99")
    assert beyond.status_code == 200
    assert beyond.context["page_obj"].number == 2
    assert listed(beyond) == listed(client.get(f"{path}?page=2"))
    assert client.get(f"{path}?page=first").context["page_obj"].number == 1
