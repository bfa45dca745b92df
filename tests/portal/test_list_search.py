"""The search box of each list page uses the site's Arabic-aware matching."""

import pytest

from tests import factories

pytestmark = pytest.mark.django_db


def listed(response) -> set[int]:
    assert response.status_code == 200
    return {obj.pk for obj in response.context["page_obj"].object_list}


def test_association_list_finds_taa_marbuta_spelled_with_haa(client):
    kept = factories.AssociationFactory(name_ar="جمعية آباء تلاميذ المدرسة")
    factories.AssociationFactory(name_ar="جمعية الواحة")
    assert listed(client.get("/ar/associations/?q=مدرسه")) == {kept.pk}


def test_association_list_searches_the_acronym(client):
    kept = factories.AssociationFactory(acronym="AMDL")
    factories.AssociationFactory()
    assert listed(client.get("/fr/associations/?q=amdl")) == {kept.pk}


def test_project_list_finds_hamza_variant_and_definite_article(client):
    kept = factories.ProjectFactory(title_ar="توسعة قاعة الإستقبال")
    factories.ProjectFactory(title_ar="تهيئة الطريق")
    assert listed(client.get("/ar/projects/?q=الاستقبال")) == {kept.pk}
    assert listed(client.get("/ar/projects/?q=استقبال")) == {kept.pk}


def test_project_list_search_ignores_french_accents(client):
    kept = factories.ProjectFactory(title_fr="Éclairage public")
    factories.ProjectFactory(title_fr="Route rurale")
    assert listed(client.get("/fr/projects/?q=eclairage")) == {kept.pk}


def test_recommendation_list_finds_spelling_variant_and_keeps_other_filters(client):
    kept = factories.RecommendationFactory(title_ar="بناء مدرسة جماعاتية", status="proposed")
    factories.RecommendationFactory(title_ar="بناء مدرسة ابتدائية", status="completed")
    factories.RecommendationFactory(title_ar="تهيئة الطريق", status="proposed")
    assert listed(client.get("/ar/recommendations/?q=مدرسه&status=proposed")) == {kept.pk}


def test_meeting_list_finds_alef_maqsura_variant(client):
    kept = factories.MeetingFactory(title_ar="ملتقى المستشفى الإقليمي")
    factories.MeetingFactory(title_ar="لقاء الشباب")
    assert listed(client.get("/ar/meetings/?q=مستشفي")) == {kept.pk}


@pytest.mark.parametrize("url", ["associations", "projects", "recommendations", "meetings"])
def test_too_long_query_gives_a_message_not_an_error(client, url):
    factories.AssociationFactory()
    response = client.get(f"/en/{url}/?q=" + "م" * 201)
    assert response.status_code == 200
    errors = response.context["filter"].form.errors["q"]
    assert "too long" in errors[0]
    assert "too long" in response.content.decode()


@pytest.mark.parametrize("url", ["associations", "projects", "recommendations", "meetings"])
def test_punctuation_only_query_gives_a_message_not_an_error(client, url):
    response = client.get(f"/en/{url}/?q=!!%3F%3F")
    assert response.status_code == 200
    assert "at least one word" in response.context["filter"].form.errors["q"][0]


def test_search_box_keeps_the_query_length_limit_in_the_page(client):
    html = client.get("/en/projects/").content.decode()
    assert 'type="search" name="q"' in html
    assert 'maxlength="200"' in html
