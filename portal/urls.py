from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.conf.urls.static import static
from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from . import admin as portal_admin
from . import views

admin.site.site_header = _("Sharaka — back office")
admin.site.site_title = _("Sharaka")
admin.site.index_title = _("Council staff back office")

urlpatterns = [
    # Before the admin's own: "view on site" limited to the staff's communes.
    path(
        "admin/r/<int:content_type_id>/<path:object_id>/",
        admin.site.admin_view(portal_admin.view_on_site),
    ),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("i18n/", include("django.conf.urls.i18n")),
    # robots.txt and the sitemaps, outside the language prefixes.
    path("", include("portal.site.seo")),
]

urlpatterns += i18n_patterns(path("", include("portal.site.urls")))

if settings.DEBUG:
    urlpatterns += static(
        settings.MEDIA_URL, view=views.media_file, document_root=settings.MEDIA_ROOT
    )
