"""Atom feeds per commune: new meetings, and recommendation follow-ups.

Each feed is checked against what RFC 4287 requires: a feed id, title,
updated and author; on every entry an id that is an IRI, a title, an updated
date and an alternate link. Every address is absolute from SITE_URL.
"""

import datetime
import re
import time
import xml.etree.ElementTree as ET

import feedparser
import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from recommendations.models import Recommendation
from tests import factories

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
SITE = "https://sharaka.guelmim.ma"
HOST = "sharaka.guelmim.ma"
# RFC 3987: an IRI starts with a scheme and a colon, and holds no white space.
IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:\S+$")


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


def url(name, lang="ar", **kwargs):
    with translation.override(lang):
        return reverse(name, kwargs=kwargs)


def feed_path(name, slug, lang="ar"):
    return url(f"feeds:{name}", lang, slug=slug)


def rfc3339(text):
    assert text, "a date element is empty"
    moment = datetime.datetime.fromisoformat(text)
    assert moment.tzinfo is not None, f"{text} has no time zone offset"
    return moment


def utc_day(moment):
    return moment.astimezone(datetime.UTC).date().isoformat()


def links(element):
    return {
        link.get("rel", "alternate"): link.get("href") for link in element.findall(f"{ATOM}link")
    }


def valid_feed(response, path):
    """Parse the response and assert RFC 4287's required elements on the feed and its entries."""
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    assert b"example.com" not in response.content
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"

    assert root.findtext(f"{ATOM}id") == SITE + path
    assert root.findtext(f"{ATOM}title")
    rfc3339(root.findtext(f"{ATOM}updated"))
    assert root.findtext(f"{ATOM}author/{ATOM}name")
    assert links(root)["self"] == SITE + path

    for entry in root.findall(f"{ATOM}entry"):
        assert IRI.match(entry.findtext(f"{ATOM}id") or ""), entry.findtext(f"{ATOM}id")
        assert entry.findtext(f"{ATOM}title")
        rfc3339(entry.findtext(f"{ATOM}updated"))
        alternate = links(entry)["alternate"]
        assert alternate.startswith(SITE + "/")
    ids = [entry.findtext(f"{ATOM}id") for entry in root.findall(f"{ATOM}entry")]
    assert len(ids) == len(set(ids)), "two entries share an id"
    return root


def entries(root):
    return [
        {
            "title": entry.findtext(f"{ATOM}title"),
            "link": links(entry)["alternate"],
            "id": entry.findtext(f"{ATOM}id"),
            "updated": rfc3339(entry.findtext(f"{ATOM}updated")),
        }
        for entry in root.findall(f"{ATOM}entry")
    ]


def get_feed(client, name, commune, lang="ar"):
    path = feed_path(name, commune.slug, lang)
    return valid_feed(client.get(path), path)


def test_meetings_feed_lists_published_meetings_of_the_commune(client):
    commune = factories.CommuneFactory(name_ar="جماعة كلميم")
    meeting = factories.MeetingFactory(commune=commune, title_ar="لقاء تواصلي مع الجمعيات")
    factories.MeetingFactory(commune=commune, title_ar="لقاء غير منشور", published=False)
    factories.MeetingFactory(title_ar="لقاء في جماعة أخرى")

    root = get_feed(client, "commune_meetings", commune)

    assert "جماعة كلميم" in root.findtext(f"{ATOM}title")
    assert [e["title"] for e in entries(root)] == ["لقاء تواصلي مع الجمعيات"]
    assert entries(root)[0]["link"] == SITE + url("meetings:detail", slug=meeting.slug)


def test_meetings_feed_is_authored_by_the_commune_and_links_to_its_page(client):
    commune = factories.CommuneFactory(name_ar="جماعة كلميم")

    root = get_feed(client, "commune_meetings", commune)

    commune_page = SITE + url("portal:commune_detail", slug=commune.slug)
    assert links(root)["alternate"] == commune_page
    assert root.findtext(f"{ATOM}author/{ATOM}name") == "جماعة كلميم"
    assert root.findtext(f"{ATOM}author/{ATOM}uri") == commune_page


