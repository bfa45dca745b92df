"""Open data downloads (CSV, JSON, GeoJSON) and the open-data page."""

import csv
import io
import json
from decimal import Decimal

import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.site.opendata import BOM, DATASETS, get_dataset
from projects.models import Project
from recommendations.models import Recommendation
from tests import factories
from tests.helpers import LANGUAGES

pytestmark = pytest.mark.django_db


def body(response) -> str:
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode("utf-8")


def csv_rows(response) -> tuple[list[str], list[dict]]:
    text = body(response)
    assert text.startswith(BOM)
    reader = csv.DictReader(io.StringIO(text[len(BOM) :]))
    rows = list(reader)
    return reader.fieldnames, rows


def json_records(response) -> list[dict]:
    return json.loads(body(response))["records"]


def columns(key: str) -> list[str]:
    return [column.name for column in get_dataset(key).columns]


def association_with_everything(n: int = 1):
    association = factories.AssociationFactory(
        name_ar="جمعية الأمل للتنمية",
        name_fr="Association Al Amal",
        phone="+212 600 000 000",
        email="contact@amal.example.ma",
        website="https://amal.example.ma",
    )
    for _ in range(n):
        association.fields_of_activity.add(factories.FieldOfActivityFactory())
    return association


def project_with_everything(n: int = 1, **kwargs):
    project = factories.ProjectFactory(**kwargs)
    for _ in range(n):
        project.funders.add(factories.InstitutionFactory())
    return project


def recommendation_with_everything(n: int = 1, **kwargs):
    recommendation = factories.RecommendationFactory(**kwargs)
    for _ in range(n):
        recommendation.related_projects.add(factories.ProjectFactory())
    return recommendation


# --- CSV ---------------------------------------------------------------------


def test_associations_csv_has_the_documented_columns_and_intact_arabic(client):
    association = association_with_everything()
    response = client.get("/ar/associations/export.csv")
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "attachment" in response["Content-Disposition"]
    fieldnames, rows = csv_rows(response)
    assert fieldnames == columns("associations")
    assert [row["name"] for row in rows] == ["جمعية الأمل للتنمية"]
    assert rows[0]["name_ar"] == "جمعية الأمل للتنمية"
    assert rows[0]["url"] == f"{settings.SITE_URL}{association.get_absolute_url()}"
    assert rows[0]["website"] == "https://amal.example.ma"


def test_csv_text_is_in_the_request_language_with_arabic_column(client):
    factories.ProjectFactory(title_ar="تهيئة السوق", title_fr="Aménagement du marché")
    _names, rows = csv_rows(client.get("/fr/projects/export.csv"))
    assert rows[0]["title"] == "Aménagement du marché"
    assert rows[0]["title_ar"] == "تهيئة السوق"


def test_csv_falls_back_to_arabic_when_not_translated(client):
    factories.ProjectFactory(title_ar="تهيئة السوق", title_fr="", title_en="")
    _names, rows = csv_rows(client.get("/en/projects/export.csv"))
    assert rows[0]["title"] == "تهيئة السوق"


def test_projects_csv_columns_and_values(client):
    project = project_with_everything(2, status=Project.Status.COMPLETED)
    fieldnames, rows = csv_rows(client.get("/en/projects/export.csv"))
    assert fieldnames == columns("projects")
    row = rows[0]
    assert row["slug"] == project.slug
    assert row["status"] == "completed"
    assert Decimal(row["budget_mad"]) == Decimal("1500000.00")
    assert len(row["funders"].split(" | ")) == 2


def test_recommendations_csv_columns_and_values(client):
    recommendation = recommendation_with_everything(2, title_ar="إحداث مدرسة")
    hidden = factories.ProjectFactory(published=False)
    recommendation.related_projects.add(hidden)
    fieldnames, rows = csv_rows(client.get("/ar/recommendations/export.csv"))
    assert fieldnames == columns("recommendations")
    assert rows[0]["title"] == "إحداث مدرسة"
    assert rows[0]["meeting_url"].endswith(recommendation.meeting.get_absolute_url())
    related = rows[0]["related_projects"].split(" | ")
    assert len(related) == 2
    assert hidden.slug not in related


