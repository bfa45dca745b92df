from django.urls import path

from . import feeds, views

app_name = "recommendations"

urlpatterns = [
    path("", views.recommendation_list, name="list"),
    path("<int:pk>/", views.recommendation_detail, name="detail"),
]

# Mounted by portal/site/urls.py in the ``feeds`` namespace, beside the other apps' feeds.
feed_urlpatterns = [
    path(
        "feeds/communes/<str:slug>/recommendations/",
        feeds.CommuneRecommendationUpdatesFeed(),
        name="commune_recommendations",
    ),
]
