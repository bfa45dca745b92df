"""Citizens sign online: verified e-mail, name, declaration; once; withdrawn while collecting."""

import pytest
from django.core.cache import cache
from django.test import Client

from petitions.models import Petition, PetitionSignature
from tests import factories

from .conftest import client_for, verified_user

pytestmark = pytest.mark.django_db

SIGNATURE = {"full_name": "Fatima Zahra Amrani", "tie": "residence", "declaration": "on"}


def sign_url(petition):
    return f"/en/petitions/{petition.pk}/sign/"


def test_a_verified_citizen_signs_and_the_stored_count_moves():
    petition = factories.PetitionFactory()
    client = client_for(verified_user())

    response = client.post(sign_url(petition), SIGNATURE)

    assert response.status_code == 302
    petition.refresh_from_db()
    assert petition.signature_count == 1
    signature = PetitionSignature.objects.get()
    assert (signature.full_name, signature.tie) == ("Fatima Zahra Amrani", "residence")
    page = client.get(f"/en/petitions/{petition.pk}/").content.decode()
    assert "You have signed this petition." in page


def test_signing_twice_is_refused_with_a_message_and_counted_once():
    petition = factories.PetitionFactory()
    client = client_for(verified_user())
    client.post(sign_url(petition), SIGNATURE)

    response = client.post(sign_url(petition), SIGNATURE)

    assert response.status_code == 409
    assert "You have already signed this petition." in response.content.decode()
    petition.refresh_from_db()
    assert petition.signature_count == 1 == petition.signatures.count()


def test_signing_twice_is_refused_in_arabic_too():
    petition = factories.PetitionFactory()
    client = client_for(verified_user())
    client.post(sign_url(petition), SIGNATURE)

    response = client.post(f"/ar/petitions/{petition.pk}/sign/", SIGNATURE)

    assert "لقد وقّعت هذه العريضة من قبل." in response.content.decode()


def test_an_unverified_address_cannot_sign():
    petition = factories.PetitionFactory()
    client = client_for(factories.UserFactory())

    response = client.post(sign_url(petition), SIGNATURE)

    assert response.status_code == 403
    assert "Confirm your e-mail address first" in response.content.decode()
    assert not PetitionSignature.objects.exists()


@pytest.mark.parametrize("status", ["filed", "closed", "inadmissible"])
def test_a_filed_or_closed_petition_takes_no_signature(status):
    petition = factories.PetitionFactory(status=status, filed_on="2026-01-05", decision_reasons="r")
    response = client_for(verified_user()).post(sign_url(petition), SIGNATURE)

    assert response.status_code == 403
    assert "no longer takes signatures" in response.content.decode()
    assert not PetitionSignature.objects.exists()


def test_an_associations_petition_is_not_signed_online(eligible_association):
    petition = factories.PetitionFactory(filer_kind="association", association=eligible_association)
    response = client_for(verified_user()).post(sign_url(petition), SIGNATURE)
    assert response.status_code == 403


def test_the_declaration_and_the_name_are_required():
    petition = factories.PetitionFactory()
    client = client_for(verified_user())

    response = client.post(sign_url(petition), {"full_name": "", "tie": "residence"})

    assert response.status_code == 400
    assert "Tick the declaration to sign." in response.content.decode()
    assert not PetitionSignature.objects.exists()


def test_anonymous_visitors_are_sent_to_sign_in():
    petition = factories.PetitionFactory()
    response = Client().post(sign_url(petition), SIGNATURE)
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_draft_is_not_there_for_others():
    petition = factories.PetitionFactory(status="draft")
    response = client_for(verified_user()).post(sign_url(petition), SIGNATURE)
    assert response.status_code == 404


def test_a_signature_is_withdrawn_while_the_petition_collects():
    petition = factories.PetitionFactory()
    client = client_for(verified_user())
    client.post(sign_url(petition), SIGNATURE)

    response = client.post(f"/en/petitions/{petition.pk}/withdraw/")

    assert response.status_code == 302
    petition.refresh_from_db()
    assert petition.signature_count == 0
    assert not PetitionSignature.objects.exists()


def test_a_signature_stays_once_the_petition_is_filed():
    petition = factories.PetitionFactory()
    user = verified_user()
    client = client_for(user)
    client.post(sign_url(petition), SIGNATURE)
    Petition.objects.filter(pk=petition.pk).update(status="filed", filed_on="2026-01-05")

    response = client.post(f"/en/petitions/{petition.pk}/withdraw/")

    assert response.status_code == 403
    assert "can no longer be withdrawn" in response.content.decode()
    assert PetitionSignature.objects.filter(user=user).exists()


def test_withdrawing_without_a_signature_is_refused():
    petition = factories.PetitionFactory()
    response = client_for(verified_user()).post(f"/en/petitions/{petition.pk}/withdraw/")
    assert response.status_code == 400


def test_signing_is_rate_limited(settings):
    settings.PETITION_SIGNING_RATE_LIMIT = (2, 600)
    cache.clear()
    client = client_for(verified_user())
    petitions = [factories.PetitionFactory() for _ in range(3)]

    answers = [client.post(sign_url(petition), SIGNATURE).status_code for petition in petitions]

    assert answers == [302, 302, 429]
    assert PetitionSignature.objects.count() == 2


def test_the_agent_sees_the_signatories_and_nobody_else_does():
    petition = factories.PetitionFactory()
    client_for(verified_user()).post(sign_url(petition), SIGNATURE)
    url = f"/en/petitions/{petition.pk}/signatories/"

    agent_page = client_for(petition.agent).get(url)
    assert agent_page.status_code == 200
    assert "Fatima Zahra Amrani" in agent_page.content.decode()

    assert client_for(verified_user()).get(url).status_code == 403
    other_staff = factories.UserFactory(is_staff=True)
    factories.StaffScopeFactory(user=other_staff, commune=factories.CommuneFactory())
    assert client_for(other_staff).get(url).status_code == 403
    own_staff = factories.UserFactory(is_staff=True)
    factories.StaffScopeFactory(user=own_staff, commune=petition.commune)
    assert client_for(own_staff).get(url).status_code == 200
