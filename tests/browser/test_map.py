"""The development map and the small maps in a real browser (Chromium through
Playwright, against a live server). Any console error fails a test, CSP
violations included."""

import os
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.http import HttpResponse
from django.template import engines
from django.urls import path

from projects.models import Project
from projects.widgets import ProjectLocationForm
from tests import factories
from tests.projects import test_map as map_tests
from tests.projects.test_map import local_tiles  # noqa: F401  (autouse fixture)

# Playwright's sync API runs an event loop in this thread; the ORM calls the
# tests make around it are still plain synchronous ones.
os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = Path(django_settings.BASE_DIR) / "test-artifacts"

# --- A page that shows the partials and the picker --------------------------
# The project and meeting pages that include the small maps belong to other
# parts of the site; this page puts the same partials inside base.html.

PREVIEW = """{% extends "base.html" %}
{% block extra_head %}{{ form.media.render_css|join:"" }}{% endblock %}
{% block content %}
<h1>{{ project.title }}</h1>
{% include "projects/includes/_location_map.html" with project=project %}
<h2>Itinerary</h2>
<ol>{% for stop in stops %}<li>{{ stop.project.title }}</li>{% endfor %}</ol>
{% include "meetings/includes/_itinerary_map.html" with meeting=meeting stops=stops %}
<h2>Picker</h2>
{{ form.latitude }}{{ form.longitude }}
{% endblock %}
{% block scripts %}{{ form.media.render_js|join:"" }}{% endblock %}
"""


def _partials_preview(request, visit_id):
    from meetings.models import SiteVisit

    visit = SiteVisit.objects.select_related("meeting").get(pk=visit_id)
    stops = visit.stops.select_related("project").order_by("order")
    project = stops[0].project
    html = (
        engines["django"]
        .from_string(PREVIEW)
        .render(
            {
                "project": project,
                "meeting": visit.meeting,
                "stops": stops,
                "form": ProjectLocationForm(instance=project),
            },
            request,
        )
    )
    return HttpResponse(html)


def _site_urlpatterns():
    if map_tests.project_pages_are_mounted():
        from importlib import import_module

        return list(import_module(django_settings.ROOT_URLCONF).urlpatterns)
    return list(map_tests.urlpatterns)


urlpatterns = [
    path("map-partials-preview/<int:visit_id>/", _partials_preview),
    *_site_urlpatterns(),
]


# --- Fixtures ----------------------------------------------------------------


@pytest.fixture(scope="module")
def browser():
    if not CHROMIUM.exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: install the chromium package.")
        pytest.skip(f"{CHROMIUM} is missing")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# Collected in the page itself: CSP violations that might not reach the console.
RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.__cspViolations.push(event.violatedDirective + " " + event.blockedURI);
});
"""


class Visit:
    """A browser tab on the live server that remembers every error."""

    def __init__(self, browser, base_url):
        self.base_url = base_url
        self.context = browser.new_context(viewport={"width": 1200, "height": 900})
        self.page = self.context.new_page()
        self.errors = []
        self.page.add_init_script(RECORD_CSP_VIOLATIONS)
        self.page.on("console", self._console)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))
        self.page.on("response", self._response)

    # The browser asks for /favicon.ico on its own; the site has none yet and
    # that is not the map's business.
    @staticmethod
    def _is_favicon(url):
        return url.split("?")[0].endswith("/favicon.ico")

    def _console(self, message):
        if message.type == "error" and not self._is_favicon(message.location.get("url", "")):
            self.errors.append(message.text)

    def _response(self, response):
        if response.status >= 400 and not self._is_favicon(response.url):
            self.errors.append(f"{response.status} {response.url}")

    def open(self, url):
        self.page.goto(self.base_url + url)
        return self.page

    def assert_clean(self):
        violations = self.page.evaluate("window.__cspViolations || []")
        assert violations == []
        assert self.errors == []


@pytest.fixture
def visit(browser, live_server, settings):
    settings.ROOT_URLCONF = __name__
    tab = Visit(browser, live_server.url)
    yield tab
    tab.context.close()


def screenshot(page, name):
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / name), full_page=False)


def wait_for_map(page):
    page.wait_for_selector("#project-map[data-loaded='true']")


def guelmim_projects():
    commune = factories.CommuneFactory(name_ar="كلميم", name_fr="Guelmim")
    spots = [
        ("28.983000", "-10.067000", Project.Status.IN_PROGRESS, "سوق الماشية", "Souk"),
        ("28.990000", "-10.050000", Project.Status.COMPLETED, "المحطة الطرقية", "Gare routière"),
        ("28.975000", "-10.080000", Project.Status.PLANNED, "المسبح البلدي", "Piscine"),
    ]
    return [
        factories.ProjectFactory(
            commune=commune,
            latitude=Decimal(lat),
            longitude=Decimal(lon),
            status=status,
            title_ar=title_ar,
            title_fr=title_fr,
        )
        for lat, lon, status, title_ar, title_fr in spots
    ]


# --- Tests -------------------------------------------------------------------


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_map_page_draws_a_marker_per_project(visit, lang):
    projects = guelmim_projects()
    factories.ProjectFactory(
        published=False, latitude=Decimal("28.98"), longitude=Decimal("-10.06")
    )

    page = visit.open(f"/{lang}/map/")
    wait_for_map(page)

    markers = page.locator(".leaflet-marker-icon.map-marker")
    assert markers.count() == len(projects)
    statuses = {markers.nth(i).get_attribute("data-status") for i in range(3)}
    assert statuses == {"in_progress", "completed", "planned"}
    assert page.locator(".map-list-item").count() == len(projects)
    assert page.locator("img.leaflet-tile-loaded").count() > 0
    # Controls sit at the start of the reading direction.
    corner = ".leaflet-top.leaflet-right" if lang == "ar" else ".leaflet-top.leaflet-left"
    assert page.locator(f"{corner} .leaflet-control-zoom").count() == 1
    assert page.locator("html").get_attribute("dir") == ("rtl" if lang == "ar" else "ltr")
    screenshot(page, f"map-{lang}.png")
    visit.assert_clean()


def test_map_page_has_no_serious_accessibility_violations(visit):
    from axe_playwright_python.sync_playwright import Axe

    guelmim_projects()
    page = visit.open("/ar/map/")
    wait_for_map(page)

    results = Axe().run(page)

    serious = [
        (v["id"], [node["target"] for node in v["nodes"]])
        for v in results.response["violations"]
        if v["impact"] in {"serious", "critical"}
    ]
    assert serious == []
    visit.assert_clean()


def test_a_filter_narrows_the_markers(visit):
    guelmim_projects()

    page = visit.open("/fr/map/")
    wait_for_map(page)
    page.select_option("#id_status", "completed")
    page.locator(".map-filter-form button[type=submit]").click()
    page.wait_for_url("**/fr/map/?*status=completed*")
    wait_for_map(page)

    assert page.locator(".leaflet-marker-icon.map-marker").count() == 1
    assert page.locator(".leaflet-marker-icon.map-marker--completed").count() == 1
    assert page.locator(".map-list-item").count() == 1

    # The plain links do the same.
    page.locator(".map-facets a[href='/fr/map/?status=planned']").click()
    page.wait_for_url("**/fr/map/?status=planned")
    wait_for_map(page)
    assert page.locator(".leaflet-marker-icon.map-marker--planned").count() == 1
    assert page.locator(".leaflet-marker-icon.map-marker").count() == 1
    visit.assert_clean()


def test_a_popup_links_to_the_project_page(visit):
    souk = guelmim_projects()[0]

    page = visit.open("/ar/map/")
    wait_for_map(page)
    page.locator(f".leaflet-marker-icon[data-project-id='{souk.pk}']").click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()

    assert "سوق الماشية" in popup.inner_text()
    assert popup.locator(".map-popup").get_attribute("dir") == "rtl"
    link = popup.locator("a.map-popup-link")
    assert link.get_attribute("href") == souk.get_absolute_url()
    screenshot(page, "map-popup-ar.png")
    link.click()
    page.wait_for_url(f"**{souk.get_absolute_url()}")
    visit.assert_clean()


def test_many_projects_show_as_numbered_clusters_that_zoom_in(visit, settings):
    settings.MAP_CLUSTER_THRESHOLD = 5
    commune = factories.CommuneFactory()
    for i in range(12):
        factories.ProjectFactory(
            commune=commune,
            latitude=Decimal("28.900000") + Decimal("0.02") * (i % 4),
            longitude=Decimal("-10.100000") + Decimal("0.03") * (i // 4),
        )
    factories.ProjectFactory(commune=commune, latitude=Decimal("30.5"), longitude=Decimal("-8.9"))

    page = visit.open("/fr/map/")
    wait_for_map(page)
    page.set_viewport_size({"width": 1200, "height": 900})
    clusters = page.locator(".leaflet-marker-icon.map-cluster")
    clusters.first.wait_for()
    counts = [int(clusters.nth(i).inner_text()) for i in range(clusters.count())]
    singles = page.locator(".leaflet-marker-icon.map-marker").count()
    assert sum(counts) + singles == 13
    screenshot(page, "map-clusters-fr.png")

    # The Guelmim cluster: selecting it zooms onto its projects, leaving
    # the Taroudant one out of view.
    guelmim = clusters.filter(has_text="12")
    assert guelmim.count() == 1
    guelmim.click()
    page.locator("#project-map[data-total='12']").wait_for()
    clusters = page.locator(".leaflet-marker-icon.map-cluster")
    counts = [int(clusters.nth(i).inner_text()) for i in range(clusters.count())]
    singles = page.locator(".leaflet-marker-icon.map-marker").count()
    assert sum(counts) + singles == 12
    assert singles + len(counts) > 1
    visit.assert_clean()


def test_small_maps_and_the_location_picker_work_without_csp_errors(visit):
    projects = guelmim_projects()
    visit_record = factories.SiteVisitFactory()
    for order, project in enumerate(projects, start=1):
        factories.SiteVisitStopFactory(visit=visit_record, order=order, project=project)

    page = visit.open(f"/map-partials-preview/{visit_record.pk}/")
    page.wait_for_selector(".mini-map--location[data-loaded='true']")
    page.wait_for_selector(".mini-map--itinerary[data-loaded='true']")
    page.wait_for_selector(".location-picker[data-loaded='true']")

    location = page.locator(".mini-map--location")
    assert location.locator(".leaflet-marker-icon.map-marker--in_progress").count() == 1
    itinerary = page.locator(".mini-map--itinerary")
    numbers = [s.inner_text() for s in itinerary.locator(".leaflet-marker-icon.map-stop").all()]
    assert sorted(numbers) == ["1", "2", "3"]
    assert itinerary.locator("path.map-route").count() == 1

    # The picker: a click on the map fills both fields...
    picker = page.locator(".location-picker")
    latitude, longitude = page.locator("#id_latitude"), page.locator("#id_longitude")
    before = (latitude.input_value(), longitude.input_value())
    picker.scroll_into_view_if_needed()
    box = picker.bounding_box()
    page.mouse.click(box["x"] + box["width"] * 0.25, box["y"] + box["height"] * 0.25)
    after = (latitude.input_value(), longitude.input_value())
    assert after != before
    lat, lon = float(after[0]), float(after[1])
    assert lat > float(before[0]) and lon < float(before[1])  # north-west of the marker
    # ...and typing moves the marker.
    marker = picker.locator(".leaflet-marker-icon.map-marker--picker")
    first_position = marker.bounding_box()
    latitude.fill("28.990000")
    latitude.dispatch_event("input")
    page.wait_for_timeout(400)
    assert marker.bounding_box() != first_position
    screenshot(page, "map-partials.png")
    visit.assert_clean()
