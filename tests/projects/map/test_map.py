"""The public development map: its page, its GeoJSON, the small maps and the
admin location picker."""

import datetime
import json
import re
from decimal import Decimal

import pytest
from django.contrib.admin import AdminSite, ModelAdmin
from django.db.models import F
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import timezone, translation
from django.utils.http import http_date

from projects.models import Project
from projects.widgets import ProjectLocationForm
from tests import factories


@pytest.fixture(autouse=True)
def local_tiles(settings):
    settings.MAP_TILE_URL = "/static/img/blank-tile.png"


# --- Helpers -----------------------------------------------------------------

GUELMIM = (Decimal("28.983000"), Decimal("-10.067000"))
TAROUDANT = (Decimal("30.467000"), Decimal("-8.867000"))


def located(lat_lon, **kwargs):
    lat, lon = lat_lon
    return factories.ProjectFactory(latitude=lat, longitude=lon, **kwargs)


def geojson(client, lang="en", **params):
    response = client.get(f"/{lang}/map/projects.geojson", params)
    assert response.status_code == 200, response.content
    return json.loads(response.content)


def a_date_after_every_change():
    """An If-Modified-Since later than every change so far."""
    return http_date(timezone.now().timestamp() + 1)


def feature_ids(collection):
    return {f["properties"]["id"] for f in collection["features"] if "id" in f["properties"]}


def cluster_total(collection):
    return sum(
        f["properties"]["count"] if f["properties"].get("cluster") else 1
        for f in collection["features"]
    )


# --- GeoJSON -----------------------------------------------------------------


def test_geojson_is_a_feature_collection_of_points_in_longitude_latitude_order(client, db):
    project = located(GUELMIM, title_en="Guelmim market", progress=55)

    response = client.get("/en/map/projects.geojson")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/geo+json"
    collection = json.loads(response.content)
    assert collection["type"] == "FeatureCollection"
    [feature] = collection["features"]
    assert feature["type"] == "Feature"
    assert feature["geometry"] == {"type": "Point", "coordinates": [-10.067, 28.983]}
    assert feature["properties"] == {
        "id": project.pk,
        "title": "Guelmim market",
        "status": "in_progress",
        "sector": project.sector.name_ar,  # no English name: the Arabic one
        "progress": 55,
        "url": project.get_absolute_url(),
    }


def test_geojson_properties_follow_the_language_with_arabic_fallback(client, db):
    sector = factories.SectorFactory(name_ar="الماء", name_fr="Eau", name_en="")
    project = located(GUELMIM, title_ar="سوق", title_fr="Marché", title_en="", sector=sector)

    arabic = geojson(client, "ar")["features"][0]["properties"]
    french = geojson(client, "fr")["features"][0]["properties"]
    english = geojson(client, "en")["features"][0]["properties"]

    assert (arabic["title"], arabic["sector"]) == ("سوق", "الماء")
    assert (french["title"], french["sector"]) == ("Marché", "Eau")
    assert (english["title"], english["sector"]) == ("سوق", "الماء")
    with translation.override("fr"):
        assert french["url"] == project.get_absolute_url()


def test_geojson_leaves_out_unpublished_projects_and_projects_without_a_location(client, db):
    shown = located(GUELMIM)
    located(GUELMIM, published=False)
    factories.ProjectFactory(latitude=None, longitude=None)

    assert feature_ids(geojson(client)) == {shown.pk}


@pytest.mark.parametrize("facet", ["commune", "plan", "sector", "status"])
def test_each_filter_narrows_the_geojson(client, db, facet):
    commune = factories.CommuneFactory()
    plan = factories.DevelopmentPlanFactory(commune=commune)
    sector = factories.SectorFactory()
    wanted = located(
        GUELMIM, commune=commune, plan=plan, sector=sector, status=Project.Status.COMPLETED
    )
    other = located(GUELMIM, status=Project.Status.PLANNED)
    value = {
        "commune": commune.slug,
        "plan": plan.slug,
        "sector": sector.slug,
        "status": "completed",
    }[facet]

    assert feature_ids(geojson(client)) == {wanted.pk, other.pk}
    assert feature_ids(geojson(client, **{facet: value})) == {wanted.pk}


