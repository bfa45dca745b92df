"""Filters whose choices grow are typed: a name or a short code, resolved on the server."""

import json

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def communes():
    guelmim = factories.CommuneFactory(
        name_ar="كلميم", name_fr="Guelmim", slug="guelmim", province_ar="كلميم"
    )
    sidi_ali = factories.CommuneFactory(name_fr="Sidi Ali", slug="sidi-ali-1", province_ar="أ")
    sidi_ali_2 = factories.CommuneFactory(name_fr="Sidi Ali", slug="sidi-ali-2", province_ar="ب")
    for commune in (guelmim, sidi_ali, sidi_ali_2):
        factories.ProjectFactory(commune=commune, slug=f"project-in-{commune.slug}")
    return guelmim, sidi_ali, sidi_ali_2


def listed(response) -> set[str]:
    return {project.slug for project in response.context["page_obj"]}


@pytest.mark.parametrize("typed", ["guelmim", "Guelmim", "GUEL", "كلميم", "گلميم", "الكلميم"])
def test_a_slug_or_part_of_a_name_in_any_language_filters(client, communes, typed):
    # "گلميم": the Moroccan and Persian letters for g fold to ك, as in the site search.
    response = client.get("/fr/projects/", {"commune": typed})
    assert listed(response) == {"project-in-guelmim"}, typed
    assert "Affichage : " in response.content.decode() or "Showing" in response.content.decode()


def test_a_name_several_communes_share_offers_each_as_a_link(client, communes):
    response = client.get("/en/projects/", {"commune": "sidi ali", "status": "in_progress"})

    assert response.context["filter"].errors["commune"] == [
        "Several communes match “sidi ali”: choose one below."
    ]
    content = response.content.decode()
    assert 'href="?commune=sidi-ali-1&amp;status=in_progress"' in content
    assert 'href="?commune=sidi-ali-2&amp;status=in_progress"' in content
    # The list is shown unfiltered by the commune, with the other filters kept.
    assert len(listed(response)) == 3


def test_an_unknown_name_is_refused_with_a_message_in_the_visitors_language(client, communes):
    response = client.get("/ar/projects/", {"commune": "Casablanca"})
    errors = response.context["filter"].errors["commune"]
    assert errors and "Casablanca" in errors[0]
    assert "No commune" not in errors[0]  # Arabic, not the English source


@pytest.mark.parametrize(
    ("kind", "typed", "expected"),
    [
        ("communes", "guel", [{"value": "guelmim", "label": "Guelmim — كلميم"}]),
        ("communes", "g", []),
    ],
)
def test_suggestions_answer_json_while_the_visitor_types(client, communes, kind, typed, expected):
    response = client.get(f"/fr/suggest/{kind}/", {"q": typed})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content)["results"] == expected


def test_suggestions_for_plans_meetings_series_and_institutions(client):
    commune = factories.CommuneFactory(name_fr="Taroudant", slug="taroudant")
    plan = factories.DevelopmentPlanFactory(commune=commune)
    meeting = factories.MeetingFactory(title_fr="Forum des associations", commune=commune)
    series = factories.MeetingSeriesFactory(title_fr="Forum annuel", commune=commune)
    onee = factories.InstitutionFactory(name_fr="Office de l'eau", acronym="ONEE")
    for kind, typed, value in [
        ("plans", "taroudant", plan.slug),
        ("meetings", "forum associations", meeting.slug),
        ("series", "annuel", series.slug),
        ("institutions", "onee", str(onee.pk)),
    ]:
        results = json.loads(client.get(f"/fr/suggest/{kind}/", {"q": typed}).content)["results"]
        assert [result["value"] for result in results] == [value], kind


def test_suggestions_refuse_an_unknown_kind_and_post(client):
    assert client.get("/fr/suggest/people/", {"q": "ali"}).status_code == 404
    assert client.post("/fr/suggest/communes/", {"q": "ali"}).status_code == 405


def test_unpublished_meetings_are_neither_suggested_nor_resolved(client):
    factories.MeetingFactory(title_fr="Réunion secrète", published=False, slug="secret")
    results = json.loads(client.get("/fr/suggest/meetings/", {"q": "secrète"}).content)
    assert results["results"] == []
    assert client.get("/fr/recommendations/", {"meeting": "secret"}).context["filter"].errors
