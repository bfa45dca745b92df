"""Comment endpoints, mounted under /<lang>/projects/ beside the project pages."""

from django.urls import path

from . import views

app_name = "comments"

urlpatterns = [
    path("<str:slug>/comments/", views.post, name="post"),
    path("<str:slug>/comments/<int:pk>/reply/", views.reply, name="reply"),
    path("<str:slug>/comments/<int:pk>/edit/", views.edit, name="edit"),
    path("<str:slug>/comments/<int:pk>/delete/", views.delete, name="delete"),
    path("<str:slug>/comments/<int:pk>/report/", views.report, name="report"),
]
