from django.urls import path

from . import views

app_name = "associations"

urlpatterns = [
    path("", views.association_list, name="list"),
    path("<str:slug>/", views.association_detail, name="detail"),
]
