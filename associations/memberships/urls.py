"""The request to represent an association, at /<lang>/account/join/<slug>/.

``portal/site/urls.py`` mounts these in the ``memberships`` namespace, beside
the user's own page.
"""

from django.urls import path

from . import views

urlpatterns = [
    path("join/<str:slug>/", views.request_membership, name="request"),
]
