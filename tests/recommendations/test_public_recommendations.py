"""The public recommendations tracker and a recommendation's page."""

import datetime
import re

import pytest
from django.utils import timezone, translation

from recommendations.models import Recommendation
from tests import factories
from tests.helpers import LANGUAGES, count_queries, full_recommendation, two_pages_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lang", LANGUAGES)
def test_tracker_answers_in_every_language(client, lang):
    full_recommendation(1)
    assert client.get(f"/{lang}/recommendations/").status_code == 200


@pytest.mark.parametrize("lang", LANGUAGES)
def test_recommendation_page_answers_in_every_language(client, lang):
    recommendation = full_recommendation(2)
    assert client.get(f"/{lang}/recommendations/{recommendation.pk}/").status_code == 200


def listed(response) -> set[int]:
    return {r.pk for r in response.context["page_obj"].object_list}


def test_filter_by_commune_narrows_the_list(client):
    kept = factories.RecommendationFactory()
    factories.RecommendationFactory()
    url = f"/en/recommendations/?commune={kept.meeting.commune.slug}"
    assert listed(client.get(url)) == {kept.pk}


def test_filter_by_meeting_narrows_the_list(client):
    kept = factories.RecommendationFactory()
    factories.RecommendationFactory()
    assert listed(client.get(f"/en/recommendations/?meeting={kept.meeting.slug}")) == {kept.pk}


def test_filter_by_status_narrows_the_list(client):
    kept = factories.RecommendationFactory(status=Recommendation.Status.IMPLEMENTED)
    factories.RecommendationFactory(status=Recommendation.Status.PROPOSED)
    assert listed(client.get("/en/recommendations/?status=implemented")) == {kept.pk}


def test_filter_by_theme_narrows_the_list(client):
    kept = factories.RecommendationFactory()
    factories.RecommendationFactory()
    assert listed(client.get(f"/en/recommendations/?theme={kept.theme.slug}")) == {kept.pk}


def test_filter_by_addressed_institution_narrows_the_list(client):
    kept = factories.RecommendationFactory()
    factories.RecommendationFactory()
    url = f"/en/recommendations/?addressed_to={kept.addressed_to.pk}"
    assert listed(client.get(url)) == {kept.pk}


def test_text_search_narrows_the_list(client):
    kept = factories.RecommendationFactory(text_fr="Créer un portail électronique")
    factories.RecommendationFactory()
    assert listed(client.get("/en/recommendations/?q=portail")) == {kept.pk}


def test_filter_by_overdue_narrows_the_list(client):
    past = timezone.localdate() - datetime.timedelta(days=10)
    overdue = factories.RecommendationFactory(due_date=past, status="in_progress")
    done = factories.RecommendationFactory(due_date=past, status="implemented")
    open_ = factories.RecommendationFactory(due_date=None)
    assert listed(client.get("/en/recommendations/?overdue=true")) == {overdue.pk}
    assert listed(client.get("/en/recommendations/?overdue=false")) == {done.pk, open_.pk}


def test_the_institution_filter_takes_a_typed_name_an_acronym_or_a_number(client):
    onee = factories.InstitutionFactory(name_fr="Office de l'eau", acronym="ONEE")
    wanted = factories.RecommendationFactory(addressed_to=onee)
    factories.RecommendationFactory()

    for typed in ("office de l'eau", "onee", str(onee.pk)):
        response = client.get("/fr/recommendations/", {"addressed_to": typed})
        assert list(response.context["page_obj"]) == [wanted], typed
    assert response.context["filter"].form.fields["addressed_to"].resolved == onee


def test_tracker_counts_each_status_over_the_filtered_list(client):
    commune = factories.CommuneFactory()
    for status in ("proposed", "adopted", "adopted", "implemented"):
        factories.RecommendationFactory(meeting__commune=commune, status=status)
    factories.RecommendationFactory(status="implemented")
    response = client.get(f"/en/recommendations/?commune={commune.slug}")
    counts = {item.value: item.count for item in response.context["status_summary"]["items"]}
    assert counts == {
        "proposed": 1,
        "adopted": 2,
        "in_progress": 0,
        "implemented": 1,
        "not_retained": 0,
    }
    content = response.content.decode()
    assert '<th scope="row">Adopted</th><td>2</td><td>50%</td>' in content