def test_filters_combine(client, db):
    commune = factories.CommuneFactory()
    both = located(GUELMIM, commune=commune, status=Project.Status.COMPLETED)
    located(GUELMIM, commune=commune, status=Project.Status.PLANNED)
    located(GUELMIM, status=Project.Status.COMPLETED)

    collection = geojson(client, commune=commune.slug, status="completed")

    assert feature_ids(collection) == {both.pk}


def test_bbox_keeps_the_projects_inside_and_drops_those_outside(client, db):
    guelmim = located(GUELMIM)
    taroudant = located(TAROUDANT)

    around_guelmim = geojson(client, bbox="-10.2,28.9,-9.9,29.1", zoom=12)
    around_both = geojson(client, bbox="-11,28,-8,31", zoom=7)
    elsewhere = geojson(client, bbox="-7,33,-6,34", zoom=10)

    assert feature_ids(around_guelmim) == {guelmim.pk}
    assert feature_ids(around_both) == {guelmim.pk, taroudant.pk}
    assert elsewhere["features"] == []


def test_bbox_edges_are_inclusive(client, db):
    project = located(GUELMIM)

    collection = geojson(client, bbox="-10.067,28.983,-10.067,28.983", zoom=18)

    assert feature_ids(collection) == {project.pk}


def spread_projects(count, **kwargs):
    """`count` projects on a line of points 0.01° apart north of Guelmim."""
    return [
        located((GUELMIM[0] + Decimal("0.01") * i, GUELMIM[1] + Decimal("0.013") * i), **kwargs)
        for i in range(count)
    ]


def test_many_projects_in_view_are_clustered_and_the_counts_add_up(client, db, settings):
    settings.MAP_CLUSTER_THRESHOLD = 10
    spread_projects(25)
    located(TAROUDANT)  # alone in its cell: stays a plain point
    located(GUELMIM, published=False)  # never counted

    collection = geojson(client, bbox="-17,21,-1,36", zoom=6)

    assert collection["clustered"] is True
    assert collection["total"] == 26
    clusters = [f for f in collection["features"] if f["properties"].get("cluster")]
    assert clusters, "expected at least one cluster"
    assert cluster_total(collection) == 26
    for cluster in clusters:
        assert cluster["geometry"]["type"] == "Point"
        lon, lat = cluster["geometry"]["coordinates"]
        west, south, east, north = cluster["bbox"]
        assert west <= lon <= east and south <= lat <= north
        assert 28 < lat < 30 and -11 < lon < -9  # longitude first, latitude second


def test_zooming_in_splits_clusters_into_smaller_ones(client, db, settings):
    settings.MAP_CLUSTER_THRESHOLD = 10
    spread_projects(25)

    country = geojson(client, bbox="-17,21,-1,36", zoom=5)
    closer = geojson(client, bbox="-10.5,28.5,-9.5,29.5", zoom=11)

    assert len(country["features"]) < len(closer["features"])
    assert cluster_total(country) == cluster_total(closer) == 25


def test_clustering_respects_the_filters_and_the_bbox(client, db, settings):
    settings.MAP_CLUSTER_THRESHOLD = 5
    spread_projects(12, status=Project.Status.COMPLETED)
    spread_projects(8, status=Project.Status.PLANNED)
    located(TAROUDANT, status=Project.Status.COMPLETED)

    completed = geojson(client, status="completed", bbox="-11,28,-9,30", zoom=8)

    assert completed["total"] == 12
    assert cluster_total(completed) == 12


def test_below_the_threshold_every_project_is_its_own_point(client, db, settings):
    settings.MAP_CLUSTER_THRESHOLD = 10
    projects = spread_projects(10)

    collection = geojson(client, bbox="-17,21,-1,36", zoom=5)

    assert collection["clustered"] is False
    assert feature_ids(collection) == {p.pk for p in projects}


