"""The development map and the small maps on the real pages, with the demo
records, in a real browser (the shared `page` fixture fails a test on any
console error or CSP violation)."""

from decimal import Decimal

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.test import Client

from projects.models import Project
from tests import factories
from tests.browser.helpers import SCREENSHOTS, screenshot
from tests.browser.pages import GUELMIM_MEETING, GUELMIM_PROJECT
from tests.projects.map.test_map import local_tiles  # noqa: F401  (autouse fixture)


def wait_for_map(page):
    """Until the answer for the map's latest view is drawn (map.js clears
    aria-busy only then), so a moveend after fitBounds cannot redraw later."""
    page.wait_for_selector("#project-map[data-loaded='true']:not([aria-busy])")


def located_projects():
    return Project.objects.published().filter(latitude__isnull=False, longitude__isnull=False)


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_map_page_draws_a_marker_per_demo_project(page, live_server, demo_data, lang):
    projects = located_projects()
    assert projects.count() > 15

    page.goto(f"{live_server.url}/{lang}/map/")
    wait_for_map(page)

    markers = page.locator(".leaflet-marker-icon.map-marker")
    clusters = page.locator(".leaflet-marker-icon.map-cluster")
    shown = markers.count() + sum(int(c.inner_text()) for c in clusters.all())
    assert shown == projects.count()
    assert page.locator(".map-list-item").count() == projects.count()
    assert page.locator("img.leaflet-tile-loaded").count() > 0
    # Controls sit at the start of the reading direction.
    corner = ".leaflet-top.leaflet-right" if lang == "ar" else ".leaflet-top.leaflet-left"
    assert page.locator(f"{corner} .leaflet-control-zoom").count() == 1
    assert page.locator("html").get_attribute("dir") == ("rtl" if lang == "ar" else "ltr")
    screenshot(page, f"map-{lang}")


def drag_the_map(page, dx, dy):
    """Drag the map by (dx, dy) pixels and wait for the GeoJSON of the new view."""
    box = page.locator("#project-map").bounding_box()
    x, y = box["x"] + box["width"] * 0.3, box["y"] + box["height"] * 0.7
    with page.expect_response(lambda response: "projects.geojson" in response.url):
        page.mouse.move(x, y)
        page.mouse.down()
        page.mouse.move(x + dx / 2, y + dy / 2, steps=4)
        page.mouse.move(x + dx, y + dy, steps=4)
        page.mouse.up()


def project_markers(page):
    return page.locator(".leaflet-marker-icon.map-marker")


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_a_filter_link_and_the_form_narrow_the_markers_and_a_popup_opens_the_project(
    page, live_server, demo_data, lang
):
    project = Project.objects.get(slug=GUELMIM_PROJECT)
    same_status = located_projects().filter(status=project.status)
    same_sector = same_status.filter(sector=project.sector)
    assert located_projects().count() > same_status.count() > same_sector.count() > 0
    title = getattr(project, f"title_{lang}")

    page.goto(f"{live_server.url}/{lang}/map/")
    wait_for_map(page)

    # A quick filter is a plain link: the next page draws only its projects.
    link = page.locator(f"#facet-status + ul a[href='/{lang}/map/?status={project.status}']")
    link.click()
    page.wait_for_url(f"**/{lang}/map/?status={project.status}")
    wait_for_map(page)
    assert project_markers(page).count() == same_status.count()
    assert page.locator(f".map-marker--{project.status}.leaflet-marker-icon").count() == (
        same_status.count()
    )
    assert page.locator(".map-list-item").count() == same_status.count()
    assert link.get_attribute("aria-current") == "true"

    # The form keeps that filter and adds the sector.
    assert page.locator("#id_status").input_value() == project.status
    page.select_option("#id_sector", project.sector.slug)
    page.locator(".map-filter-form button[type=submit]").click()
    page.wait_for_url(f"**/{lang}/map/?*sector={project.sector.slug}*")
    wait_for_map(page)
    assert project_markers(page).count() == same_sector.count()
    assert page.locator(".map-list-item").count() == same_sector.count()

    # The project's marker opens a popup in the page's language and direction.
    marker = page.locator(f".leaflet-marker-icon[data-project-id='{project.pk}']")
    marker.click()
    popup = page.locator(".leaflet-popup-content")
    popup.wait_for()
    # Moving the map loads the view again but keeps the markers that stay,
    # and so the open popup.
    marker.evaluate("icon => { icon.dataset.beforeTheMove = 'yes'; }")
    drag_the_map(page, 40, 30)
    wait_for_map(page)
    assert marker.get_attribute("data-before-the-move") == "yes"
    assert popup.count() == 1
    assert title in popup.inner_text()
    assert popup.locator(".map-popup").get_attribute("dir") == ("rtl" if lang == "ar" else "ltr")
    popup_link = popup.locator("a.map-popup-link")
    assert popup_link.get_attribute("href") == f"/{lang}/projects/{project.slug}/"
    # Resizing the window would close the popup: one shot, at this width.
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"map-popup-{lang}-1280.png"))
    popup_link.click()
    page.wait_for_url(f"**/{lang}/projects/{project.slug}/")
    assert page.locator("h1").inner_text().strip() == title