def test_overdue_recommendations_are_marked_in_words(client):
    overdue = factories.RecommendationFactory(
        due_date=timezone.localdate() - datetime.timedelta(days=1), status="adopted"
    )
    factories.RecommendationFactory(
        due_date=timezone.localdate() + datetime.timedelta(days=30), status="adopted"
    )
    content = client.get("/en/recommendations/").content.decode()
    assert content.count('<span class="badge badge--overdue">') == 1
    assert content.count("Overdue</span>") == 1
    assert "1 recommendation is past its due date and still open." in content
    page = client.get(f"/fr/recommendations/{overdue.pk}/").content.decode()
    with translation.override("fr"):
        assert translation.gettext("Overdue") in page


def test_recommendation_page_shows_its_follow_up_and_source(client):
    recommendation = full_recommendation(2, due_date=datetime.date(2030, 1, 1))
    content = client.get(f"/en/recommendations/{recommendation.pk}/").content.decode()
    for update in recommendation.updates.all():
        assert update.evidence.url in content
        assert update.note_ar in content
    assert 'href="https://example.org/e"' in content
    assert content.count('<li class="timeline__item">') == 2
    assert f'href="/en/meetings/{recommendation.meeting.slug}/"' in content
    assert recommendation.workshop.theme_ar in content
    assert recommendation.session.title_ar in content
    assert "1 January 2030" in content
    for project in recommendation.related_projects.all():
        assert f'href="/en/projects/{project.slug}/"' in content
    for association in recommendation.related_associations.all():
        assert f'href="/en/associations/{association.slug}/"' in content


def test_recommendation_page_leaves_out_unpublished_projects_and_associations(client):
    recommendation = factories.RecommendationFactory()
    recommendation.related_projects.add(
        factories.ProjectFactory(published=False, title_ar="DRAFT-PROJECT")
    )
    recommendation.related_associations.add(
        factories.AssociationFactory(published=False, name_ar="DRAFT-ASSOCIATION")
    )
    content = client.get(f"/en/recommendations/{recommendation.pk}/").content.decode()
    assert "DRAFT-" not in content


def test_unpublished_recommendation_is_absent_everywhere(client):
    meeting = factories.MeetingFactory()
    draft = factories.RecommendationFactory(
        meeting=meeting, published=False, title_ar="DRAFT-RECOMMENDATION"
    )
    of_draft_meeting = factories.RecommendationFactory(
        meeting=factories.MeetingFactory(commune=meeting.commune, published=False),
        title_ar="DRAFT-MEETING-RECOMMENDATION",
    )
    factories.RecommendationFactory(meeting=meeting)
    project = factories.ProjectFactory(commune=meeting.commune)
    association = factories.AssociationFactory(commune=meeting.commune)
    for hidden in (draft, of_draft_meeting):
        hidden.related_projects.add(project)
        hidden.related_associations.add(association)
        assert client.get(f"/en/recommendations/{hidden.pk}/").status_code == 404

    for url in (
        "/en/",
        "/en/recommendations/",
        f"/en/communes/{meeting.commune.slug}/",
        f"/en/meetings/{meeting.slug}/",
        f"/en/projects/{project.slug}/",
        f"/en/associations/{association.slug}/",
    ):
        content = client.get(url).content.decode()
        assert "DRAFT-" not in content, url
    assert client.get("/en/").context["recommendation_status"]["total"] == 1
    assert client.get("/en/recommendations/").context["status_summary"]["total"] == 1
    commune_page = client.get(f"/en/communes/{meeting.commune.slug}/")
    assert commune_page.context["recommendation_status"]["total"] == 1


def test_recommendation_without_french_title_shows_the_arabic_one_on_french_pages(client):
    recommendation = factories.RecommendationFactory(
        title_ar="توصية بلا ترجمة", title_fr="", title_en=""
    )
    page = client.get(f"/fr/recommendations/{recommendation.pk}/").content.decode()
    assert "<h1>توصية بلا ترجمة</h1>" in page
    assert "توصية بلا ترجمة" in client.get("/fr/recommendations/").content.decode()


