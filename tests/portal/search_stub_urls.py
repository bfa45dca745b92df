"""Stand-in detail pages for the search, calendar and feed tests.

The search, calendars and feeds link to the detail pages of associations,
meetings, projects, recommendations and communes. Where those pages do not
exist yet, the tests use this URL configuration: the real search, calendar
and feed URLs, and empty pages under the real names.
"""

from django.conf.urls.i18n import i18n_patterns
from django.http import HttpResponse
from django.urls import NoReverseMatch, include, path, reverse


def _page(request, **kwargs):
    return HttpResponse("")


def _detail(namespace, route):
    return include(([path(route, _page, name="detail")], namespace))


urlpatterns = i18n_patterns(
    path(
        "",
        include(
            (
                [
                    path("", _page, name="home"),
                    path("communes/<str:slug>/", _page, name="commune_detail"),
                ],
                "portal",
            )
        ),
    ),
    path("associations/", _detail("associations", "<str:slug>/")),
    path("meetings/", _detail("meetings", "<str:slug>/")),
    path("projects/", _detail("projects", "<str:slug>/")),
    path("recommendations/", _detail("recommendations", "<int:pk>/")),
    path("search/", include("portal.search_urls")),
    path("", include("portal.feed_urls")),
)

_NEEDED = [
    ("portal:commune_detail", {"slug": "x"}),
    ("associations:detail", {"slug": "x"}),
    ("meetings:detail", {"slug": "x"}),
    ("projects:detail", {"slug": "x"}),
    ("recommendations:detail", {"pk": 1}),
    ("search:index", {}),
    ("feeds:commune_meetings", {"slug": "x"}),
]


def use_until_detail_pages_exist(settings):
    """Switch ``settings`` to these URLs if the site lacks a page the tests link to."""
    try:
        for name, kwargs in _NEEDED:
            reverse(name, kwargs=kwargs)
    except NoReverseMatch:
        settings.ROOT_URLCONF = __name__
