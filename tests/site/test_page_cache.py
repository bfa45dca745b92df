"""Anonymous visitors' pages come from the cache until the records they show change."""

import datetime

import pytest
from django.test import Client
from django.utils import timezone, translation

from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _page_cache_on(settings):
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 300


def test_a_repeated_visit_is_one_query_and_the_same_page(client, django_assert_num_queries):
    factories.ProjectFactory(title_fr="Route de Guelmim")
    first = client.get("/fr/projects/")
    with django_assert_num_queries(1):  # the stored versions of what the page shows
        second = client.get("/fr/projects/")
    assert second.status_code == 200
    assert second.content == first.content


def test_a_write_shows_at_once(client):
    project = factories.ProjectFactory(title_fr="Route de Guelmim")
    client.get("/fr/projects/")
    project.title_fr = "Route de Taroudant"
    project.save()
    content = client.get("/fr/projects/").content.decode()
    assert "Route de Taroudant" in content
    assert "Route de Guelmim" not in content


def test_a_comment_shows_at_once_on_the_project_page(client):
    project = factories.ProjectFactory()
    client.get(project.get_absolute_url())
    factories.CommentFactory(project=project, body="Les travaux avancent bien")
    assert "Les travaux avancent bien" in client.get(project.get_absolute_url()).content.decode()


def test_each_address_and_language_has_its_own_page(client):
    factories.ProjectFactory(title_ar="طريق", title_fr="Route", status="completed")
    factories.ProjectFactory(title_ar="مدرسة", title_fr="École", status="planned")
    assert "École" not in client.get("/fr/projects/?status=completed").content.decode()
    assert "École" in client.get("/fr/projects/?status=planned").content.decode()
    assert "مدرسة" in client.get("/ar/projects/?status=planned").content.decode()


def test_signed_in_visitors_get_their_own_page(client, superuser):
    factories.ProjectFactory()
    client.get("/fr/projects/")
    signed_in = Client()
    signed_in.force_login(superuser)
    content = signed_in.get("/fr/projects/").content.decode()
    assert "Sign out" in content or "Se déconnecter" in content


def test_a_page_with_a_form_that_posts_is_never_shared(client, superuser):
    # The project page of a staff member has the comment form and its CSRF token.
    project = factories.ProjectFactory()
    staff = Client()
    staff.force_login(superuser)
    assert "csrfmiddlewaretoken" in staff.get(project.get_absolute_url()).content.decode()
    assert "csrfmiddlewaretoken" not in client.get(project.get_absolute_url()).content.decode()


def test_refusals_are_not_cached(client):
    assert client.get("/fr/projects/no-such-project/").status_code == 404
    factories.ProjectFactory(slug="no-such-project")
    assert client.get("/fr/projects/no-such-project/").status_code == 200


def test_zero_seconds_turns_the_cache_off(client, settings, django_assert_max_num_queries):
    settings.ANONYMOUS_PAGE_CACHE_SECONDS = 0
    factories.ProjectFactory()
    client.get("/fr/projects/")
    with django_assert_max_num_queries(10) as queries:
        client.get("/fr/projects/")
    assert len(queries) > 1


def test_a_meeting_page_shows_a_new_session_at_once(client):
    meeting = factories.MeetingFactory()
    client.get(meeting.get_absolute_url())
    factories.SessionFactory(meeting=meeting, title_ar="جلسة المساء")
    assert "جلسة المساء" in client.get(meeting.get_absolute_url()).content.decode()


def test_a_revoked_certificate_leaves_the_association_page_at_once(client):
    certificate = factories.CertificateFactory()
    association = certificate.recipient_association
    assert certificate.code in client.get(association.get_absolute_url()).content.decode()
    certificate.revoke("erreur")
    assert certificate.code not in client.get(association.get_absolute_url()).content.decode()


def test_a_follow_up_shows_at_once_on_the_recommendation_page(client):
    recommendation = factories.RecommendationFactory()
    client.get(recommendation.get_absolute_url())
    factories.RecommendationUpdateFactory(recommendation=recommendation, note_ar="بدأت الأشغال")
    assert "بدأت الأشغال" in client.get(recommendation.get_absolute_url()).content.decode()


def test_a_page_that_counts_days_is_made_again_the_next_day(client, monkeypatch):
    # An overdue petition says by how many days: the cached page of yesterday
    # must not be served today.
    today = datetime.date(2026, 12, 6)
    petition = factories.PetitionFactory(
        status="under_review",
        filed_on=datetime.date(2026, 8, 1),
        due_on=datetime.date(2026, 11, 1),
    )
    url = petition.get_absolute_url()
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: today)
    with translation.override("ar"):
        first_day = petition.deadline_text(today)
        next_day = petition.deadline_text(today + datetime.timedelta(days=1))
    assert "35" in first_day and "36" in next_day
    assert first_day in client.get(url).content.decode()
    monkeypatch.setattr(
        timezone, "localdate", lambda *args, **kwargs: today + datetime.timedelta(days=1)
    )
    content = client.get(url).content.decode()
    assert next_day in content
    assert first_day not in content
