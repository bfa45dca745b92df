"""The Atom feed of a commune's new meetings and forums."""

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
            .order_by("-created_at", "-pk")[:FEED_LENGTH]
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
        return meeting.created_at

    def item_updateddate(self, meeting):
        return meeting.updated_at
