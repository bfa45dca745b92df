"""One filter vocabulary: communes, plans and sectors are named by their slugs on the
projects list, the development map, its GeoJSON and the exports alike, and every link
that filters uses them."""

import csv
import io
import json
from decimal import Decimal

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def two_projects():
    """One located project in Guelmim's PCD, in the water sector; one elsewhere."""
    guelmim = factories.CommuneFactory(slug="guelmim")
    plan = factories.DevelopmentPlanFactory(
        commune=guelmim, kind="pcd", start_year=2010, end_year=2015
    )
    water = factories.SectorFactory(slug="water")
    kept = factories.ProjectFactory(
        commune=guelmim,
        plan=plan,
        sector=water,
        latitude=Decimal("28.98"),
        longitude=Decimal("-10.06"),
    )
    other = factories.ProjectFactory(latitude=Decimal("30.47"), longitude=Decimal("-8.87"))
    return kept, other


FILTERS = {
    "commune": lambda project: project.commune.slug,
    "plan": lambda project: project.plan.slug,
    "sector": lambda project: project.sector.slug,
}


def test_a_plan_is_named_by_its_commune_kind_and_years(two_projects):
    kept, _other = two_projects
    assert kept.plan.slug == "guelmim-pcd-2010-2015"


def list_slugs(client, **params) -> set[str]:
    response = client.get("/en/projects/", params)
    assert response.status_code == 200
    return {project.slug for project in response.context["page_obj"]}


def map_slugs(client, **params) -> set[str]:
    response = client.get("/en/map/", params)
    assert response.status_code == 200
    return {project.slug for project in response.context["page_obj"]}


def geojson_ids(client, **params) -> set[int]:
    response = client.get("/en/map/projects.geojson", params)
    assert response.status_code == 200
    return {feature["id"] for feature in json.loads(response.content)["features"]}


def export_slugs(client, fmt: str, **params) -> set[str]:
    response = client.get(f"/en/projects/export.{fmt}", params)
    assert response.status_code == 200
    text = b"".join(response.streaming_content).decode("utf-8-sig")
    if fmt == "csv":
        return {row["slug"] for row in csv.DictReader(io.StringIO(text))}
    records = json.loads(text)
    if fmt == "geojson":
        return {feature["properties"]["slug"] for feature in records["features"]}
    return {record["slug"] for record in records["records"]}


@pytest.mark.parametrize("name", FILTERS)
def test_the_same_slug_filters_the_list_the_map_and_every_export(client, two_projects, name):
    kept, _other = two_projects
    value = FILTERS[name](kept)
    assert list_slugs(client, **{name: value}) == {kept.slug}
    assert map_slugs(client, **{name: value}) == {kept.slug}
    assert geojson_ids(client, **{name: value}) == {kept.pk}
    for fmt in ("csv", "json", "geojson"):
        assert export_slugs(client, fmt, **{name: value}) == {kept.slug}, fmt


@pytest.mark.parametrize("name", FILTERS)
def test_a_number_is_not_a_slug_anywhere(client, two_projects, name):
    kept, _other = two_projects
    number = str(getattr(kept, f"{name}_id"))
    assert client.get("/en/projects/", {name: number}).context["filter"].errors
    assert client.get("/en/map/", {name: number}).status_code == 400
    assert client.get("/en/map/projects.geojson", {name: number}).status_code == 400
    assert client.get("/en/projects/export.csv", {name: number}).status_code == 400


def test_links_that_filter_use_slugs(client, two_projects):
    kept, _other = two_projects
    project_page = client.get(kept.get_absolute_url()).content.decode()
    assert f"/map/?commune={kept.commune.slug}" in project_page
    assert f"/projects/?plan={kept.plan.slug}" in project_page
    assert f"/projects/?sector={kept.sector.slug}" in project_page
    map_page = client.get("/en/map/").content.decode()
    assert f"?sector={kept.sector.slug}" in map_page
    filtered = client.get(f"/en/map/?commune={kept.commune.slug}").content.decode()
    assert f'value="{kept.commune.slug}"' in filtered
