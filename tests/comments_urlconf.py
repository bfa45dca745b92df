"""URLconf for the comment and membership tests: the site's own, plus what is not mounted yet.

Once `portal/public_urls.py` mounts `projects.comment_urls` and
`associations.membership_urls` and the project page exists, this adds
nothing but a test-only admin site carrying the moderation admin, so the
tests run against the real URLs. The test admin site carries the moderation
and membership-decision pieces the real admin wires in.
"""

from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.admin import AdminSite
from django.http import HttpResponse
from django.urls import NoReverseMatch, include, path, reverse

from associations.membership_admin import MembershipDecisionMixin
from associations.models import Membership
from portal.urls import urlpatterns as site_urlpatterns
from projects.comment_admin import CommentAdmin, CommentReportAdmin
from projects.models import Comment, CommentReport


def _mounted(name: str, **kwargs) -> bool:
    try:
        reverse(name, urlconf="portal.urls", kwargs=kwargs or None)
    except NoReverseMatch:
        return False
    return True


def project_page_stub(request, slug):
    return HttpResponse(f"project {slug}")


missing = []
if not _mounted("projects:detail", slug="x"):
    missing.append(
        path(
            "projects/",
            include(([path("<str:slug>/", project_page_stub, name="detail")], "projects")),
        )
    )
if not _mounted("comments:post", slug="x"):
    missing.append(path("projects/", include("projects.comment_urls")))
if not _mounted("memberships:mine"):
    missing.append(path("account/", include("associations.membership_urls")))

moderation_site = AdminSite(name="moderation")
moderation_site.register(Comment, CommentAdmin)
moderation_site.register(CommentReport, CommentReportAdmin)


class MembershipAdmin(MembershipDecisionMixin, admin.ModelAdmin):
    list_display = ("user", "association", "role", "status")


moderation_site.register(Membership, MembershipAdmin)

urlpatterns = [path("moderation-admin/", moderation_site.urls)]
if missing:
    urlpatterns += i18n_patterns(*missing)
urlpatterns += site_urlpatterns
