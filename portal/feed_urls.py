"""Calendars (.ics) and Atom feeds, mounted under the language prefix."""

from django.urls import path

from . import calendars, feeds

app_name = "feeds"

urlpatterns = [
    path("calendar/meetings/<str:slug>.ics", calendars.meeting_calendar, name="meeting_ics"),
    path("calendar/communes/<str:slug>.ics", calendars.commune_calendar, name="commune_ics"),
    path(
        "feeds/communes/<str:slug>/meetings/",
        feeds.CommuneMeetingsFeed(),
        name="commune_meetings",
    ),
    path(
        "feeds/communes/<str:slug>/recommendations/",
        feeds.CommuneRecommendationUpdatesFeed(),
        name="commune_recommendations",
    ),
]
