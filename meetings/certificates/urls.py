from django.urls import path

from . import views

app_name = "certificates"

urlpatterns = [
    path("verify/", views.verify, name="verify"),
    path("verify/<str:code>/", views.verify_code, name="verify_code"),
    path("<str:code>/print/", views.print_view, name="print"),
    path("<str:code>/pdf/", views.pdf_view, name="pdf"),
]