# --- JSON and GeoJSON ------------------------------------------------------------


@pytest.mark.parametrize("key", ["associations", "projects", "recommendations"])
def test_json_parses_with_licence_and_the_same_columns(client, key):
    association_with_everything()
    project_with_everything()
    recommendation_with_everything()
    response = client.get(f"/fr/{key}/export.json")
    assert response["Content-Type"] == "application/json; charset=utf-8"
    data = json.loads(body(response))
    assert data["dataset"] == key
    assert data["language"] == "fr"
    assert "Licence Ouverte" in data["licence"]["name"]
    assert data["records"]
    assert all(list(record) == columns(key) for record in data["records"])


def test_json_keeps_arabic_as_text_not_escapes(client):
    factories.AssociationFactory(name_ar="جمعية الواحة")
    text = body(client.get("/ar/associations/export.json"))
    assert "جمعية الواحة" in text


def test_geojson_is_a_feature_collection_of_located_projects(client):
    located = factories.ProjectFactory()
    factories.ProjectFactory(latitude=None, longitude=None)
    response = client.get("/en/projects/export.geojson")
    assert response["Content-Type"] == "application/geo+json; charset=utf-8"
    data = json.loads(body(response))
    assert data["type"] == "FeatureCollection"
    assert [feature["id"] for feature in data["features"]] == [located.pk]
    feature = data["features"][0]
    assert feature["type"] == "Feature"
    assert feature["geometry"] == {"type": "Point", "coordinates": [-10.06, 28.98]}
    assert feature["properties"]["slug"] == located.slug


def test_geojson_is_only_offered_for_projects(client):
    response = client.get("/en/associations/export.geojson", follow=True)
    assert response.status_code == 404


# --- Filters ---------------------------------------------------------------------


def test_associations_export_honours_the_commune_filter(client):
    kept = factories.AssociationFactory()
    factories.AssociationFactory()
    _names, rows = csv_rows(client.get(f"/en/associations/export.csv?commune={kept.commune.slug}"))
    assert [row["slug"] for row in rows] == [kept.slug]


def test_projects_export_honours_the_status_filter(client):
    kept = factories.ProjectFactory(status=Project.Status.COMPLETED)
    factories.ProjectFactory(status=Project.Status.IN_PROGRESS)
    records = json_records(client.get("/en/projects/export.json?status=completed"))
    assert [record["slug"] for record in records] == [kept.slug]
    data = json.loads(body(client.get("/en/projects/export.json?status=completed")))
    assert data["filters"] == {"status": "completed"}


def test_recommendations_export_honours_the_arabic_search(client):
    kept = factories.RecommendationFactory(title_ar="إحداث مدرسة جماعاتية")
    factories.RecommendationFactory(title_ar="تهيئة الطريق")
    _names, rows = csv_rows(client.get("/ar/recommendations/export.csv?q=مدرسه"))
    assert [int(row["id"]) for row in rows] == [kept.pk]


def test_export_with_an_invalid_filter_is_refused(client):
    response = client.get("/en/projects/export.csv?status=flying")
    assert response.status_code == 400
    assert "status" in response.content.decode()


def test_export_with_a_too_long_query_is_refused(client):
    response = client.get("/en/projects/export.json?q=" + "a" * 300)
    assert response.status_code == 400


def test_export_refuses_post(client):
    assert client.post("/en/projects/export.csv").status_code == 405


# --- What is never exported ---------------------------------------------------------


def test_no_unpublished_record_in_any_export(client):
    factories.AssociationFactory(name_ar="جمعية سرية", published=False)
    factories.ProjectFactory(title_ar="مشروع سري", published=False)
    factories.RecommendationFactory(title_ar="توصية سرية", published=False)
    factories.RecommendationFactory(
        title_ar="توصية لقاء سري", meeting=factories.MeetingFactory(published=False)
    )
    for key in ("associations", "projects", "recommendations"):
        for fmt in get_dataset(key).formats:
            text = body(client.get(f"/ar/{key}/export.{fmt}"))
            assert "سري" not in text, (key, fmt)


