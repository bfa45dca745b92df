"""The public projects list and a project's page."""

import datetime
import re
from decimal import Decimal

import pytest

from projects.models import Project
from tests import factories
from tests.helpers import LANGUAGES, count_queries, full_project, two_pages_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lang", LANGUAGES)
def test_project_list_answers_in_every_language(client, lang):
    full_project(1)
    assert client.get(f"/{lang}/projects/").status_code == 200


@pytest.mark.parametrize("lang", LANGUAGES)
def test_project_page_answers_in_every_language(client, lang):
    project = full_project(2)
    assert client.get(f"/{lang}/projects/{project.slug}/").status_code == 200


def listed(response) -> set[str]:
    return {p.slug for p in response.context["page_obj"].object_list}


def test_filter_by_commune_narrows_the_list(client):
    kept = factories.ProjectFactory()
    factories.ProjectFactory()
    assert listed(client.get(f"/en/projects/?commune={kept.commune.slug}")) == {kept.slug}


def test_filter_by_plan_narrows_the_list(client):
    kept = factories.ProjectFactory(plan=factories.DevelopmentPlanFactory())
    factories.ProjectFactory(plan=factories.DevelopmentPlanFactory())
    factories.ProjectFactory()
    assert listed(client.get(f"/en/projects/?plan={kept.plan.slug}")) == {kept.slug}


def test_filter_by_sector_narrows_the_list(client):
    kept = factories.ProjectFactory()
    factories.ProjectFactory()
    assert listed(client.get(f"/en/projects/?sector={kept.sector.slug}")) == {kept.slug}


def test_filter_by_status_narrows_the_list(client):
    kept = factories.ProjectFactory(status=Project.Status.COMPLETED)
    factories.ProjectFactory(status=Project.Status.IN_PROGRESS)
    assert listed(client.get("/en/projects/?status=completed")) == {kept.slug}


def test_text_search_finds_any_language_version(client):
    kept = factories.ProjectFactory(title_ar="تهيئة السوق", title_fr="Aménagement du marché")
    factories.ProjectFactory(title_ar="مشروع آخر", title_fr="Autre projet")
    assert listed(client.get("/en/projects/?q=marché")) == {kept.slug}
    assert listed(client.get("/fr/projects/?q=السوق")) == {kept.slug}


def test_unknown_filter_value_is_reported_not_a_crash(client):
    response = client.get("/en/projects/?status=flying")
    assert response.status_code == 200
    assert response.context["filter"].form.errors["status"]


def test_project_page_shows_its_facts(client):
    funder = factories.InstitutionFactory(name_en="Water agency")
    project = full_project(
        1,
        budget=Decimal("2500000"),
        progress=45,
        start_date=datetime.date(2011, 2, 3),
        location_name_en="Market square",
    )
    project.funders.add(funder)
    content = client.get(f"/en/projects/{project.slug}/").content.decode()
    assert (
        '<progress class="progress__bar" max="100" value="45" aria-label="Progress">45%</progress>'
        in content
    )
    assert "2,500,000\u00a0MAD" in content
    assert "Water agency" in content
    assert "3 February 2011" in content
    assert "Market square" in content
    assert "28.980000, -10.060000" in content
    for document in project.documents.all():
        assert document.file.url in content
    for update in project.updates.all():
        assert update.title_ar in content


def test_project_page_lists_the_meetings_visits_and_recommendations_about_it(client):
    project = factories.ProjectFactory()
    presented = factories.MeetingFactory(title_en="Presented here")
    factories.PresentationFactory(meeting=presented).related_projects.add(project)
    visited = factories.MeetingFactory(title_en="Visited here")
    factories.SiteVisitStopFactory(
        visit__meeting=visited, visit__title_en="Field day", order=7, project=project
    )
    recommendation = factories.RecommendationFactory(title_en="Finish the works")
    recommendation.related_projects.add(project)
    response = client.get(f"/en/projects/{project.slug}/")
    content = response.content.decode()
    meetings = {m.pk for m in response.context["meetings"]}
    assert meetings == {presented.pk, visited.pk, recommendation.meeting_id}
    assert "Stop 7" in content and "Field day" in content
    assert "Finish the works" in content


