from django.urls import path

from . import calendars, feeds, views

app_name = "meetings"

urlpatterns = [
    path("", views.meeting_list, name="list"),
    path("<str:slug>/", views.meeting_detail, name="detail"),
]

# Mounted by portal/site/urls.py in the ``feeds`` namespace, beside the other apps' feeds.
feed_urlpatterns = [
    path("calendar/meetings/<str:slug>.ics", calendars.meeting_calendar, name="meeting_ics"),
    path("calendar/communes/<str:slug>.ics", calendars.commune_calendar, name="commune_ics"),
    path(
        "feeds/communes/<str:slug>/meetings/",
        feeds.CommuneMeetingsFeed(),
        name="commune_meetings",
    ),
]