def test_clustered_geojson_uses_a_fixed_number_of_queries(
    client, db, settings, django_assert_max_num_queries
):
    settings.MAP_CLUSTER_THRESHOLD = 5
    spread_projects(40)

    # data version, cluster aggregation, lone points: never one query per row
    with django_assert_max_num_queries(3):
        collection = geojson(client, bbox="-17,21,-1,36", zoom=9)
    assert cluster_total(collection) == 40


def test_geojson_sends_cache_headers(client, db):
    located(GUELMIM)

    response = client.get("/en/map/projects.geojson")

    assert response["Cache-Control"] in {"public, max-age=60", "max-age=60, public"}
    assert response["ETag"].startswith('"')
    # No date could say when a project was deleted or a sector renamed.
    assert "Last-Modified" not in response


def test_geojson_is_compressed_for_clients_that_accept_gzip(client, db):
    import gzip

    spread_projects(5)

    response = client.get("/en/map/projects.geojson", headers={"Accept-Encoding": "gzip"})
    again = client.get(
        "/en/map/projects.geojson",
        headers={"Accept-Encoding": "gzip", "If-None-Match": response["ETag"]},
    )

    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert len(json.loads(gzip.decompress(response.content))["features"]) == 5
    assert again.status_code == 304


def test_etag_differs_between_filters_and_languages(client, db):
    located(GUELMIM, status=Project.Status.COMPLETED)

    tags = {
        client.get("/en/map/projects.geojson")["ETag"],
        client.get("/en/map/projects.geojson", {"status": "completed"})["ETag"],
        client.get("/fr/map/projects.geojson")["ETag"],
    }

    assert len(tags) == 3


def test_if_none_match_answers_not_modified_until_a_project_changes(client, db):
    project = located(GUELMIM)
    first = client.get("/en/map/projects.geojson")

    unchanged = client.get("/en/map/projects.geojson", headers={"If-None-Match": first["ETag"]})
    project.progress = 90
    project.save()
    changed = client.get("/en/map/projects.geojson", headers={"If-None-Match": first["ETag"]})

    assert unchanged.status_code == 304
    assert unchanged.content == b""
    assert unchanged["ETag"] == first["ETag"]
    assert changed.status_code == 200
    assert changed["ETag"] != first["ETag"]
    assert json.loads(changed.content)["features"][0]["properties"]["progress"] == 90


def test_if_modified_since_alone_never_answers_not_modified(client, db):
    located(GUELMIM)
    first = client.get("/en/map/projects.geojson")

    again = client.get(
        "/en/map/projects.geojson", headers={"If-Modified-Since": a_date_after_every_change()}
    )

    assert first.status_code == again.status_code == 200
    assert again.content == first.content


def test_an_unchanged_map_still_answers_not_modified(client, db, settings):
    settings.MAP_CLUSTER_THRESHOLD = 5
    spread_projects(8)
    params = {"bbox": "-17,21,-1,36", "zoom": 6}
    first = client.get("/en/map/projects.geojson", params)
    assert json.loads(first.content)["clustered"] is True

    both = client.get(
        "/en/map/projects.geojson",
        params,
        headers={"If-None-Match": first["ETag"], "If-Modified-Since": a_date_after_every_change()},
    )

    assert both.status_code == 304
    assert both["ETag"] == first["ETag"]


def test_renaming_a_sector_changes_the_etag_and_the_answer(client, db):
    sector = factories.SectorFactory(name_ar="الماء", name_fr="Eau")
    located(GUELMIM, sector=sector)
    first = client.get("/fr/map/projects.geojson")

    sector.name_fr = "Eau potable"
    sector.save()
    second = client.get("/fr/map/projects.geojson", headers={"If-None-Match": first["ETag"]})

    assert second.status_code == 200
    assert second["ETag"] != first["ETag"]
    assert json.loads(second.content)["features"][0]["properties"]["sector"] == "Eau potable"


