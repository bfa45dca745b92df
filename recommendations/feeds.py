"""The Atom feed of a commune's follow-ups of recommendations."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from portal.feeds import FEED_LENGTH, CommuneFeed, tag_uri
from portal.links import site_url

from .models import Recommendation, RecommendationUpdate


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
        return site_url(f"{update.recommendation.get_absolute_url()}#update-{update.pk}")

    def item_guid(self, update):
        return tag_uri(update.created_at, f"recommendation-update-{update.pk}")

    item_guid_is_permalink = False

    def item_pubdate(self, update):
        return datetime.datetime.combine(
            update.date, datetime.time(), timezone.get_current_timezone()
        )

    def item_updateddate(self, update):
        return update.updated_at
