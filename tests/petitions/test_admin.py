"""Staff take the procedure's steps in the back office, for their own communes only."""

import datetime

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from petitions import services
from petitions.models import Petition
from tests import factories

from .conftest import client_for

pytestmark = pytest.mark.django_db


def staff_of(commune):
    user = factories.UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Council staff"))
    factories.StaffScopeFactory(user=user, commune=commune)
    return user


@pytest.fixture
def filed_petition():
    petition = factories.PetitionFactory(signature_count=100)
    services.file_petition(petition, None, datetime.date(2026, 1, 5))
    petition.refresh_from_db()
    return petition


def procedure_url(petition):
    return reverse("admin:petitions_petition_procedure", args=[petition.pk])


def test_staff_declare_a_petition_inadmissible_with_reasons(filed_petition):
    client = client_for(staff_of(filed_petition.commune))
    page = client.get(procedure_url(filed_petition))
    assert page.status_code == 200
    assert page.context["checks"]

    refused = client.post(
        procedure_url(filed_petition), {"step": "inadmissible", "date": "2026-02-01", "text": ""}
    )
    assert refused.status_code == 200
    assert "اذكر الأسباب" in refused.content.decode()  # the back office is in Arabic
    filed_petition.refresh_from_db()
    assert filed_petition.status == Petition.Status.FILED

    done = client.post(
        procedure_url(filed_petition),
        {"step": "inadmissible", "date": "2026-02-01", "text": "Hors compétence."},
    )
    assert done.status_code == 302
    filed_petition.refresh_from_db()
    assert filed_petition.status == Petition.Status.INADMISSIBLE
    assert filed_petition.events.last().by is not None


def test_a_step_that_does_not_start_here_is_not_offered(filed_petition):
    client = client_for(staff_of(filed_petition.commune))
    response = client.post(procedure_url(filed_petition), {"step": "close", "date": "2026-02-01"})
    assert response.status_code == 200
    assert "step" in response.context["form"].errors
    filed_petition.refresh_from_db()
    assert filed_petition.status == Petition.Status.FILED


def test_staff_of_another_commune_get_404(filed_petition):
    client = client_for(staff_of(factories.CommuneFactory()))
    assert client.get(procedure_url(filed_petition)).status_code == 404
    response = client.post(
        procedure_url(filed_petition),
        {"step": "inadmissible", "date": "2026-02-01", "text": "x"},
    )
    assert response.status_code == 404
    change = reverse("admin:petitions_petition_change", args=[filed_petition.pk])
    assert client.get(change).status_code == 404
    filed_petition.refresh_from_db()
    assert filed_petition.status == Petition.Status.FILED


def test_a_paper_petition_recorded_by_staff_is_filed_from_the_procedure_page():
    commune = factories.CommuneFactory()
    client = client_for(staff_of(commune))
    response = client.post(
        reverse("admin:petitions_petition_add"),
        {
            "commune": commune.pk,
            "title": "Paper petition",
            "reasons": "r",
            "objectives": "o",
            "action_requested": "a",
            "filer_kind": "citizens",
            "agent_name": "Agent",
            "required_signatures": "0",
            "documents-TOTAL_FORMS": "0",
            "documents-INITIAL_FORMS": "0",
            "events-TOTAL_FORMS": "0",
            "events-INITIAL_FORMS": "0",
        },
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    petition = Petition.objects.get()
    assert petition.status == Petition.Status.DRAFT
    assert petition.required_signatures == 100
    Petition.objects.filter(pk=petition.pk).update(signature_count=100)
    client.post(procedure_url(petition), {"step": "file", "date": "2026-03-02"})
    petition.refresh_from_db()
    assert petition.receipt_number == "2026/0001"
    assert petition.due_on == datetime.date(2026, 6, 2)


def test_the_procedure_page_names_the_session_months_in_the_language(filed_petition):
    client = client_for(staff_of(filed_petition.commune))
    arabic = client.get(procedure_url(filed_petition)).content.decode()
    assert "فبراير، ماي، أكتوبر" in arabic
    french = client.get(procedure_url(filed_petition), HTTP_ACCEPT_LANGUAGE="fr").content.decode()
    assert "février, mai, octobre" in french
