"""Meeting calendars (.ics): one meeting, and a commune's upcoming meetings."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone, translation
from icalendar import Calendar

from tests import factories

pytestmark = pytest.mark.django_db


def ics_url(name, slug, lang="ar"):
    with translation.override(lang):
        return reverse(f"feeds:{name}", kwargs={"slug": slug})


def events(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    calendar = Calendar.from_ical(response.content)
    return list(calendar.walk("VEVENT"))


def test_all_day_meeting_ends_the_day_after_its_last_day(client):
    meeting = factories.MeetingFactory(
        title_ar="منتدى الجمعيات",
        start_date=datetime.date(2024, 5, 10),
        end_date=datetime.date(2024, 5, 11),
        venue_ar="قاعة الاجتماعات",
        summary_ar="دورة ثانية",
    )
    (event,) = events(client.get(ics_url("meeting_ics", meeting.slug)))
    assert str(event["uid"]) == f"meeting-{meeting.pk}@127.0.0.1"
    assert event.decoded("dtstart") == datetime.date(2024, 5, 10)
    assert event.decoded("dtend") == datetime.date(2024, 5, 12)
    assert isinstance(event.decoded("dtstamp"), datetime.datetime)
    assert str(event["summary"]) == "منتدى الجمعيات"
    assert str(event["location"]) == "قاعة الاجتماعات"
    assert str(event["description"]) == "دورة ثانية"
    assert str(event["url"]) == f"{settings.SITE_URL}{meeting.get_absolute_url()}"


def test_one_day_meeting_without_end_date_ends_next_day(client):
    meeting = factories.MeetingFactory(start_date=datetime.date(2024, 5, 10))
    (event,) = events(client.get(ics_url("meeting_ics", meeting.slug)))
    assert event.decoded("dtend") == datetime.date(2024, 5, 11)


def test_timed_meeting_starts_at_local_time_in_casablanca(client):
    meeting = factories.MeetingFactory(
        start_date=datetime.date(2024, 11, 20), start_time=datetime.time(10, 30)
    )
    response = client.get(ics_url("meeting_ics", meeting.slug))
    (event,) = events(response)
    start = event.decoded("dtstart")
    assert start == datetime.datetime(2024, 11, 20, 10, 30, tzinfo=ZoneInfo("Africa/Casablanca"))
    assert event["dtstart"].params["TZID"] == "Africa/Casablanca"
    assert "dtend" not in event
    assert b"BEGIN:VTIMEZONE" in response.content


def test_texts_follow_the_request_language(client):
    meeting = factories.MeetingFactory(
        title_ar="لقاء تواصلي", title_fr="Rencontre de communication", venue_fr="Salle des fêtes"
    )
    (event,) = events(client.get(ics_url("meeting_ics", meeting.slug, lang="fr")))
    assert str(event["summary"]) == "Rencontre de communication"
    assert str(event["location"]) == "Salle des fêtes"
    assert str(event["url"]).startswith(f"{settings.SITE_URL}/fr/")


def test_unpublished_meeting_calendar_is_404(client):
    meeting = factories.MeetingFactory(published=False)
    assert client.get(ics_url("meeting_ics", meeting.slug)).status_code == 404


def test_unknown_meeting_calendar_is_404(client):
    assert client.get(ics_url("meeting_ics", "no-such-meeting")).status_code == 404


def test_commune_calendar_lists_upcoming_published_meetings_only(client):
    commune = factories.CommuneFactory()
    today = timezone.localdate()
    soon = factories.MeetingFactory(
        commune=commune, title_ar="قريبا", start_date=today + datetime.timedelta(days=3)
    )
    ongoing = factories.MeetingFactory(
        commune=commune,
        title_ar="جار",
        start_date=today - datetime.timedelta(days=1),
        end_date=today + datetime.timedelta(days=1),
    )
    factories.MeetingFactory(
        commune=commune, title_ar="مضى", start_date=today - datetime.timedelta(days=30)
    )
    factories.MeetingFactory(
        commune=commune,
        title_ar="مخفي",
        start_date=today + datetime.timedelta(days=3),
        published=False,
    )
    factories.MeetingFactory(title_ar="جماعة أخرى", start_date=today + datetime.timedelta(days=3))
    found = events(client.get(ics_url("commune_ics", commune.slug)))
    assert [str(e["uid"]).split("@")[0] for e in found] == [
        f"meeting-{ongoing.pk}",
        f"meeting-{soon.pk}",
    ]


def test_unknown_commune_calendar_is_404(client):
    assert client.get(ics_url("commune_ics", "nowhere")).status_code == 404


def test_commune_calendar_query_count_does_not_grow(client):
    commune = factories.CommuneFactory()
    start = timezone.localdate() + datetime.timedelta(days=5)
    factories.MeetingFactory(commune=commune, start_date=start)
    with CaptureQueriesContext(connection) as few:
        client.get(ics_url("commune_ics", commune.slug))
    factories.MeetingFactory.create_batch(8, commune=commune, start_date=start)
    with CaptureQueriesContext(connection) as many:
        client.get(ics_url("commune_ics", commune.slug))
    assert len(few.captured_queries) == len(many.captured_queries)