def test_no_personal_data_in_any_export(client):
    user = factories.UserFactory(email="someone.private@example.org")
    association = association_with_everything()
    factories.MembershipFactory(user=user, association=association)
    person = factories.PersonFactory()
    recommendation = recommendation_with_everything()
    meeting = recommendation.meeting
    factories.SessionFactory(meeting=meeting, chair=person)
    project_with_everything()
    for key in ("associations", "projects", "recommendations"):
        for fmt in get_dataset(key).formats:
            text = body(client.get(f"/en/{key}/export.{fmt}"))
            assert "someone.private@example.org" not in text
            assert "@" not in text.replace("@context", ""), (key, fmt)
            assert "+212 600 000 000" not in text
            assert person.full_name_ar not in text


# --- Queries ---------------------------------------------------------------------------


def export_queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as queries:
        body(client.get(url))
    return len(queries)


@pytest.mark.parametrize(
    ("url", "make"),
    [
        ("/ar/associations/export.csv", association_with_everything),
        ("/ar/associations/export.json", association_with_everything),
        ("/fr/projects/export.csv", project_with_everything),
        ("/fr/projects/export.json", project_with_everything),
        ("/fr/projects/export.geojson", project_with_everything),
        ("/en/recommendations/export.csv", recommendation_with_everything),
        ("/en/recommendations/export.json", recommendation_with_everything),
    ],
)
def test_export_query_count_does_not_grow_with_rows(client, url, make):
    make(1)
    one = export_queries(client, url)
    for _ in range(6):
        make(3)
    assert export_queries(client, url) == one


# --- Links and the open-data page -----------------------------------------------------------


@pytest.mark.parametrize("lang", LANGUAGES)
def test_open_data_page_lists_every_download_and_field(client, lang):
    commune = factories.CommuneFactory()
    response = client.get(reverse("opendata:index").replace("/ar/", f"/{lang}/"))
    assert response.status_code == 200
    html = response.content.decode()
    for dataset in DATASETS:
        for fmt in dataset.formats:
            assert f"/{lang}/{dataset.key}/export.{fmt}" in html
        for column in dataset.columns:
            assert f">{column.name}<" in html
    assert "Licence Ouverte" in html
    assert f"/{lang}/calendar/communes/{commune.slug}.ics" in html
    assert f"/{lang}/feeds/communes/{commune.slug}/meetings/" in html
    assert f"/{lang}/feeds/communes/{commune.slug}/recommendations/" in html


def test_footer_links_to_the_open_data_page(client):
    assert 'href="/fr/open-data/"' in client.get("/fr/").content.decode()


def test_list_page_download_links_keep_the_filters(client):
    project = factories.ProjectFactory(status=Project.Status.COMPLETED)
    html = client.get(f"/en/projects/?status=completed&commune={project.commune.slug}&page=1")
    html = html.content.decode()
    for fmt in ("csv", "json", "geojson"):
        assert (
            f"/en/projects/export.{fmt}?status=completed&amp;commune={project.commune.slug}" in html
        )
    assert "page=1" not in html.split("export.csv")[1].split('"')[0]


@pytest.mark.parametrize("key", ["associations", "recommendations"])
def test_other_list_pages_link_their_downloads(client, key):
    html = client.get(f"/en/{key}/").content.decode()
    assert f"/en/{key}/export.csv" in html
    assert f"/en/{key}/export.json" in html


def test_recommendation_status_codes_are_documented(client):
    html = client.get("/en/open-data/").content.decode()
    for code in Recommendation.Status.values:
        assert f">{code}<" in html


@pytest.mark.parametrize(
    ("make", "url"),
    [
        (factories.ProjectFactory, "/en/projects/export.csv"),
        (factories.RecommendationFactory, "/en/recommendations/export.csv"),
    ],
    ids=["projects", "recommendations"],
)
def test_exports_say_which_records_are_illustrative(client, make, url):
    example, reported = make(illustrative=True), make(illustrative=False)

    _names, rows = csv_rows(client.get(url))

    flags = {int(row["id"]): row["illustrative"] for row in rows}
    assert flags[example.pk] != flags[reported.pk]
    assert flags[example.pk].lower() in ("true", "1", "yes")
