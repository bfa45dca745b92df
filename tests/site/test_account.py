"""A representative's own page: their associations, what each received and attended, their
comments; and being signed in straight after confirming the e-mail address."""

import datetime
import re

import pytest
from allauth.account.models import EmailAddress
from django.core import mail
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation

from associations.models import Membership
from tests import factories

pytestmark = pytest.mark.django_db


def account_url(lang="en"):
    with translation.override(lang):
        return reverse("memberships:mine")


@pytest.fixture
def user():
    return factories.UserFactory(email="amina@example.org")


@pytest.fixture
def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def section_of(html: str, name: str) -> str:
    start = html.index(name)
    return html[start : html.index("</section>", start)]


def test_approved_association_shows_its_certificates_with_pdf_and_meetings_attended(
    signed_in, user
):
    oasis = factories.AssociationFactory(name_en="Oasis association", slug="oasis")
    factories.MembershipFactory(user=user, association=oasis, status=Membership.Status.APPROVED)
    forum = factories.MeetingFactory(
        title_en="Associations forum", start_date=datetime.date(2009, 5, 10)
    )
    factories.AssociationAttendanceFactory(meeting=forum, association=oasis)
    certificate = factories.CertificateFactory(meeting=forum, recipient_association=oasis)
    factories.CertificateFactory(
        recipient_association=oasis, revoked=True, revoked_on=datetime.date(2024, 6, 1)
    )
    hidden = factories.MeetingFactory(title_en="Unpublished meeting", published=False)
    factories.AssociationAttendanceFactory(meeting=hidden, association=oasis)

    html = signed_in.get(account_url()).content.decode()

    block = section_of(html, "Oasis association")
    assert f'href="{oasis.get_absolute_url().replace("/ar/", "/en/")}"' in block
    with translation.override("en"):
        pdf = reverse("certificates:pdf", kwargs={"code": certificate.code})
        verify = certificate.get_absolute_url()
        meeting = forum.get_absolute_url()
    assert f'href="{pdf}" type="application/pdf" download' in block
    assert f'href="{verify}"' in block
    assert block.count('type="application/pdf"') == 1  # the revoked one is left out
    assert f'href="{meeting}"' in block
    assert "Associations forum" in block
    assert "Unpublished meeting" not in block


def test_pending_and_rejected_memberships_show_no_certificates(signed_in, user):
    oasis = factories.AssociationFactory(name_en="Oasis association")
    factories.MembershipFactory(user=user, association=oasis, status=Membership.Status.PENDING)
    factories.CertificateFactory(recipient_association=oasis)
    dunes = factories.AssociationFactory(name_en="Dunes association")
    factories.MembershipFactory(user=user, association=dunes, status=Membership.Status.REJECTED)
    factories.CertificateFactory(recipient_association=dunes)

    html = signed_in.get(account_url()).content.decode()

    assert 'type="application/pdf"' not in html
    assert "have not decided yet" in section_of(html, "Oasis association")


def test_unpublished_association_is_named_but_not_linked(signed_in, user):
    draft = factories.AssociationFactory(name_en="Draft association", slug="draft", published=False)
    factories.MembershipFactory(user=user, association=draft, status=Membership.Status.APPROVED)
    block = section_of(signed_in.get(account_url()).content.decode(), "Draft association")
    assert "/associations/draft/" not in block


def test_account_page_query_count_does_not_grow_with_certificates_and_meetings(signed_in, user):
    def add():
        association = factories.AssociationFactory()
        factories.MembershipFactory(
            user=user, association=association, status=Membership.Status.APPROVED
        )
        for _ in range(3):
            factories.CertificateFactory(recipient_association=association)
            factories.AssociationAttendanceFactory(association=association)
        factories.CommentFactory(author=user, association=association)

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert signed_in.get(account_url()).status_code == 200
        return len(queries)

    add()
    one = count()
    for _ in range(4):
        add()
    assert count() == one


def test_account_page_lists_at_most_ten_certificates_per_association(signed_in, user):
    association = factories.AssociationFactory(name_en="Busy association")
    factories.MembershipFactory(
        user=user, association=association, status=Membership.Status.APPROVED
    )
    factories.CertificateFactory.create_batch(12, recipient_association=association)
    block = section_of(signed_in.get(account_url()).content.decode(), "Busy association")
    assert block.count('type="application/pdf"') == 10


def test_account_page_refuses_post(signed_in):
    assert signed_in.post(account_url()).status_code == 405


def test_account_page_needs_sign_in():
    response = Client().get(account_url())
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_confirming_the_email_signs_the_new_representative_in(settings):
    client = Client(HTTP_ACCEPT_LANGUAGE="fr")
    client.post(
        "/accounts/signup/",
        {
            "email": "karim@example.org",
            "password1": "Oued-Noun-2010!",
            "password2": "Oued-Noun-2010!",
        },
    )
    assert "_auth_user_id" not in client.session
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body).group(0)
    path = "/accounts/" + link.split("/accounts/", 1)[1]

    response = client.post(path)

    assert EmailAddress.objects.get(email="karim@example.org").verified
    assert response.status_code == 302
    assert client.session["_auth_user_id"]
    assert client.get(account_url("fr")).status_code == 200


def test_confirming_from_another_browser_verifies_but_asks_to_sign_in():
    Client().post(
        "/accounts/signup/",
        {
            "email": "karim@example.org",
            "password1": "Oued-Noun-2010!",
            "password2": "Oued-Noun-2010!",
        },
    )
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body).group(0)
    other = Client()
    other.post("/accounts/" + link.split("/accounts/", 1)[1])
    assert EmailAddress.objects.get(email="karim@example.org").verified
    assert "_auth_user_id" not in other.session
