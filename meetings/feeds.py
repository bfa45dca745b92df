"""The Atom feed of a commune's meetings and forums.

Each entry is dated by its meeting (``published``: the day it starts, at its
start time when it has one), newest first; ``updated`` is the record's last
change.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from portal.feeds import FEED_LENGTH, CommuneFeed, tag_uri
from portal.links import site_url

from .models import Meeting


class CommuneMeetingsFeed(CommuneFeed):
    url_name = "commune_meetings"

    def title(self, commune):
        return _("Meetings in %(commune)s") % {"commune": commune.name}

    def subtitle(self, commune):
        return _("New meetings and forums published by %(commune)s.") % {"commune": commune.name}

    def items(self, commune):
        return (
            Meeting.objects.published()
            .filter(commune=commune)
            .order_by("-start_date", "-start_time", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, meeting):
        return meeting.title

    def item_description(self, meeting):
        return meeting.summary or meeting.slogan

    def item_link(self, meeting):
        return site_url(meeting.get_absolute_url())

    def item_guid(self, meeting):
        return tag_uri(meeting.created_at, f"meeting-{meeting.pk}")

    item_guid_is_permalink = False

    def item_pubdate(self, meeting):
        return datetime.datetime.combine(
            meeting.start_date,
            meeting.start_time or datetime.time(),
            timezone.get_default_timezone(),
        )

    def item_updateddate(self, meeting):
        return meeting.updated_at