def test_renaming_any_sector_gives_a_new_etag(client, db):
    # The stored version of the projects changes with every write to a project
    # or a sector: one read decides, at the price of refetching a view that a
    # rename elsewhere did not change.
    located(GUELMIM)
    elsewhere = factories.SectorFactory()
    located(TAROUDANT, sector=elsewhere)
    around_guelmim = {"bbox": "-10.2,28.9,-9.9,29.1", "zoom": 12}
    first = client.get("/en/map/projects.geojson", around_guelmim)

    elsewhere.name_en = "Renamed"
    elsewhere.save()
    second = client.get(
        "/en/map/projects.geojson", around_guelmim, headers={"If-None-Match": first["ETag"]}
    )

    assert second.status_code == 200
    assert second["ETag"] != first["ETag"]


def test_after_a_deletion_the_old_validators_get_the_new_answer(client, db):
    kept, deleted = located(GUELMIM), located(TAROUDANT)
    # The older of the two goes: the latest updated_at stays as it was.
    Project.objects.filter(pk=deleted.pk).update(
        updated_at=timezone.now() - datetime.timedelta(days=1)
    )
    first = client.get("/en/map/projects.geojson")
    since = a_date_after_every_change()

    deleted.delete()
    with_both = client.get(
        "/en/map/projects.geojson",
        headers={"If-None-Match": first["ETag"], "If-Modified-Since": since},
    )
    with_the_date_only = client.get(
        "/en/map/projects.geojson", headers={"If-Modified-Since": since}
    )

    assert with_both.status_code == with_the_date_only.status_code == 200
    assert with_both["ETag"] != first["ETag"]
    assert feature_ids(json.loads(with_both.content)) == {kept.pk}
    assert feature_ids(json.loads(with_the_date_only.content)) == {kept.pk}


def test_swapping_one_project_for_another_changes_the_etag(client, db):
    located(GUELMIM)
    leaving = located(TAROUDANT)
    arriving = located(TAROUDANT, published=False)
    Project.objects.update(updated_at=timezone.now() - datetime.timedelta(hours=1))
    first = client.get("/en/map/projects.geojson")

    # As many projects, none newer: only which ones are in view tells the change.
    Project.objects.filter(pk=leaving.pk).update(published=False, updated_at=F("updated_at"))
    Project.objects.filter(pk=arriving.pk).update(published=True, updated_at=F("updated_at"))
    second = client.get("/en/map/projects.geojson", headers={"If-None-Match": first["ETag"]})

    assert second.status_code == 200
    assert arriving.pk in feature_ids(json.loads(second.content))


def test_a_new_project_changes_the_etag(client, db):
    located(GUELMIM)
    first = client.get("/en/map/projects.geojson")
    located(TAROUDANT)

    second = client.get("/en/map/projects.geojson", headers={"If-None-Match": first["ETag"]})

    assert second.status_code == 200
    assert len(json.loads(second.content)["features"]) == 2


def test_unpublishing_a_project_removes_it_even_from_a_cached_view(client, db):
    kept, hidden = located(GUELMIM), located(TAROUDANT)
    assert feature_ids(geojson(client)) == {kept.pk, hidden.pk}

    Project.objects.filter(pk=hidden.pk).update(published=False, updated_at=F("updated_at"))

    assert feature_ids(geojson(client)) == {kept.pk}


def test_a_repeated_request_is_served_from_the_cache(client, db, django_assert_num_queries):
    spread_projects(5)
    first = client.get("/en/map/projects.geojson")

    with django_assert_num_queries(1):  # only the data version (by sector)
        second = client.get("/en/map/projects.geojson")

    assert second.content == first.content


