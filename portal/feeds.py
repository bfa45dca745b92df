"""Atom feeds per commune: new meetings, and follow-ups of recommendations.

Every address is absolute from ``settings.SITE_URL``, the site's public
address, rather than from the Sites framework, whose domain nobody sets.
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext as _

from meetings.models import Meeting
from portal.models import Commune
from recommendations.models import Recommendation, RecommendationUpdate

FEED_LENGTH = 30


def absolute(path: str) -> str:
    return settings.SITE_URL + path


def tag_uri(created: datetime.datetime, specific: str) -> str:
    """A permanent atom:id (RFC 4151): the site's host, the day the record was made, its key.

    It names the record, not its page, so it does not change with the
    language of the feed or with a new address for the page.
    """
    host = urlsplit(settings.SITE_URL).hostname
    day = created.astimezone(datetime.UTC).date().isoformat()
    return f"tag:{host},{day}:{specific}"


def _commune_path(commune: Commune) -> str:
    try:
        return commune.get_absolute_url()
    except NoReverseMatch:  # no commune page on this site: the home page
        return reverse("portal:home")


class CommuneFeed(Feed):
    feed_type = Atom1Feed
    url_name: str  # the feed's own name in feeds/urls

    def get_object(self, request, slug):
        return get_object_or_404(Commune, slug=slug)

    def link(self, commune):
        return absolute(_commune_path(commune))

    def feed_url(self, commune):
        return absolute(reverse(f"feeds:{self.url_name}", kwargs={"slug": commune.slug}))

    def feed_guid(self, commune):
        # The commune page is the alternate link of both feeds, so it cannot
        # be the id of either: each feed is named by its own address.
        return self.feed_url(commune)

    # The commune publishes these records: it is the author of the feed
    # (RFC 4287 wants an author on the feed or on every entry).
    def author_name(self, commune):
        return commune.name

    def author_link(self, commune):
        return self.link(commune)


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
        return absolute(meeting.get_absolute_url())

    def item_guid(self, meeting):
        return tag_uri(meeting.created_at, f"meeting-{meeting.pk}")

    item_guid_is_permalink = False

    def item_pubdate(self, meeting):
        return meeting.created_at

    def item_updateddate(self, meeting):
        return meeting.updated_at


class CommuneRecommendationUpdatesFeed(CommuneFeed):
    url_name = "commune_recommendations"

    def title(self, commune):
        return _("Follow-up of recommendations in %(commune)s") % {"commune": commune.name}

    def subtitle(self, commune):
        return _("Each change in the status of a recommendation, as it is recorded.")

    def items(self, commune):
        published = Recommendation.objects.published().filter(meeting__commune=commune)
        return (
            RecommendationUpdate.objects.filter(recommendation__in=published)
            .select_related("recommendation")
            .order_by("-date", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, update):
        return _("%(recommendation)s: %(status)s") % {
            "recommendation": update.recommendation.title,
            "status": update.get_status_display(),
        }

    def item_description(self, update):
        return update.note

    def item_link(self, update):
        return absolute(f"{update.recommendation.get_absolute_url()}#update-{update.pk}")

    def item_guid(self, update):
        return tag_uri(update.created_at, f"recommendation-update-{update.pk}")

    item_guid_is_permalink = False

    def item_pubdate(self, update):
        return datetime.datetime.combine(
            update.date, datetime.time(), timezone.get_current_timezone()
        )

    def item_updateddate(self, update):
        return update.updated_at
