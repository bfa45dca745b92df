from django.urls import path

from . import map_views

app_name = "map"

urlpatterns = [
    path("", map_views.map_index, name="index"),
    path("projects.geojson", map_views.projects_geojson, name="geojson"),
]