@pytest.mark.parametrize(
    ("bbox", "message"),
    [
        ("1,2,3", "four numbers"),
        ("1,2,3,4,5", "four numbers"),
        ("a,b,c,d", "only numbers"),
        ("-10,28,nan,29", "only numbers"),
        ("-10,28,inf,29", "only numbers"),
        ("-200,28,-9,29", "longitudes must be between -180 and 180"),
        ("-10,-95,-9,29", "latitudes must be between -90 and 90"),
        ("-9,28,-10,29", "must not exceed"),
        ("-10,29,-9,28", "must not exceed"),
    ],
)
def test_an_invalid_bbox_is_refused_with_a_message(client, db, bbox, message):
    located(GUELMIM)

    response = client.get("/en/map/projects.geojson", {"bbox": bbox})

    assert response.status_code == 400
    assert response["Content-Type"] == "application/json"
    assert message in json.loads(response.content)["error"]
    assert "public" not in response.get("Cache-Control", "")


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"status": "finished"}, "Unknown status"),
        ({"commune": "guelmim"}, "No commune is named “guelmim”"),
        ({"commune": "999999"}, "No commune is named"),
        ({"commune": "99999999999999999999999"}, "No commune is named"),
        ({"plan": "1.5"}, "No development plan matches"),
        ({"sector": "424242"}, "Unknown sector"),
        ({"zoom": "far"}, "zoom must be a whole number"),
        ({"zoom": "40"}, "zoom must be between 0 and 22"),
    ],
)
def test_an_invalid_filter_value_is_refused_with_a_message(client, db, params, message):
    located(GUELMIM)

    response = client.get("/en/map/projects.geojson", params)

    assert response.status_code == 400
    assert message in json.loads(response.content)["error"]


def test_geojson_refuses_post(client, db):
    response = client.post("/en/map/projects.geojson")

    assert response.status_code == 405


# --- The page ----------------------------------------------------------------


def test_map_page_has_a_labelled_map_and_the_list_of_projects(client, db):
    project = located(GUELMIM, title_ar="سوق الماشية")

    response = client.get("/ar/map/")

    assert response.status_code == 200
    html = response.content.decode()
    assert 'id="project-map"' in html and 'role="region"' in html
    assert 'aria-label="' in html
    assert f'href="{project.get_absolute_url()}"' in html
    assert "سوق الماشية" in html
    assert 'data-tile-url="/static/img/blank-tile.png"' in html
    assert "vendor/leaflet/leaflet.js" in html and "js/map.js" in html
    assert "<script>" not in html and "style=" not in html


def test_map_page_lists_only_published_projects_with_a_location(client, db):
    shown = located(GUELMIM, title_en="Shown project")
    located(GUELMIM, title_en="Draft project", published=False)
    factories.ProjectFactory(title_en="Nowhere project", latitude=None, longitude=None)

    page = client.get("/en/map/")
    html = page.content.decode()

    assert "Shown project" in html
    assert "Draft project" not in html
    assert "Nowhere project" not in html
    assert list(page.context["page_obj"]) == [shown]


def test_map_page_filters_work_without_javascript(client, db):
    commune = factories.CommuneFactory(name_en="Guelmim")
    wanted = located(GUELMIM, commune=commune, status=Project.Status.COMPLETED)
    other = located(TAROUDANT, status=Project.Status.PLANNED)

    page = client.get("/en/map/")
    filtered = client.get("/en/map/", {"status": "completed", "commune": commune.slug})
    html = page.content.decode()

    # a GET form with each filter, and plain links
    assert 'method="get"' in html
    for name in ("commune", "plan", "sector", "status"):
        assert f'name="{name}"' in html
    assert 'href="/en/map/?status=completed"' in html
    # the commune is typed: its name finds it as well as its slug
    by_name = client.get("/en/map/", {"commune": "guelmim"})
    assert list(by_name.context["page_obj"]) == [wanted]
    assert list(page.context["page_obj"]) == sorted([wanted, other], key=lambda p: p.title)
    assert list(filtered.context["page_obj"]) == [wanted]
    # the script fetches the GeoJSON with the same filters
    assert "projects.geojson?commune=" in filtered.content.decode()
    assert filtered.context["geojson_url"] == (
        f"/en/map/projects.geojson?commune={commune.slug}&status=completed"
    )


