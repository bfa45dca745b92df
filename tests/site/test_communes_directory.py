"""The communes directory: by region, then province, paged, and searchable."""

import gzip
from urllib.parse import quote

import pytest

from tests import factories
from tests.helpers import count_queries

pytestmark = pytest.mark.django_db


@pytest.fixture
def regions():
    made = []
    for i in range(25):
        made.append(
            factories.CommuneFactory(
                name_fr=f"Commune {i:02d}",
                region_ar="سوس ماسة",
                region_fr="Souss-Massa",
                province_ar="تارودانت" if i % 2 else "أكادير",
                province_fr="Taroudant" if i % 2 else "Agadir",
            )
        )
    made.append(factories.CommuneFactory(name_fr="Guelmim", region_ar="كلميم واد نون"))
    return made


def test_the_directory_lists_the_regions_and_a_page_of_communes(client, regions):
    response = client.get("/fr/communes/")
    assert response.status_code == 200
    assert [(r["label"], r["count"]) for r in response.context["regions"]] == [
        ("Souss-Massa", 25),
        ("كلميم واد نون", 1),
    ]
    assert len(response.context["page_obj"].object_list) == 20
    assert response.context["page_obj"].paginator.count == 26
    assert f'href="?region={quote("سوس ماسة")}"' in response.content.decode()


def test_a_region_lists_its_provinces_and_its_communes(client, regions):
    response = client.get("/fr/communes/", {"region": "سوس ماسة"})
    assert [(p["label"], p["count"]) for p in response.context["provinces"]] == [
        ("Agadir", 13),
        ("Taroudant", 12),
    ]
    assert response.context["page_obj"].paginator.count == 25
    assert response.context["region"]["label"] == "Souss-Massa"


def test_a_province_lists_its_communes_with_their_counts(client, regions):
    factories.ProjectFactory(commune=regions[1])
    response = client.get("/fr/communes/", {"region": "سوس ماسة", "province": "تارودانت"})
    communes = response.context["page_obj"].object_list
    assert len(communes) == 12
    assert {c.pk: c.project_count for c in communes}[regions[1].pk] == 1
    assert "Taroudant" in response.content.decode()


def test_a_name_search_finds_communes_in_any_language(client, regions):
    response = client.get("/fr/communes/", {"q": "guelmim"})
    assert [c.name_fr for c in response.context["page_obj"].object_list] == ["Guelmim"]


def test_a_search_too_long_is_refused_with_a_message(client, regions):
    response = client.get("/fr/communes/", {"q": "x" * 201})
    assert response.status_code == 200
    assert response.context["form"].errors["q"]
    assert response.context["page_obj"].paginator.count == 26


def test_the_directory_keeps_its_queries_whatever_the_number_of_communes(client):
    factories.CommuneFactory()
    few = count_queries(client, "/fr/communes/")
    for _ in range(30):
        factories.ProjectFactory(commune=factories.CommuneFactory())
    assert count_queries(client, "/fr/communes/") == few


def test_the_home_page_links_to_the_directory_and_shows_a_bounded_set(client, regions):
    response = client.get("/fr/")
    assert len(response.context["communes"]) == 4
    content = response.content.decode()
    assert 'href="/fr/communes/"' in content
    assert 'action="/fr/communes/"' in content


def test_html_is_compressed_for_clients_that_accept_it(client, regions):
    response = client.get("/fr/", headers={"Accept-Encoding": "gzip"})
    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert b"<html" in gzip.decompress(response.content)
    assert "Content-Encoding" not in client.get("/fr/")
