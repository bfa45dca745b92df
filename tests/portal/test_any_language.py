"""Texts in any one language in the back office; slugs made from whichever title there is."""

import pytest
from django.urls import reverse

from meetings.models import Meeting
from projects.models import Project
from tests import factories
from tests.helpers import add_inline_rows, admin_form_data, page_errors


@pytest.fixture
def french_client(staff_client, settings):
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    return staff_client


def project_data(client, commune, **fields):
    data = admin_form_data(client.get(reverse("admin:projects_project_add")))
    data.update(
        commune=commune.pk,
        sector=factories.SectorFactory().pk,
        status="planned",
        progress="0",
        **fields,
    )
    return data


def test_a_project_with_only_an_arabic_title_gets_a_transliterated_slug(french_client):
    commune = factories.CommuneFactory()
    data = project_data(french_client, commune, title_ar="تهيئة شارع محمد الخامس", slug="")

    response = french_client.post(reverse("admin:projects_project_add"), data)

    assert response.status_code == 302, page_errors(response)
    project = Project.objects.get()
    assert project.slug == "thyih-shr-mhmd-lkhms"
    assert project.title_ar == "تهيئة شارع محمد الخامس"


def test_a_project_with_only_a_french_title_is_saved_and_shown_in_arabic(french_client, client):
    commune = factories.CommuneFactory()
    data = project_data(french_client, commune, title_fr="Aménagement du boulevard", slug="")

    response = french_client.post(reverse("admin:projects_project_add"), data)

    assert response.status_code == 302, page_errors(response)
    project = Project.objects.get()
    assert project.slug == "amenagement-du-boulevard"
    # The Arabic page falls back to the French title.
    assert "Aménagement du boulevard" in client.get(project.get_absolute_url()).content.decode()


def test_a_taken_slug_gets_a_number(french_client):
    commune = factories.CommuneFactory()
    factories.ProjectFactory(slug="thyih-shr-mhmd-lkhms")
    data = project_data(french_client, commune, title_ar="تهيئة شارع محمد الخامس", slug="")

    assert french_client.post(reverse("admin:projects_project_add"), data).status_code == 302
    assert Project.objects.filter(slug="thyih-shr-mhmd-lkhms-2").exists()


def test_a_title_in_no_language_is_refused_with_a_message(french_client):
    commune = factories.CommuneFactory()
    data = project_data(french_client, commune, slug="")

    response = french_client.post(reverse("admin:projects_project_add"), data)

    assert response.status_code == 200
    errors = response.context["adminform"].form.errors
    assert "title_ar" in errors
    assert "au moins une langue" in str(errors["title_ar"])
    assert not Project.objects.exists()


def test_inline_rows_take_a_title_in_french_only_in_the_french_back_office(french_client):
    meeting = factories.MeetingFactory()
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    data = admin_form_data(french_client.get(url))
    add_inline_rows(data, "sessions", [{"order": 1, "title_fr": "Séance d'ouverture"}])
    add_inline_rows(data, "workshops", [{"order": 1, "theme_fr": "Atelier jeunesse"}])

    response = french_client.post(url, data)

    assert response.status_code == 302, page_errors(response)
    session = meeting.sessions.get()
    assert session.title_fr == "Séance d'ouverture" and not session.title_ar
    assert meeting.workshops.get().theme_fr == "Atelier jeunesse"


def test_an_inline_row_with_no_title_at_all_is_refused(french_client):
    meeting = factories.MeetingFactory()
    url = reverse("admin:meetings_meeting_change", args=[meeting.pk])
    data = admin_form_data(french_client.get(url))
    add_inline_rows(data, "sessions", [{"order": 1, "summary_fr": "Sans titre"}])

    response = french_client.post(url, data)

    assert response.status_code == 200
    assert not meeting.sessions.exists()


def test_a_meeting_with_an_arabic_title_only_gets_a_slug_too(staff_client):
    commune = factories.CommuneFactory()
    url = reverse("admin:meetings_meeting_add")
    data = admin_form_data(staff_client.get(url))
    data.update(
        kind="outreach",
        title_ar="لقاء تواصلي مع فعاليات المجتمع المدني",
        slug="",
        commune=commune.pk,
        start_date="2010-07-17",
        status="held",
    )

    response = staff_client.post(url, data)

    assert response.status_code == 302, page_errors(response)
    assert Meeting.objects.get().slug == "lq-twsly-m-flyt-lmjtm-lmdny"
