"""iCalendar (RFC 5545) files: one meeting, or a commune's upcoming meetings.

Texts (summary, place, description) are in the language of the request, with
the usual fallback to Arabic. A meeting with a start time is a timed event in
Africa/Casablanca; one without is an all-day event whose DTEND is the day
after its last day (DTEND is exclusive). A timed meeting has no known end, so
it carries no DTEND (RFC 5545 §3.6.1 allows that).
"""

import datetime
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Q
from django.http import HttpResponse
from django.shortcuts import get_object_or_404
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from icalendar import Calendar, Event

from portal.links import site_url
from portal.models import Commune

from .models import Meeting

TIMEZONE = ZoneInfo("Africa/Casablanca")
PRODID = "-//Sharaka//Meetings//EN"


def _calendar(name: str) -> Calendar:
    calendar = Calendar()
    calendar.add("prodid", PRODID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    return calendar


def meeting_event(meeting: Meeting) -> Event:
    event = Event()
    # Named by the site's public host, not the request's: the same meeting
    # keeps one UID whatever address it was fetched from.
    event.add("uid", f"meeting-{meeting.pk}@{urlsplit(settings.SITE_URL).hostname}")
    event.add("dtstamp", (meeting.updated_at or timezone.now()).astimezone(datetime.UTC))
    if meeting.start_time:
        start = datetime.datetime.combine(meeting.start_date, meeting.start_time, TIMEZONE)
        event.add("dtstart", start)
    else:
        event.add("dtstart", meeting.start_date)
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


def _response(calendar: Calendar, filename: str) -> HttpResponse:
    calendar.add_missing_timezones()
    response = HttpResponse(calendar.to_ical(), content_type="text/calendar; charset=utf-8")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Content-Language"] = get_language()
    return response


def meeting_calendar(request, slug):
    meeting = get_object_or_404(Meeting.objects.published(), slug=slug)
    calendar = _calendar(meeting.title)
    calendar.add_component(meeting_event(meeting))
    return _response(calendar, f"meeting-{meeting.pk}.ics")


def commune_calendar(request, slug):
    commune = get_object_or_404(Commune, slug=slug)
    today = timezone.localdate()
    # Upcoming, and those still under way (a forum over several days).
    meetings = (
        Meeting.objects.published()
        .filter(commune=commune)
        .filter(Q(start_date__gte=today) | Q(end_date__gte=today))
        .order_by("start_date", "start_time", "pk")
    )
    calendar = _calendar(_("Meetings in %(commune)s") % {"commune": commune.name})
    for meeting in meetings:
        calendar.add_component(meeting_event(meeting))
    return _response(calendar, f"commune-{commune.pk}.ics")