def test_meeting_entry_id_is_a_tag_uri_on_the_sites_host(client):
    meeting = factories.MeetingFactory()
    (entry,) = entries(get_feed(client, "commune_meetings", meeting.commune))

    assert entry["id"] == f"tag:{HOST},{utc_day(meeting.created_at)}:meeting-{meeting.pk}"
    assert entry["updated"] == meeting.updated_at


def test_entry_ids_do_not_change_with_the_language_of_the_feed(client):
    meeting = factories.MeetingFactory()

    in_arabic = entries(get_feed(client, "commune_meetings", meeting.commune, "ar"))
    in_french = entries(get_feed(client, "commune_meetings", meeting.commune, "fr"))

    assert in_arabic[0]["id"] == in_french[0]["id"]
    assert in_arabic[0]["link"] != in_french[0]["link"]


def test_the_two_feeds_of_a_commune_have_different_ids(client):
    commune = factories.CommuneFactory()

    meetings = get_feed(client, "commune_meetings", commune)
    recommendations = get_feed(client, "commune_recommendations", commune)

    assert meetings.findtext(f"{ATOM}id") != recommendations.findtext(f"{ATOM}id")


def test_feed_updated_is_the_latest_entry_change(client):
    commune = factories.CommuneFactory()
    factories.MeetingFactory(commune=commune)
    latest = factories.MeetingFactory(commune=commune)

    root = get_feed(client, "commune_meetings", commune)

    assert rfc3339(root.findtext(f"{ATOM}updated")) == latest.updated_at


def test_meetings_feed_titles_and_links_follow_the_request_language(client):
    commune = factories.CommuneFactory(name_ar="جماعة كلميم", name_fr="Commune de Guelmim")
    meeting = factories.MeetingFactory(
        commune=commune, title_ar="لقاء", title_fr="Rencontre ouverte"
    )

    root = get_feed(client, "commune_meetings", commune, lang="fr")

    assert "Commune de Guelmim" in root.findtext(f"{ATOM}title")
    assert root.get("{http://www.w3.org/XML/1998/namespace}lang") == "fr"
    assert [e["title"] for e in entries(root)] == ["Rencontre ouverte"]
    assert entries(root)[0]["link"] == SITE + url("meetings:detail", "fr", slug=meeting.slug)
    assert entries(root)[0]["link"].startswith(f"{SITE}/fr/")


