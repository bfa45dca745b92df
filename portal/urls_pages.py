from django.urls import path

from . import views

app_name = "portal"

urlpatterns = [
    path("", views.home, name="home"),
    path("communes/<str:slug>/", views.commune_detail, name="commune_detail"),
    path("img/<int:width>/<path:name>", views.image_rendition, name="image"),
]
