"""Filing a petition: an association through its representative, citizens through an agent.

Eligibility is shown before filing and checked; a forged filer is refused;
nothing is half-saved.
"""

import datetime

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client

from associations.models import Membership
from petitions.models import Petition, PetitionDocument
from tests import factories
from tests.helpers import pdf

from .conftest import client_for, verified_user

pytestmark = pytest.mark.django_db


def form(commune, **overrides):
    data = {
        "filer_kind": "association",
        "commune": commune.slug,
        "agent_name": "Mohamed Ait Lahcen",
        "title": "Charte de partenariat",
        "reasons": "La rencontre l'a recommandée.",
        "objectives": "Des relations claires.",
        "action_requested": "L'inscrire à l'ordre du jour.",
    }
    data.update(overrides)
    return data


def test_a_representative_files_for_the_association_and_gets_a_receipt(
    commune, eligible_association, representative
):
    client = client_for(representative)
    data = form(commune, association=eligible_association.pk, document_1=pdf("statuts.pdf"))

    response = client.post("/en/petitions/new/", data)

    petition = Petition.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"/en/petitions/{petition.pk}/"
    assert petition.status == Petition.Status.FILED
    assert petition.association == eligible_association
    assert petition.receipt_number == f"{datetime.date.today().year}/0001"
    assert PetitionDocument.objects.get().title == "statuts.pdf"
    assert mail.outbox[0].to == [representative.email]
    page = client.get(response["Location"]).content.decode()
    assert petition.receipt_number in page


def test_the_page_shows_the_associations_conditions_before_filing(
    commune, eligible_association, representative
):
    page = client_for(representative).get(f"/en/petitions/new/?commune={commune.slug}")

    text = page.content.decode()
    assert page.status_code == 200
    assert "Constituted for more than 3 years" in text
    assert "at least 100 citizens" in text


def test_a_user_who_does_not_represent_the_association_is_refused(commune, eligible_association):
    client = client_for(verified_user())

    response = client.post("/en/petitions/new/", form(commune, association=eligible_association.pk))

    assert response.status_code == 403
    assert "an association you represent" in response.content.decode()
    assert not Petition.objects.exists()


def test_a_pending_membership_is_not_a_mandate(commune, eligible_association):
    user = verified_user()
    factories.MembershipFactory(
        user=user, association=eligible_association, status=Membership.Status.PENDING
    )
    response = client_for(user).post(
        "/en/petitions/new/", form(commune, association=eligible_association.pk)
    )
    assert response.status_code == 403
    assert not Petition.objects.exists()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        ({"receipt_date": None}, "filing receipt is not recorded"),
        ({"receipt_date": datetime.date.today() - datetime.timedelta(days=400)}, "more than 3"),
        ({"verified": False}, "not yet in good standing"),
    ],
)
def test_an_ineligible_association_is_told_why_and_nothing_is_saved(
    commune, eligible_association, representative, change, message
):
    for name, value in change.items():
        setattr(eligible_association, name, value)
    eligible_association.save()

    response = client_for(representative).post(
        "/en/petitions/new/", form(commune, association=eligible_association.pk)
    )

    assert response.status_code == 400
    assert message in response.content.decode()
    assert not Petition.objects.exists()
    assert not PetitionDocument.objects.exists()


def test_an_association_petitions_only_its_own_communes_council(
    eligible_association, representative
):
    other = factories.CommuneFactory(slug="taroudant")
    response = client_for(representative).post(
        "/en/petitions/new/", form(other, association=eligible_association.pk)
    )
    assert response.status_code == 400
    assert "has its seat in another commune" in response.content.decode()
    assert not Petition.objects.exists()


def test_an_unknown_commune_is_refused_with_a_message(representative, eligible_association):
    response = client_for(representative).post(
        "/en/petitions/new/",
        {**form(eligible_association.commune), "commune": "atlantis-nowhere"},
    )
    assert response.status_code == 400
    assert "No commune is named" in response.content.decode()


def test_a_citizens_petition_opens_for_signatures_then_the_agent_files_it(commune):
    agent = verified_user()
    client = client_for(agent)

    response = client.post("/en/petitions/new/", form(commune, filer_kind="citizens"))

    petition = Petition.objects.get()
    assert response.status_code == 302
    assert petition.status == Petition.Status.COLLECTING
    assert petition.required_signatures == 100
    assert petition.agent == agent

    refused = client.post(f"/en/petitions/{petition.pk}/file/")
    assert refused.status_code == 400
    assert "0 signatures; 100 are needed" in refused.content.decode()
    petition.refresh_from_db()
    assert petition.status == Petition.Status.COLLECTING

    Petition.objects.filter(pk=petition.pk).update(signature_count=100)
    assert client_for(verified_user()).post(f"/en/petitions/{petition.pk}/file/").status_code == 403
    filed = client.post(f"/en/petitions/{petition.pk}/file/")
    assert filed.status_code == 302
    petition.refresh_from_db()
    assert petition.status == Petition.Status.FILED
    assert petition.receipt_number


def test_an_unverified_account_cannot_file(commune):
    response = client_for(factories.UserFactory()).post(
        "/en/petitions/new/", form(commune, filer_kind="citizens")
    )
    assert response.status_code == 403
    assert not Petition.objects.exists()


def test_an_oversized_document_is_refused_and_nothing_is_saved(
    settings, commune, eligible_association, representative
):
    settings.MAX_DOCUMENT_UPLOAD_BYTES = 1000
    big = SimpleUploadedFile("big.pdf", b"%PDF-1.4\n" + b"0" * 5000, "application/pdf")

    response = client_for(representative).post(
        "/en/petitions/new/", form(commune, association=eligible_association.pk, document_1=big)
    )

    assert response.status_code == 400
    assert "the limit is" in response.content.decode()
    assert not Petition.objects.exists()


def test_anonymous_visitors_sign_in_before_filing():
    response = Client().get("/en/petitions/new/")
    assert response.status_code == 302
