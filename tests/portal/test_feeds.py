"""Atom feeds per commune: new meetings, and recommendation follow-ups."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from recommendations.models import Recommendation
from tests import factories

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"


def feed_url(name, slug, lang="ar"):
    with translation.override(lang):
        return reverse(f"feeds:{name}", kwargs={"slug": slug})


def parse(response):
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    return root


def entries(root):
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "link": entry.find(f"{ATOM}link").get("href"),
            "id": entry.findtext(f"{ATOM}id"),
        }
        for entry in root.findall(f"{ATOM}entry")
    ]


def test_meetings_feed_lists_published_meetings_of_the_commune(client):
    commune = factories.CommuneFactory(name_ar="جماعة كلميم")
    meeting = factories.MeetingFactory(commune=commune, title_ar="لقاء تواصلي مع الجمعيات")
    factories.MeetingFactory(commune=commune, title_ar="لقاء غير منشور", published=False)
    factories.MeetingFactory(title_ar="لقاء في جماعة أخرى")
    root = parse(client.get(feed_url("commune_meetings", commune.slug)))
    assert "جماعة كلميم" in root.findtext(f"{ATOM}title")
    found = entries(root)
    assert [e["title"] for e in found] == ["لقاء تواصلي مع الجمعيات"]
    # Feeds link through django.contrib.sites, as Django's feeds do.
    assert found[0]["link"].endswith(meeting.get_absolute_url())


def test_meetings_feed_titles_follow_the_request_language(client):
    commune = factories.CommuneFactory(name_ar="جماعة كلميم", name_fr="Commune de Guelmim")
    factories.MeetingFactory(commune=commune, title_ar="لقاء", title_fr="Rencontre ouverte")
    root = parse(client.get(feed_url("commune_meetings", commune.slug, lang="fr")))
    assert "Commune de Guelmim" in root.findtext(f"{ATOM}title")
    assert [e["title"] for e in entries(root)] == ["Rencontre ouverte"]
    assert "/fr/" in entries(root)[0]["link"]


def test_recommendations_feed_has_one_entry_per_status_change(client):
    commune = factories.CommuneFactory()
    meeting = factories.MeetingFactory(commune=commune)
    recommendation = factories.RecommendationFactory(meeting=meeting, title_ar="تهيئة الطرق")
    factories.RecommendationUpdateFactory(
        recommendation=recommendation,
        date=datetime.date(2024, 6, 1),
        status=Recommendation.Status.ADOPTED,
    )
    later = factories.RecommendationUpdateFactory(
        recommendation=recommendation,
        date=datetime.date(2024, 9, 1),
        status=Recommendation.Status.IN_PROGRESS,
    )
    with translation.override("ar"):
        adopted = Recommendation.Status.ADOPTED.label
        in_progress = Recommendation.Status.IN_PROGRESS.label
        titles = [f"تهيئة الطرق: {in_progress}", f"تهيئة الطرق: {adopted}"]
    found = entries(parse(client.get(feed_url("commune_recommendations", commune.slug))))
    assert [e["title"] for e in found] == titles
    assert found[0]["link"].endswith(f"{recommendation.get_absolute_url()}#update-{later.pk}")
    assert len({e["id"] for e in found}) == 2


def test_recommendations_feed_titles_follow_the_request_language(client):
    commune = factories.CommuneFactory()
    recommendation = factories.RecommendationFactory(
        meeting=factories.MeetingFactory(commune=commune),
        title_ar="تهيئة الطرق",
        title_fr="Aménager les routes",
    )
    factories.RecommendationUpdateFactory(
        recommendation=recommendation, status=Recommendation.Status.IMPLEMENTED
    )
    with translation.override("fr"):
        expected = f"Aménager les routes : {Recommendation.Status.IMPLEMENTED.label}"
    found = entries(parse(client.get(feed_url("commune_recommendations", commune.slug, "fr"))))
    assert [e["title"] for e in found] == [expected]


def test_recommendations_feed_leaves_out_unpublished_recommendations_and_meetings(client):
    commune = factories.CommuneFactory()
    hidden_meeting = factories.MeetingFactory(commune=commune, published=False)
    factories.RecommendationUpdateFactory(
        recommendation=factories.RecommendationFactory(meeting=hidden_meeting, title_ar="مخفية 1")
    )
    factories.RecommendationUpdateFactory(
        recommendation=factories.RecommendationFactory(
            meeting=factories.MeetingFactory(commune=commune),
            title_ar="مخفية 2",
            published=False,
        )
    )
    factories.RecommendationUpdateFactory(
        recommendation=factories.RecommendationFactory(title_ar="جماعة أخرى")
    )
    root = parse(client.get(feed_url("commune_recommendations", commune.slug)))
    assert entries(root) == []


@pytest.mark.parametrize("name", ["commune_meetings", "commune_recommendations"])
def test_unknown_commune_feed_is_404(client, name):
    assert client.get(feed_url(name, "nowhere")).status_code == 404


@pytest.mark.parametrize("name", ["commune_meetings", "commune_recommendations"])
def test_feed_query_count_does_not_grow(client, name):
    commune = factories.CommuneFactory()

    def add():
        meeting = factories.MeetingFactory(commune=commune)
        factories.RecommendationUpdateFactory(
            recommendation=factories.RecommendationFactory(meeting=meeting)
        )

    add()
    parse(client.get(feed_url(name, commune.slug)))  # the current Site is cached after this
    with CaptureQueriesContext(connection) as few:
        parse(client.get(feed_url(name, commune.slug)))
    for _ in range(6):
        add()
    with CaptureQueriesContext(connection) as many:
        parse(client.get(feed_url(name, commune.slug)))
    assert len(few.captured_queries) == len(many.captured_queries)
