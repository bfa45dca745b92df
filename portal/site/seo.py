"""What search engines read: ``/sitemap.xml`` and ``/robots.txt``.

The sitemap is an index of sections, one per kind of page and language, each
paged at :attr:`PublicSitemap.limit` addresses, so no answer grows with the
country's data: a section page is a count and one slice of primary keys
(Django's i18n sitemaps would load every row of a kind for each page). Each
address lists its versions in the other languages (``xhtml:link
hreflang``), with Arabic as ``x-default``. Every address is absolute from
``SITE_URL``, like the pages' own ``hreflang`` and canonical links.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemap_views
from django.contrib.sitemaps.views import SitemapIndexItem
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import translation
from django.views.decorators.http import require_safe

from associations.models import Association
from meetings.models import Meeting
from petitions.models import Petition
from portal import languages
from portal.links import site_url
from portal.models import Commune
from projects.models import Project
from recommendations.models import Recommendation

#: Lists and pages that are not records, by URL name.
STATIC_PAGES = (
    "portal:home",
    "meetings:list",
    "projects:list",
    "map:index",
    "associations:list",
    "recommendations:list",
    "petitions:list",
    "certificates:verify",
    "opendata:index",
)


class PublicSitemap(Sitemap):
    """One language's addresses of one kind of page, with the other languages as alternates."""

    limit = 10_000

    def __init__(self, language: str):
        self.language = language

    def get_protocol(self, protocol=None):
        return urlsplit(settings.SITE_URL).scheme

    def get_domain(self, site=None):
        return urlsplit(settings.SITE_URL).netloc

    def path_in(self, item, language: str) -> str:
        with translation.override(language):
            return self.path(item)

    def path(self, item) -> str:
        return item.get_absolute_url()

    def location(self, item):
        return self.path_in(item, self.language)

    def _urls(self, page, protocol, domain):
        urls = super()._urls(page, protocol, domain)
        for url in urls:
            versions = {code: self.path_in(url["item"], code) for code in languages.codes()}
            url["alternates"] = [
                {"location": site_url(location), "lang_code": code}
                for code, location in versions.items()
            ] + [{"location": site_url(versions[settings.LANGUAGE_CODE]), "lang_code": "x-default"}]
        return urls


class StaticSitemap(PublicSitemap):
    def items(self):
        return list(STATIC_PAGES)

    def path(self, item):
        return reverse(item)


class RecordSitemap(PublicSitemap):
    """Published records of one model, by primary key; only what the address needs is read."""

    queryset = None
    fields: tuple[str, ...] = ("slug",)

    def items(self):
        return self.queryset().only("pk", *self.fields).order_by("pk")


class CommuneSitemap(RecordSitemap):
    def queryset(self):
        return Commune.objects.all()


class AssociationSitemap(RecordSitemap):
    fields = ("slug", "updated_at")

    def queryset(self):
        return Association.objects.published()

    def lastmod(self, item):
        return item.updated_at


class MeetingSitemap(AssociationSitemap):
    def queryset(self):
        return Meeting.objects.published()


class ProjectSitemap(AssociationSitemap):
    def queryset(self):
        return Project.objects.published()


class RecommendationSitemap(AssociationSitemap):
    fields = ("updated_at",)

    def queryset(self):
        return Recommendation.objects.published()


class PetitionSitemap(AssociationSitemap):
    fields = ("updated_at",)

    def queryset(self):
        return Petition.objects.published()


SECTIONS = {
    "pages": StaticSitemap,
    "communes": CommuneSitemap,
    "associations": AssociationSitemap,
    "meetings": MeetingSitemap,
    "projects": ProjectSitemap,
    "recommendations": RecommendationSitemap,
    "petitions": PetitionSitemap,
}
SITEMAPS = {
    f"{name}-{code}": section(code)
    for name, section in SECTIONS.items()
    for code in languages.codes()
}

ROBOTS = """User-agent: *
Disallow: /admin/
Disallow: /accounts/
Disallow: /i18n/
Disallow: /*/search/
Disallow: /*/account/
Allow: /

Sitemap: {sitemap}
"""


@require_safe
def robots_txt(request):
    text = ROBOTS.format(sitemap=site_url(reverse("sitemap_index")))
    return HttpResponse(text, content_type="text/plain; charset=utf-8")


@require_safe
def sitemap_index(request):
    """Every section's pages (Django's index would name the request's host, not SITE_URL)."""
    sitemaps = []
    for name, sitemap in SITEMAPS.items():
        location = site_url(reverse("sitemap_section", kwargs={"section": name}))
        sitemaps.append(SitemapIndexItem(location, None))
        for page in range(2, sitemap.paginator.num_pages + 1):
            sitemaps.append(SitemapIndexItem(f"{location}?p={page}", None))
    return TemplateResponse(
        request,
        "sitemap_index.xml",
        {"sitemaps": sitemaps},
        content_type="application/xml",
    )


@require_safe
def sitemap_section(request, section):
    return sitemap_views.sitemap(request, SITEMAPS, section=section)


urlpatterns = [
    path("robots.txt", robots_txt, name="robots_txt"),
    path("sitemap.xml", sitemap_index, name="sitemap_index"),
    path("sitemap-<str:section>.xml", sitemap_section, name="sitemap_section"),
]
