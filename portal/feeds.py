"""Atom feeds per commune: new meetings, and follow-ups of recommendations."""

import datetime

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


def _commune_link(commune: Commune) -> str:
    try:
        return commune.get_absolute_url()
    except NoReverseMatch:  # no commune page on this site: the home page
        return reverse("portal:home")


class CommuneFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, slug):
        return get_object_or_404(Commune, slug=slug)

    def link(self, commune):
        return _commune_link(commune)


class CommuneMeetingsFeed(CommuneFeed):
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
        return meeting.get_absolute_url()

    def item_guid(self, meeting):
        return f"meeting-{meeting.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, meeting):
        return meeting.created_at

    def item_updateddate(self, meeting):
        return meeting.updated_at


class CommuneRecommendationUpdatesFeed(CommuneFeed):
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
        return f"{update.recommendation.get_absolute_url()}#update-{update.pk}"

    def item_guid(self, update):
        return f"recommendation-update-{update.pk}"

    item_guid_is_permalink = False

    def item_pubdate(self, update):
        return datetime.datetime.combine(
            update.date, datetime.time(), timezone.get_current_timezone()
        )

    def item_updateddate(self, update):
        return update.updated_at
