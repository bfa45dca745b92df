"""What search engines read: absolute hreflang and canonical links, the sitemaps, robots.txt;
and the Permissions-Policy header every answer carries."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from portal.site import seo
from tests import factories
from tests.helpers import LANGUAGES

pytestmark = pytest.mark.django_db

SITE = "https://sharaka.example.ma"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


@pytest.fixture(autouse=True)
def _site_url(settings):
    settings.SITE_URL = SITE


def head_links(html: str) -> dict[str, str]:
    """{hreflang or "canonical": href} of the page's <link> elements."""
    found = {}
    for tag in re.findall(r"<link [^>]*>", html):
        href = re.search(r'href="([^"]*)"', tag).group(1)
        if 'rel="canonical"' in tag:
            found["canonical"] = href
        elif hreflang := re.search(r'hreflang="([^"]*)"', tag):
            found[hreflang.group(1)] = href
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_pages_have_absolute_hreflang_and_canonical_links(client, lang):
    project = factories.ProjectFactory(slug="corniche")
    for path in (f"/{lang}/", f"/{lang}/projects/?status=completed", f"/{lang}/projects/corniche/"):
        links = head_links(client.get(path).content.decode())
        assert links["canonical"] == SITE + path.replace("&", "&amp;")
        for code in LANGUAGES:
            assert links[code] == SITE + path.replace(f"/{lang}/", f"/{code}/", 1)
        assert links["x-default"] == links["ar"]
    assert project.pk


def sitemap_urls(client, section: str, page: int | None = None) -> dict[str, dict[str, str]]:
    """{loc: {hreflang: href}} of one section page."""
    response = client.get(
        reverse("sitemap_section", kwargs={"section": section}), {"p": page} if page else {}
    )
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    return {
        url.findtext(f"{SITEMAP}loc"): {
            link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")
        }
        for url in root.findall(f"{SITEMAP}url")
    }


def test_sitemap_index_lists_a_section_per_kind_and_language(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    root = ET.fromstring(response.content)
    locations = [item.findtext(f"{SITEMAP}loc") for item in root.findall(f"{SITEMAP}sitemap")]
    assert locations == [
        f"{SITE}/sitemap-{kind}-{code}.xml" for kind in seo.SECTIONS for code in LANGUAGES
    ]


def test_sitemap_has_every_public_page_in_every_language(client):
    meeting = factories.MeetingFactory(slug="forum")
    project = factories.ProjectFactory(slug="corniche")
    association = factories.AssociationFactory(slug="amal")
    recommendation = factories.RecommendationFactory(meeting=meeting)
    hidden = factories.ProjectFactory(slug="draft", published=False)
    pages = {
        "pages": [reverse(name) for name in seo.STATIC_PAGES],
        "communes": [c.get_absolute_url() for c in (meeting.commune, project.commune)],
        "meetings": [meeting.get_absolute_url()],
        "projects": [project.get_absolute_url()],
        "associations": [association.get_absolute_url()],
        "recommendations": [recommendation.get_absolute_url()],
    }
    for kind, arabic_paths in pages.items():
        for code in LANGUAGES:
            urls = sitemap_urls(client, f"{kind}-{code}")
            for arabic_path in arabic_paths:
                path = arabic_path.replace("/ar/", f"/{code}/", 1)
                assert SITE + path in urls, (kind, code, path)
                alternates = urls[SITE + path]
                assert alternates == {
                    **{
                        other: SITE + arabic_path.replace("/ar/", f"/{other}/", 1)
                        for other in LANGUAGES
                    },
                    "x-default": SITE + arabic_path,
                }
            assert not any(hidden.slug in location for location in urls)


def test_sitemap_sections_are_paged_and_the_index_names_every_page(client, monkeypatch):
    monkeypatch.setattr(seo.PublicSitemap, "limit", 2)
    factories.ProjectFactory.create_batch(5)
    root = ET.fromstring(client.get("/sitemap.xml").content)
    locations = [item.findtext(f"{SITEMAP}loc") for item in root.findall(f"{SITEMAP}sitemap")]
    assert f"{SITE}/sitemap-projects-fr.xml?p=3" in locations
    assert f"{SITE}/sitemap-projects-fr.xml?p=4" not in locations
    seen = set()
    for page in (1, 2, 3):
        seen |= set(sitemap_urls(client, "projects-fr", page))
    assert len(seen) == 5


def test_sitemap_section_query_count_does_not_grow(client):
    factories.ProjectFactory()
    sitemap_urls(client, "projects-ar")  # the sitemap view caches the current Site
    with CaptureQueriesContext(connection) as few:
        sitemap_urls(client, "projects-ar")
    factories.ProjectFactory.create_batch(8)
    with CaptureQueriesContext(connection) as many:
        assert len(sitemap_urls(client, "projects-ar")) == 9
    assert len(few.captured_queries) == len(many.captured_queries)


def test_unknown_sitemap_section_is_404(client):
    assert client.get("/sitemap-nothing-ar.xml").status_code == 404
    assert client.get("/sitemap-projects-ar.xml?p=99").status_code == 404


def test_robots_txt_points_to_the_sitemap_and_keeps_crawlers_out_of_private_pages(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    lines = response.content.decode().splitlines()
    assert lines[0] == "User-agent: *"
    for private in ("/admin/", "/accounts/", "/*/account/", "/*/search/"):
        assert f"Disallow: {private}" in lines
    assert f"Sitemap: {SITE}/sitemap.xml" in lines
    # The public pages stay crawlable.
    with translation.override("fr"):
        assert not any(
            line.startswith("Disallow:") and reverse("projects:list").startswith(line[10:])
            for line in lines
        )


def test_robots_txt_refuses_post(client):
    assert client.post("/robots.txt").status_code == 405


@pytest.mark.parametrize("path", ["/ar/", "/fr/projects/", "/robots.txt", "/admin/login/"])
def test_every_answer_denies_browser_features_the_site_never_uses(client, path):
    policy = client.get(path)["Permissions-Policy"]
    features = dict(item.strip().split("=") for item in policy.split(","))
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert features[feature] == "()"
