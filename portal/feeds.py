"""The Atom feed of a commune: what every app's commune feed shares.

Every address is absolute from ``SITE_URL`` (``portal.links.site_url``).
Each app publishes its own records: ``meetings/feeds.py`` (new meetings),
``recommendations/feeds.py`` (follow-ups).
"""

import datetime
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from .links import site_url
from .models import Commune

FEED_LENGTH = 30
#: The ``updated`` date of a feed with no entry yet. Django would put the
#: time of the request, so a reader would see the feed change on every poll.
EMPTY_FEED_UPDATED = datetime.datetime(2009, 1, 1, tzinfo=datetime.UTC)


class AtomFeed(Atom1Feed):
    """Atom whose summaries are plain text, with an ``updated`` date that only entries move.

    Django's Atom writer declares every summary ``type="html"``; ours are
    texts that staff typed, where ``<img …>`` is to be read, not rendered.
    """

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, {**item, "description": None})
        if item.get("description"):
            handler.addQuickElement("summary", item["description"], {"type": "text"})

    def latest_post_date(self):
        # The entries' own updated dates (Django also counts their published
        # dates, and a meeting to come is published in the future).
        dates = [item["updateddate"] or item["pubdate"] for item in self.items]
        dates = [date for date in dates if date]
        return max(dates) if dates else EMPTY_FEED_UPDATED


def tag_uri(created: datetime.datetime, specific: str) -> str:
    """A permanent atom:id (RFC 4151): the site's host, the day the record was made, its key.

    It names the record, not its page, so it does not change with the
    language of the feed or with a new address for the page.
    """
    host = urlsplit(settings.SITE_URL).hostname
    day = created.astimezone(datetime.UTC).date().isoformat()
    return f"tag:{host},{day}:{specific}"


class CommuneFeed(Feed):
    feed_type = AtomFeed
    url_name: str  # the feed's own name in feeds/urls

    def get_object(self, request, slug):
        return get_object_or_404(Commune, slug=slug)

    def link(self, commune):
        return site_url(commune.get_absolute_url())

    def feed_url(self, commune):
        return site_url(reverse(f"feeds:{self.url_name}", kwargs={"slug": commune.slug}))

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
