from django.urls import path

from . import feeds, views

app_name = "petitions"

urlpatterns = [
    path("", views.petition_list, name="list"),
    path("new/", views.petition_new, name="new"),
    path("<int:pk>/", views.petition_detail, name="detail"),
    path("<int:pk>/sign/", views.sign, name="sign"),
    path("<int:pk>/withdraw/", views.withdraw, name="withdraw"),
    path("<int:pk>/file/", views.file, name="file"),
    path("<int:pk>/signatories/", views.signatories, name="signatories"),
]

# Mounted by portal/site/urls.py in the ``feeds`` namespace, beside the other apps' feeds.
feed_urlpatterns = [
    path(
        "feeds/communes/<str:slug>/petitions/",
        feeds.CommunePetitionsFeed(),
        name="commune_petitions",
    ),
]