def test_filter_links_keep_the_other_filters_and_mark_the_current_one(client, db):
    sector = factories.SectorFactory()
    located(GUELMIM, sector=sector)

    html = client.get("/en/map/", {"sector": sector.slug}).content.decode()

    assert f'href="/en/map/?sector={sector.slug}&amp;status=planned"' in html
    assert f'href="/en/map/?sector={sector.slug}" aria-current="true"' in html


def test_map_page_refuses_an_invalid_filter_with_a_message(client, db):
    located(GUELMIM)

    response = client.get("/en/map/", {"status": "finished"})

    assert response.status_code == 400
    assert "Unknown status" in response.content.decode()
    assert list(response.context["page_obj"]) == []


def test_map_page_pages_keep_the_filters(client, db, settings):
    from projects.map import views as map_views

    spread_projects(map_views.PAGE_SIZE + 1, status=Project.Status.COMPLETED)

    first = client.get("/en/map/", {"status": "completed"})
    second = client.get("/en/map/", {"status": "completed", "page": 2})

    assert 'href="?status=completed&amp;page=2"' in first.content.decode()
    assert len(first.context["page_obj"]) == map_views.PAGE_SIZE
    assert len(second.context["page_obj"]) == 1


def test_map_page_query_count_does_not_grow_with_the_projects(client, db):
    located(GUELMIM)

    from django.core.cache import cache
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    cache.clear()  # both figures computed, not read from the cache
    with CaptureQueriesContext(connection) as one:
        client.get("/en/map/")
    for _ in range(15):
        located(TAROUDANT, commune=factories.CommuneFactory(), sector=factories.SectorFactory())
    cache.clear()
    with CaptureQueriesContext(connection) as many:
        response = client.get("/en/map/")

    assert len(response.context["page_obj"]) == 16
    assert len(many) == len(one)


def test_map_page_frames_the_projects_or_morocco(client, db):
    empty = client.get("/en/map/")
    located(GUELMIM)
    located(TAROUDANT)
    framed = client.get("/en/map/")

    assert empty.context["bounds"] == "-17.10000,20.80000,-1.00000,35.95000"
    assert framed.context["bounds"] == "-10.06700,28.98300,-8.86700,30.46700"


def test_map_page_is_laid_out_right_to_left_in_arabic(client, db):
    html = client.get("/ar/map/").content.decode()

    assert 'dir="rtl"' in html


# --- Small maps --------------------------------------------------------------


def test_location_partial_draws_the_project_point_with_unlocalised_coordinates(db):
    project = located(GUELMIM, location_name_ar="حي المسيرة")

    with translation.override("ar"):
        html = render_to_string("projects/includes/_location_map.html", {"project": project})

    assert 'class="mini-map mini-map--location"' in html
    assert 'data-lat="28.983000"' in html and 'data-lng="-10.067000"' in html
    assert 'role="region"' in html
    assert f"?commune={project.commune.slug}" in html


def test_location_partial_renders_nothing_without_coordinates(db):
    project = factories.ProjectFactory(latitude=None, longitude=None)

    html = render_to_string("projects/includes/_location_map.html", {"project": project})

    assert html.strip() == ""


