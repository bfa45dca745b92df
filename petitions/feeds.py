"""The Atom feed of a commune's petitions: each step of their procedure, as it is recorded.

Entries are dated by the step (``published``: its date), newest first;
``updated`` is when the step was recorded, which does not change. No entry
names a signatory or the agent.
"""

import datetime

from django.utils import timezone
from django.utils.translation import gettext as _

from portal.feeds import FEED_LENGTH, CommuneFeed, tag_uri
from portal.links import site_url

from .models import Petition, PetitionEvent


class CommunePetitionsFeed(CommuneFeed):
    url_name = "commune_petitions"

    def title(self, commune):
        return _("Petitions to the council of %(commune)s") % {"commune": commune.name}

    def subtitle(self, commune):
        return _("Each step of the petitions filed with the council, as it is recorded.")

    def items(self, commune):
        return (
            PetitionEvent.objects.filter(
                petition__in=Petition.objects.public().filter(commune=commune)
            )
            .exclude(status=Petition.Status.DRAFT)
            .select_related("petition")
            .order_by("-date", "-pk")[:FEED_LENGTH]
        )

    def item_title(self, event):
        return _("%(petition)s: %(status)s") % {
            "petition": event.petition.title,
            "status": event.get_status_display(),
        }

    def item_description(self, event):
        return event.text or event.petition.objectives

    def item_link(self, event):
        return site_url(f"{event.petition.get_absolute_url()}#step-{event.pk}")

    def item_guid(self, event):
        return tag_uri(event.created_at, f"petition-step-{event.pk}")

    item_guid_is_permalink = False

    def item_pubdate(self, event):
        return datetime.datetime.combine(
            event.date, datetime.time(), timezone.get_current_timezone()
        )

    def item_updateddate(self, event):
        return event.created_at
