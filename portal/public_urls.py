"""Public pages, mounted under the language prefix (/ar/, /fr/, /en/).

Each part of the site has its own URL module, owned by its app.
"""

from django.urls import include, path

urlpatterns = [
    path("", include("portal.urls_pages")),
    path("associations/", include("associations.urls")),
    path("meetings/", include("meetings.urls")),
    path("projects/", include("projects.urls")),
    path("projects/", include("projects.comment_urls")),
    path("account/", include("associations.membership_urls")),
    path("recommendations/", include("recommendations.urls")),
    path("map/", include("projects.map_urls")),
    path("certificates/", include("meetings.certificate_urls")),
    path("search/", include("portal.search_urls")),
    path("", include("portal.feed_urls")),
    path("", include("portal.opendata_urls")),
]
