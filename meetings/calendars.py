"""iCalendar (RFC 5545) files: one meeting, or a commune's meetings of the last year and to come.

Texts (summary, place, description) are in the language of the request, with
the usual fallback to Arabic. A meeting with a start time is a timed event
written in UTC (``DTSTART:…Z``); one without is an all-day event whose DTEND
is the day after its last day (DTEND is exclusive). A timed meeting has no
known end, so it carries no DTEND (RFC 5545 §3.6.1 allows that).

Why UTC rather than a VTIMEZONE: Morocco moves its clocks back for Ramadan
and forward after it, on dates announced each year. A VTIMEZONE has to list
every one of those changes, and clients read it differently (icalendar's
generated Africa/Casablanca zone left out several Ramadan changes; ical.js
reads only the first date of a multi-valued RDATE line), so a meeting could
show an hour off. An instant in UTC, converted here with Python's time-zone
database, means the same moment in every client, which shows it in its
user's own zone.
"""

import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe
from icalendar import Calendar, Event, vText

from portal.links import site_url
from portal.models import Commune

from .models import Meeting

TIMEZONE = ZoneInfo("Africa/Casablanca")
PRODID = "-//Sharaka//Meetings//EN"
#: How far back a commune's calendar goes: a subscriber still sees last
#: year's meetings (and their reports' addresses), not only those to come.
COMMUNE_CALENDAR_PAST_DAYS = 365


def new_calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    # As text, so that commas, semicolons, backslashes and line breaks in a
    # title are escaped (an X- property is otherwise written as it is).
    calendar.add("name", vText(name))
    calendar.add("x-wr-calname", vText(name))
    return calendar


def meeting_uid(meeting: Meeting) -> str:
    """Named by the site's public host, never the request's: one meeting, one UID."""
    return f"meeting-{meeting.pk}@{urlsplit(settings.SITE_URL).hostname}"


def meeting_start(meeting: Meeting) -> datetime.datetime | datetime.date:
    """The instant a timed meeting starts (in UTC), or the first day of an all-day one."""
    if meeting.start_time is None:
        return meeting.start_date
    local = datetime.datetime.combine(meeting.start_date, meeting.start_time, TIMEZONE)
    return local.astimezone(datetime.UTC)


def meeting_event(meeting: Meeting) -> Event:
    event = Event()
    event.add("uid", meeting_uid(meeting))
    event.add("dtstamp", (meeting.updated_at or timezone.now()).astimezone(datetime.UTC))
    event.add("dtstart", meeting_start(meeting))
    if meeting.start_time is None:
        last_day = meeting.end_date or meeting.start_date
        event.add("dtend", last_day + datetime.timedelta(days=1))
    event.add("summary", meeting.title)
    if meeting.venue:
        event.add("location", meeting.venue)
    description = meeting.summary or meeting.slogan
    if description:
        event.add("description", description)
    event.add("url", site_url(meeting.get_absolute_url()))
    if meeting.status == Meeting.Status.CANCELLED:
        event.add("status", "CANCELLED")
    elif meeting.status == Meeting.Status.HELD:
        event.add("status", "CONFIRMED")
    else:
        event.add("status", "TENTATIVE")
    return event


def calendar_file(name: str, meetings) -> bytes:
    calendar = new_calendar(name)
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting))
    return calendar.to_ical()


def _response(content: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(content, content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(False, filename)
    response["Content-Language"] = get_language()
    return response


@require_safe
def meeting_calendar(request, slug):
    meeting = get_object_or_404(Meeting.objects.published(), slug=slug)
    return _response(calendar_file(meeting.title, [meeting]), f"{meeting.slug}.ics")


def commune_calendar_meetings(commune: Commune):
    """The commune's published meetings of the last year, and all those to come."""
    since = timezone.localdate() - datetime.timedelta(days=COMMUNE_CALENDAR_PAST_DAYS)
    return (
        Meeting.objects.published()
        .filter(commune=commune)
        .filter(Q(start_date__gte=since) | Q(end_date__gte=since))
        .order_by("start_date", "start_time", "pk")
    )


@require_safe
def commune_calendar(request, slug):
    commune = get_object_or_404(Commune, slug=slug)
    name = _("Meetings in %(commune)s") % {"commune": commune.name}
    return _response(
        calendar_file(name, commune_calendar_meetings(commune)), f"{commune.slug}-meetings.ics"
    )
