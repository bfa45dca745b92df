"""Public pages, mounted under the language prefix (/ar/, /fr/, /en/).

Each app owns the URL module of its pages; this one mounts them and adds
the pages that combine apps. A few namespaces gather addresses from several
places under the name the templates already use: ``portal`` (home, commune
pages and picture renditions), ``feeds`` (each app's calendars and feeds)
and ``memberships`` (a user's own page beside the request to join).
"""

from django.urls import include, path

from associations.memberships import urls as membership_urls
from meetings import urls as meeting_urls
from petitions import urls as petition_urls
from portal import views as portal_views
from recommendations import urls as recommendation_urls

from . import directory, opendata, search, suggest, views

portal_patterns = [
    path("", views.home, name="home"),
    path("communes/", views.commune_directory, name="communes"),
    path("communes/<str:slug>/", views.commune_detail, name="commune_detail"),
    path("suggest/<slug:kind>/", suggest.suggest, name="suggest"),
    path("institutions/<int:pk>/", directory.institution_detail, name="institution_detail"),
    path("people/<int:pk>/", directory.person_detail, name="person_detail"),
    path("img/<int:width>/<path:name>", portal_views.image_rendition, name="image"),
]

feed_patterns = [
    *meeting_urls.feed_urlpatterns,
    *recommendation_urls.feed_urlpatterns,
    *petition_urls.feed_urlpatterns,
]

account_patterns = [
    path("", views.account, name="mine"),
    *membership_urls.urlpatterns,
]

opendata_patterns = [path("open-data/", opendata.index, name="index")] + [
    path(
        f"{dataset.key}/export.{fmt}",
        opendata.export,
        {"dataset": dataset.key, "fmt": fmt},
        name=f"{dataset.key}_{fmt}",
    )
    for dataset in opendata.DATASETS
    for fmt in dataset.formats
]

urlpatterns = [
    path("", include((portal_patterns, "portal"))),
    path("associations/", include("associations.urls")),
    path("meetings/", include("meetings.urls")),
    path("projects/", include("projects.urls")),
    path("projects/", include("projects.comments.urls")),
    path("account/", include((account_patterns, "memberships"))),
    path("recommendations/", include("recommendations.urls")),
    path("petitions/", include("petitions.urls")),
    path("map/", include("projects.map.urls")),
    path("certificates/", include("meetings.certificates.urls")),
    path("search/", include(([path("", search.index, name="index")], "search"))),
    path("", include((feed_patterns, "feeds"))),
    path("", include((opendata_patterns, "opendata"))),
]
