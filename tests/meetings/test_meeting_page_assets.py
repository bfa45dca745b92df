"""Map scripts and stylesheets: declared once by the page, only when it draws a map."""

from decimal import Decimal

import pytest

from tests import factories

pytestmark = pytest.mark.django_db

MAP_ASSETS = (
    "vendor/leaflet/leaflet.css",
    "css/map.css",
    "vendor/leaflet/leaflet.js",
    "js/leaflet-setup.js",
    "js/mini-map.js",
)


def located_visit(meeting, *points):
    visit = factories.SiteVisitFactory(meeting=meeting)
    for order, (lat, lng) in enumerate(points, start=1):
        factories.SiteVisitStopFactory(
            visit=visit,
            order=order,
            project=factories.ProjectFactory(latitude=Decimal(lat), longitude=Decimal(lng)),
        )
    return visit


def unlocated_visit(meeting):
    visit = factories.SiteVisitFactory(meeting=meeting)
    factories.SiteVisitStopFactory(
        visit=visit, project=factories.ProjectFactory(latitude=None, longitude=None)
    )
    return visit


def page(client, url):
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def test_meeting_with_two_located_site_visits_loads_leaflet_once(client):
    meeting = factories.MeetingFactory()
    unlocated_visit(meeting)  # no map for this one, before the located ones
    first = located_visit(meeting, ("28.983", "-10.067"), ("29.000", "-10.050"))
    second = located_visit(meeting, ("30.467", "-8.867"))

    html = page(client, f"/ar/meetings/{meeting.slug}/")

    assert html.count('class="mini-map mini-map--itinerary"') == 2
    assert f'data-points-id="itinerary-points-{first.pk}"' in html
    assert f'data-points-id="itinerary-points-{second.pk}"' in html
    for asset in MAP_ASSETS:
        assert html.count(asset) == 1, asset
    assert html.count("leaflet.js") == 1
    head, body = html.split("</head>")
    assert "leaflet.css" in head and "css/map.css" in head
    # Deferred scripts run in document order: Leaflet, the set-up, then the maps.
    scripts = [body.index(name) for name in MAP_ASSETS[2:]]
    assert scripts == sorted(scripts)
    assert body.index("js/mini-map.js") > body.index("</main>")


def test_meeting_without_a_located_stop_loads_no_leaflet(client):
    meeting = factories.MeetingFactory()
    unlocated_visit(meeting)

    html = page(client, f"/fr/meetings/{meeting.slug}/")

    assert "itinerary__stop" in html  # the visit and its stop are listed...
    assert "mini-map" not in html  # ...without a map
    assert "leaflet" not in html.lower()
    assert "css/map.css" not in html and "js/mini-map.js" not in html


def test_meeting_without_site_visits_loads_no_leaflet(client):
    meeting = factories.MeetingFactory()

    html = page(client, f"/en/meetings/{meeting.slug}/")

    assert "leaflet" not in html.lower()


def test_project_page_with_a_location_loads_its_map_assets_once(client):
    project = factories.ProjectFactory()

    html = page(client, f"/ar/projects/{project.slug}/")

    assert html.count('class="mini-map mini-map--location"') == 1
    for asset in MAP_ASSETS:
        assert html.count(asset) == 1, asset
    assert f"?commune={project.commune.slug}" in html


def test_project_page_without_a_location_loads_no_leaflet(client):
    project = factories.ProjectFactory(latitude=None, longitude=None, location_name_ar="حي")

    html = page(client, f"/ar/projects/{project.slug}/")

    assert "mini-map" not in html
    assert "leaflet" not in html.lower()