def test_recommendations_feed_has_one_entry_per_status_change(client):
    commune = factories.CommuneFactory()
    meeting = factories.MeetingFactory(commune=commune)
    recommendation = factories.RecommendationFactory(meeting=meeting, title_ar="تهيئة الطرق")
    earlier = factories.RecommendationUpdateFactory(
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

    found = entries(get_feed(client, "commune_recommendations", commune))

    assert [e["title"] for e in found] == titles
    page = SITE + url("recommendations:detail", pk=recommendation.pk)
    assert [e["link"] for e in found] == [
        f"{page}#update-{later.pk}",
        f"{page}#update-{earlier.pk}",
    ]
    assert [e["id"] for e in found] == [
        f"tag:{HOST},{utc_day(later.created_at)}:recommendation-update-{later.pk}",
        f"tag:{HOST},{utc_day(earlier.created_at)}:recommendation-update-{earlier.pk}",
    ]


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

    found = entries(get_feed(client, "commune_recommendations", commune, "fr"))

    assert [e["title"] for e in found] == [expected]
    assert found[0]["link"].startswith(f"{SITE}/fr/")


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

    root = get_feed(client, "commune_recommendations", commune)

    assert entries(root) == []


@pytest.mark.parametrize("name", ["commune_meetings", "commune_recommendations"])
def test_an_empty_feed_is_still_valid_atom(client, name):
    get_feed(client, name, factories.CommuneFactory())


@pytest.mark.parametrize("name", ["commune_meetings", "commune_recommendations"])
def test_unknown_commune_feed_is_404(client, name):
    assert client.get(feed_path(name, "nowhere")).status_code == 404


@pytest.mark.parametrize("name", ["commune_meetings", "commune_recommendations"])
def test_feed_query_count_does_not_grow(client, name):
    commune = factories.CommuneFactory()
    path = feed_path(name, commune.slug)

    def add():
        meeting = factories.MeetingFactory(commune=commune)
        factories.RecommendationUpdateFactory(
            recommendation=factories.RecommendationFactory(meeting=meeting)
        )

    add()
    valid_feed(client.get(path), path)  # Django's feed view caches the current Site
    with CaptureQueriesContext(connection) as few:
        valid_feed(client.get(path), path)
    for _ in range(6):
        add()
    with CaptureQueriesContext(connection) as many:
        valid_feed(client.get(path), path)
    assert len(few.captured_queries) == len(many.captured_queries)


# --- Summaries, dates and a stable feed, as a feed reader sees them ------------------------

MARKUP = '<img src="https://evil.example/x.png" onerror="alert(1)"> & <b>bold</b>'


@pytest.mark.parametrize("name", ["commune_meetings", "commune_recommendations"])
def test_summaries_with_markup_are_text_in_a_feed_reader(client, name):
    commune = factories.CommuneFactory()
    meeting = factories.MeetingFactory(commune=commune, summary_ar=MARKUP)
    factories.RecommendationUpdateFactory(
        recommendation=factories.RecommendationFactory(meeting=meeting), note_ar=MARKUP
    )
    response = client.get(feed_path(name, commune.slug))
    root = valid_feed(response, feed_path(name, commune.slug))
    (summary,) = root.findall(f"{ATOM}entry/{ATOM}summary")
    assert summary.get("type") == "text"
    assert summary.text == MARKUP

    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.bozo_exception
    (entry,) = parsed.entries
    # The reader shows the characters; nothing of it becomes an element.
    assert entry.summary_detail.type == "text/plain"
    assert entry.summary == MARKUP


def test_meeting_entries_are_dated_by_the_meeting(client):
    commune = factories.CommuneFactory()
    older = factories.MeetingFactory(commune=commune, start_date=datetime.date(2009, 5, 10))
    timed = factories.MeetingFactory(
        commune=commune,
        start_date=datetime.date(2012, 5, 19),
        start_time=datetime.time(9, 30),
    )
    response = client.get(feed_path("commune_meetings", commune.slug))
    valid_feed(response, feed_path("commune_meetings", commune.slug))
    parsed = feedparser.parse(response.content)
    assert [entry.link for entry in parsed.entries] == [
        SITE + timed.get_absolute_url(),
        SITE + older.get_absolute_url(),
    ]
    # 09:30 in Guelmim in May 2012 (summer time, UTC+1) is 08:30 UTC; an all-day
    # meeting starts at local midnight, which in May 2009 (UTC+0) was midnight UTC.
    assert parsed.entries[0].published_parsed[:5] == (2012, 5, 19, 8, 30)
    assert parsed.entries[1].published_parsed[:5] == (2009, 5, 10, 0, 0)


def test_feed_updated_ignores_a_meeting_published_for_the_future(client):
    commune = factories.CommuneFactory()
    upcoming = factories.MeetingFactory(commune=commune, start_date=datetime.date(2099, 1, 1))
    root = get_feed(client, "commune_meetings", commune)
    assert rfc3339(root.findtext(f"{ATOM}updated")) == upcoming.updated_at


@pytest.mark.parametrize("name", ["commune_meetings", "commune_recommendations"])
def test_an_empty_feed_keeps_the_same_updated_date(client, name):
    commune = factories.CommuneFactory()
    first = get_feed(client, name, commune).findtext(f"{ATOM}updated")
    time.sleep(1.1)
    again = get_feed(client, name, commune).findtext(f"{ATOM}updated")
    assert first == again