def test_itinerary_partial_lists_the_located_stops_in_order_as_a_data_block(db):
    visit = factories.SiteVisitFactory()
    second = factories.SiteVisitStopFactory(
        visit=visit, order=2, project=located(TAROUDANT, title_ar="المحطة الثانية")
    )
    first = factories.SiteVisitStopFactory(
        visit=visit, order=1, project=located(GUELMIM, title_ar="المحطة الأولى")
    )
    factories.SiteVisitStopFactory(
        visit=visit, order=3, project=factories.ProjectFactory(latitude=None, longitude=None)
    )
    factories.SiteVisitStopFactory(visit=visit, order=4, project=located(GUELMIM, published=False))
    stops = visit.stops.select_related("project").order_by("order")

    with translation.override("ar"):
        html = render_to_string(
            "meetings/includes/_itinerary_map.html", {"meeting": visit.meeting, "stops": stops}
        )

    script_id = f"itinerary-points-{visit.pk}"
    assert f'data-points-id="{script_id}"' in html
    start = html.index(f'<script id="{script_id}" type="application/json">') + len(
        f'<script id="{script_id}" type="application/json">'
    )
    points = json.loads(html[start : html.index("</script>", start)])
    assert [p["order"] for p in points] == [1, 2, 4]
    assert points[0] == {
        "order": 1,
        "title": "المحطة الأولى",
        "lat": 28.983,
        "lng": -10.067,
        "url": first.project.get_absolute_url(),
        "anchor": f"stop-{first.pk}",  # the stop's item in the list beside the map
    }
    assert points[1]["url"] == second.project.get_absolute_url()
    assert points[2]["url"] == ""  # an unpublished project is not linked


def test_itinerary_partial_renders_nothing_without_located_stops(db):
    visit = factories.SiteVisitFactory()
    factories.SiteVisitStopFactory(
        visit=visit, project=factories.ProjectFactory(latitude=None, longitude=None)
    )

    html = render_to_string(
        "meetings/includes/_itinerary_map.html",
        {"meeting": visit.meeting, "stops": visit.stops.all()},
    )

    assert html.strip() == ""


# --- Admin location picker ---------------------------------------------------


def test_project_location_form_renders_the_picker_and_its_media(db):
    project = located(GUELMIM)

    form = ProjectLocationForm(instance=project)
    html = form.as_div()
    media = str(form.media)

    assert 'class="location-picker"' in html
    assert 'data-latitude-input="id_latitude"' in html
    assert 'data-longitude-input="id_longitude"' in html
    assert 'name="latitude"' in html and 'name="longitude"' in html
    assert 'value="28.983000"' in html and 'value="-10.067000"' in html
    assert "vendor/leaflet/leaflet.js" in media and "js/location-picker.js" in media
    assert "vendor/leaflet/leaflet.css" in media and "css/map.css" in media


def test_project_location_form_still_validates_coordinates_typed_by_hand(db):
    project = located(GUELMIM)
    form = ProjectLocationForm(instance=project)
    data = {name: form[name].value() for name in form.fields if form[name].value() is not None}
    data.update(latitude="95", longitude="-10.1")

    bound = ProjectLocationForm(data, instance=project)

    assert not bound.is_valid()
    assert "latitude" in bound.errors


def test_an_admin_using_the_form_keeps_the_picker(db, superuser):
    model_admin = ModelAdmin(Project, AdminSite())
    model_admin.form = ProjectLocationForm
    request = RequestFactory().get("/admin/projects/project/add/")
    request.user = superuser

    form_class = model_admin.get_form(request)
    form = form_class()

    assert 'class="location-picker"' in str(form["longitude"])
    assert "js/location-picker.js" in str(form.media)


def test_picker_finds_the_latitude_input_under_a_form_prefix(db):
    form = ProjectLocationForm(prefix="project-0")

    html = str(form["longitude"])

    assert 'data-latitude-input="id_project-0-latitude"' in html
    assert 'data-longitude-input="id_project-0-longitude"' in html


def test_map_list_tags_illustrative_projects(client, db):
    located(GUELMIM, title_en="Example worksite", illustrative=True)
    located(TAROUDANT, title_en="Reported worksite", illustrative=False)

    html = client.get("/en/map/").content.decode()
    items = re.findall(r'<li class="map-list-item">.*?</li>', html, re.DOTALL)

    tagged = {("Example worksite" in item, "tag--illustrative" in item) for item in items}
    assert tagged == {(True, True), (False, False)}
