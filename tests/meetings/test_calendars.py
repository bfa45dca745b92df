"""Meeting calendars (.ics): one meeting, and a commune's meetings of the last year and to come."""

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


def test_timed_meeting_starts_at_its_instant_in_utc(client):
    meeting = factories.MeetingFactory(
        start_date=datetime.date(2024, 11, 20), start_time=datetime.time(10, 30)
    )
    response = client.get(ics_url("meeting_ics", meeting.slug))
    (event,) = events(response)
    start = event.decoded("dtstart")
    assert start == datetime.datetime(2024, 11, 20, 10, 30, tzinfo=ZoneInfo("Africa/Casablanca"))
    assert b"DTSTART:20241120T093000Z" in response.content
    assert "dtend" not in event
    assert b"VTIMEZONE" not in response.content


def test_timed_meeting_in_ramadan_is_at_utc_plus_0(client):
    # Morocco's clock is at UTC+0 during Ramadan (here 2024-03-11 to 2024-04-14).
    meeting = factories.MeetingFactory(
        start_date=datetime.date(2024, 3, 20), start_time=datetime.time(10, 30)
    )
    response = client.get(ics_url("meeting_ics", meeting.slug))
    assert b"DTSTART:20240320T103000Z" in response.content


def test_meeting_calendar_file_is_named_after_the_meeting(client):
    meeting = factories.MeetingFactory(slug="forum-2024")
    response = client.get(ics_url("meeting_ics", meeting.slug))
    assert response["Content-Disposition"] == 'inline; filename="forum-2024.ics"'


def test_uid_names_the_site_not_the_host_the_file_was_fetched_from(client, settings):
    settings.SITE_URL = "https://sharaka.example.ma"
    settings.ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
    meeting = factories.MeetingFactory()
    path = ics_url("meeting_ics", meeting.slug)
    uids = {
        str(event["uid"])
        for host in ("127.0.0.1", "localhost")
        for event in events(client.get(path, HTTP_HOST=host))
    }
    assert uids == {f"meeting-{meeting.pk}@sharaka.example.ma"}


def test_calendar_name_and_texts_are_escaped(client):
    title = "Forum, 2nd edition; \\ ateliers\nsuite"
    meeting = factories.MeetingFactory(title_ar=title, venue_ar="Salle A, étage 1; aile B")
    response = client.get(ics_url("meeting_ics", meeting.slug))
    unfolded = response.content.decode().replace("\r\n ", "")
    assert "X-WR-CALNAME:Forum\\, 2nd edition\\; \\\\ ateliers\\nsuite\r\n" in unfolded
    assert "NAME:Forum\\, 2nd edition\\; \\\\ ateliers\\nsuite\r\n" in unfolded
    calendar = Calendar.from_ical(response.content)
    (event,) = calendar.walk("VEVENT")
    assert str(event["summary"]) == title
    assert str(event["location"]) == "Salle A, étage 1; aile B"


def test_meeting_page_links_its_calendar(client):
    meeting = factories.MeetingFactory()
    response = client.get(meeting.get_absolute_url())
    assert response.status_code == 200
    link = ics_url("meeting_ics", meeting.slug)
    assert f'href="{link}" type="text/calendar" download' in response.content.decode()
    assert client.get(link).status_code == 200


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


def test_commune_calendar_holds_last_year_and_upcoming_published_meetings(client):
    commune = factories.CommuneFactory(slug="guelmim", name_ar="كلميم")
    today = timezone.localdate()
    soon = factories.MeetingFactory(
        commune=commune, title_ar="قريبا", start_date=today + datetime.timedelta(days=3)
    )
    far = factories.MeetingFactory(
        commune=commune, title_ar="بعيد", start_date=today + datetime.timedelta(days=900)
    )
    ongoing = factories.MeetingFactory(
        commune=commune,
        title_ar="جار",
        start_date=today - datetime.timedelta(days=1),
        end_date=today + datetime.timedelta(days=1),
    )
    last_month = factories.MeetingFactory(
        commune=commune, title_ar="مضى", start_date=today - datetime.timedelta(days=30)
    )
    eleven_months = factories.MeetingFactory(
        commune=commune, title_ar="قبل أشهر", start_date=today - datetime.timedelta(days=335)
    )
    factories.MeetingFactory(
        commune=commune, title_ar="قديم", start_date=today - datetime.timedelta(days=400)
    )
    factories.MeetingFactory(
        commune=commune,
        title_ar="مخفي",
        start_date=today + datetime.timedelta(days=3),
        published=False,
    )
    factories.MeetingFactory(title_ar="جماعة أخرى", start_date=today + datetime.timedelta(days=3))
    response = client.get(ics_url("commune_ics", commune.slug))
    found = events(response)
    assert [str(e["uid"]).split("@")[0] for e in found] == [
        f"meeting-{m.pk}" for m in (eleven_months, last_month, ongoing, soon, far)
    ]
    assert response["Content-Disposition"] == 'inline; filename="guelmim-meetings.ics"'
    assert "X-WR-CALNAME:لقاءات كلميم\r\n" in response.content.decode()


def test_commune_page_links_its_calendar_and_feeds(client):
    commune = factories.CommuneFactory()
    content = client.get(commune.get_absolute_url()).content.decode()
    for name in ("commune_ics", "commune_meetings", "commune_recommendations"):
        assert f'href="{ics_url(name, commune.slug)}"' in content


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