def test_project_page_leaves_out_unpublished_meetings_and_recommendations(client):
    project = factories.ProjectFactory()
    draft = factories.MeetingFactory(published=False, title_ar="DRAFT-MEETING")
    factories.PresentationFactory(meeting=draft).related_projects.add(project)
    factories.SiteVisitStopFactory(
        visit__meeting=draft, visit__title_ar="DRAFT-VISIT", project=project
    )
    factories.RecommendationFactory(meeting=draft, title_ar="DRAFT-REC-1").related_projects.add(
        project
    )
    factories.RecommendationFactory(published=False, title_ar="DRAFT-REC-2").related_projects.add(
        project
    )
    response = client.get(f"/en/projects/{project.slug}/")
    assert "DRAFT-" not in response.content.decode()
    # Neither the draft meeting nor the meeting of the draft recommendation.
    assert response.context["meetings"] == []


def test_unpublished_project_is_absent_everywhere(client):
    commune = factories.CommuneFactory()
    draft = factories.ProjectFactory(
        commune=commune, published=False, title_ar="DRAFT-PROJECT", slug="draft-project"
    )
    factories.ProjectFactory(commune=commune)
    meeting = factories.MeetingFactory(commune=commune)
    factories.PresentationFactory(meeting=meeting).related_projects.add(draft)
    factories.SiteVisitStopFactory(visit__meeting=meeting, project=draft)
    recommendation = factories.RecommendationFactory(meeting=meeting)
    recommendation.related_projects.add(draft)

    assert client.get(f"/en/projects/{draft.slug}/").status_code == 404
    for url in (
        "/en/",
        "/en/projects/",
        f"/en/communes/{commune.slug}/",
        f"/en/meetings/{meeting.slug}/",
        f"/en/recommendations/{recommendation.pk}/",
    ):
        content = client.get(url).content.decode()
        assert "DRAFT-" not in content, url
        assert "draft-project" not in content, url
    home = client.get("/en/")
    assert home.context["project_status"]["total"] == 1
    commune_page = client.get(f"/en/communes/{commune.slug}/")
    assert commune_page.context["project_status"]["total"] == 1


def test_project_without_french_title_shows_the_arabic_one_on_french_pages(client):
    project = factories.ProjectFactory(title_ar="مشروع بلا ترجمة", title_fr="", title_en="")
    assert (
        "<h1>مشروع بلا ترجمة</h1>" in client.get(f"/fr/projects/{project.slug}/").content.decode()
    )
    assert "مشروع بلا ترجمة" in client.get("/fr/projects/").content.decode()


def test_project_list_keeps_a_constant_number_of_queries(client):
    factories.ProjectFactory(plan=factories.DevelopmentPlanFactory())
    few = count_queries(client, "/en/projects/")
    for _ in range(4):
        factories.ProjectFactory(plan=factories.DevelopmentPlanFactory())
    assert count_queries(client, "/en/projects/") == few


def test_project_page_keeps_a_constant_number_of_queries(client):
    one = full_project(1)
    few = count_queries(client, f"/en/projects/{one.slug}/")
    five = full_project(5)
    assert count_queries(client, f"/en/projects/{five.slug}/") == few


def test_list_is_paged_and_the_paging_links_keep_the_filter(client):
    # The same title everywhere: the pages must not depend on titles being unique.
    for _ in range(23):
        factories.ProjectFactory(status=Project.Status.COMPLETED, title_en="Same title")
    factories.ProjectFactory(status=Project.Status.PLANNED)  # the filter leaves it out
    completed = Project.objects.filter(status=Project.Status.COMPLETED)

    shown = two_pages_of(client, "/en/projects/", "status=completed")

    assert shown == set(completed.values_list("pk", flat=True))


def test_illustrative_project_is_tagged_in_the_list_and_explained_on_its_page(client):
    example = factories.ProjectFactory(illustrative=True, title_en="Example worksite")
    factual = factories.ProjectFactory(illustrative=False, title_en="Reported worksite")

    listing = client.get("/en/projects/").content.decode()
    cards = {
        project.title_en: re.search(
            rf'<article class="card card--project">(?:(?!</article>).)*{project.title_en}'
            r"(?:(?!</article>).)*</article>",
            listing,
            re.DOTALL,
        ).group(0)
        for project in (example, factual)
    }
    assert "tag--illustrative" in cards["Example worksite"]
    assert "tag--illustrative" not in cards["Reported worksite"]

    page = client.get(example.get_absolute_url().replace("/ar/", "/en/")).content.decode()
    assert "Illustrative details." in page
    factual_page = client.get(factual.get_absolute_url().replace("/ar/", "/en/")).content.decode()
    assert "notice--illustrative" not in factual_page