def test_many_projects_show_as_numbered_clusters(page, live_server, transactional_db, settings):
    settings.MAP_CLUSTER_THRESHOLD = 5
    commune = factories.CommuneFactory()
    for i in range(12):
        factories.ProjectFactory(
            commune=commune,
            latitude=Decimal("28.900000") + Decimal("0.02") * (i % 4),
            longitude=Decimal("-10.100000") + Decimal("0.03") * (i // 4),
        )
    factories.ProjectFactory(commune=commune, latitude=Decimal("30.5"), longitude=Decimal("-8.9"))

    page.goto(f"{live_server.url}/fr/map/")
    wait_for_map(page)
    clusters = page.locator(".leaflet-marker-icon.map-cluster")
    clusters.first.wait_for()
    counts = [int(c.inner_text()) for c in clusters.all()]
    singles = page.locator(".leaflet-marker-icon.map-marker").count()
    assert sum(counts) + singles == 13

    # Selecting the Guelmim cluster zooms onto its projects.
    guelmim = clusters.filter(has_text="12")
    assert guelmim.count() == 1
    guelmim.click()
    page.locator("#project-map[data-total='12']").wait_for()
    wait_for_map(page)
    clusters = page.locator(".leaflet-marker-icon.map-cluster")
    counts = [int(c.inner_text()) for c in clusters.all()]
    singles = page.locator(".leaflet-marker-icon.map-marker").count()
    assert sum(counts) + singles == 12
    assert singles + len(counts) > 1


@pytest.mark.parametrize("lang", ["ar", "fr"])
def test_guelmim_meeting_draws_its_fifteen_numbered_stops(page, live_server, demo_data, lang):
    page.goto(f"{live_server.url}/{lang}/meetings/{GUELMIM_MEETING}/")
    itinerary = page.locator(".mini-map--itinerary")
    page.wait_for_selector(".mini-map--itinerary[data-loaded='true']")

    numbers = [s.inner_text() for s in itinerary.locator(".leaflet-marker-icon.map-stop").all()]
    assert sorted(numbers, key=int) == [str(n) for n in range(1, 16)]
    assert itinerary.locator("path.map-route").count() == 1
    assert page.locator(".itinerary__stop").count() == 15


def test_project_page_shows_its_small_map(page, live_server, demo_data):
    project = Project.objects.get(slug=GUELMIM_PROJECT)

    page.goto(f"{live_server.url}/ar/projects/{project.slug}/")
    page.wait_for_selector(".mini-map--location[data-loaded='true']")

    location = page.locator(".mini-map--location")
    assert location.locator(f".leaflet-marker-icon.map-marker--{project.status}").count() == 1


def sign_in_as_demo_superuser(page, live_server):
    client = Client()
    client.force_login(get_user_model().objects.get(username="demo-admin"))
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def test_admin_project_page_has_the_location_picker(page, live_server, demo_data):
    project = Project.objects.get(slug=GUELMIM_PROJECT)
    sign_in_as_demo_superuser(page, live_server)

    page.goto(f"{live_server.url}/admin/projects/project/{project.pk}/change/")
    page.wait_for_selector(".location-picker[data-loaded='true']")

    # A click on the map fills both fields...
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
    latitude.fill(f"{lat + 0.01:.6f}")
    latitude.dispatch_event("input")
    page.wait_for_timeout(400)
    assert marker.bounding_box() != first_position
    screenshot(page, "admin-location-picker")