def test_tracker_keeps_a_constant_number_of_queries(client):
    factories.RecommendationFactory(due_date=datetime.date(2020, 1, 1))
    few = count_queries(client, "/en/recommendations/")
    for status in ("adopted", "in_progress", "implemented", "not_retained"):
        factories.RecommendationFactory(status=status, due_date=datetime.date(2020, 1, 1))
    assert count_queries(client, "/en/recommendations/") == few


def test_recommendation_page_keeps_a_constant_number_of_queries(client):
    one = full_recommendation(1)
    few = count_queries(client, f"/en/recommendations/{one.pk}/")
    five = full_recommendation(5)
    assert count_queries(client, f"/en/recommendations/{five.pk}/") == few


def test_tracker_is_paged_and_the_paging_links_keep_the_filter(client):
    meeting = factories.MeetingFactory()
    for _ in range(23):
        factories.RecommendationFactory(meeting=meeting, status="adopted")
    factories.RecommendationFactory(meeting=meeting, status="proposed")  # filtered out
    adopted = Recommendation.objects.filter(status="adopted")

    shown = two_pages_of(client, "/en/recommendations/", "status=adopted")

    assert shown == set(adopted.values_list("pk", flat=True))
    # The counts describe the whole filtered list, not the page shown.
    page_two = client.get("/en/recommendations/?status=adopted&page=2")
    assert page_two.context["status_summary"]["total"] == 23


def test_tracker_shares_add_up_to_the_total_row(client):
    # 3/1/1/1/0 of 6, each rounded on its own, would read 50 + 17 + 17 + 17 = 101 %.
    for status in ("proposed", "proposed", "proposed", "adopted", "in_progress", "implemented"):
        factories.RecommendationFactory(status=status)
    response = client.get("/en/recommendations/")
    content = response.content.decode()
    shares = {
        label: int(share)
        for label, share in re.findall(
            r'<tr><th scope="row">([^<]+)</th><td>\d+</td><td>(\d+)%</td></tr>', content
        )
    }
    # The total row is matched too: the rows above it must add up to what it says.
    assert shares.pop("Total") == 100 == sum(shares.values())
    assert shares == {
        "Proposed": 50,
        "Adopted": 17,
        "In progress": 17,
        "Implemented": 16,
        "Not retained": 0,
    }
    assert '<th scope="row">Total</th><td>6</td>' in content
    # The stacked bar and the implemented progress bar say the same as the table.
    segments = re.findall(r'class="stacked-bar__segment status-(\w+) w-(\d+)"', content)
    assert segments == [
        ("proposed", "50"),
        ("adopted", "17"),
        ("in_progress", "17"),
        ("implemented", "16"),
    ]
    assert 'value="16" aria-label="Implemented">16%</progress>' in content


@pytest.mark.parametrize(
    "statuses", [["adopted"], ["proposed", "adopted", "implemented"], ["adopted", "proposed"] * 7]
)
def test_tracker_shares_always_sum_to_100(client, statuses):
    for status in statuses:
        factories.RecommendationFactory(status=status)
    items = client.get("/en/recommendations/").context["status_summary"]["items"]
    assert sum(item.share for item in items) == 100
    assert [item.step for item in items] == [item.share for item in items]


def test_illustrative_recommendation_is_tagged_in_the_tracker_and_explained_on_its_page(client):
    example = factories.RecommendationFactory(illustrative=True, title_en="Example follow-up")
    factual = factories.RecommendationFactory(illustrative=False, title_en="Reported one")

    tracker = client.get("/en/recommendations/").content.decode()
    card = re.search(
        r'<article class="card card--recommendation[^"]*">(?:(?!</article>).)*'
        r"Example follow-up(?:(?!</article>).)*</article>",
        tracker,
        re.DOTALL,
    ).group(0)
    assert "tag--illustrative" in card
    assert tracker.count("tag--illustrative") == 1

    page = client.get(example.get_absolute_url().replace("/ar/", "/en/")).content.decode()
    assert "Illustrative details." in page
    factual_page = client.get(factual.get_absolute_url().replace("/ar/", "/en/")).content.decode()
    assert "notice--illustrative" not in factual_page
