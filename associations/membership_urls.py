"""A user's own pages, mounted at /<lang>/account/."""

from django.urls import path

from . import membership_views as views

app_name = "memberships"

urlpatterns = [
    path("", views.mine, name="mine"),
    path("join/<str:slug>/", views.request_membership, name="request"),
]
