"""Asking to represent an association, staff decisions, and the user's own page."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Permission
from django.contrib.messages.storage.fallback import FallbackStorage
from django.contrib.sessions.backends.cache import SessionStore
from django.core import mail
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import translation

from associations.memberships import services
from associations.memberships.admin import MembershipAdmin, approve_selected, reject_selected
from associations.models import Membership
from tests import factories

pytestmark = pytest.mark.django_db

PENDING, APPROVED, REJECTED = (
    Membership.Status.PENDING,
    Membership.Status.APPROVED,
    Membership.Status.REJECTED,
)


def url(name, language="en", **kwargs):
    with translation.override(language):
        return reverse(name, kwargs=kwargs or None)


@pytest.fixture
def association():
    return factories.AssociationFactory(name_ar="جمعية الواحة", name_fr="Association L'Oasis")


@pytest.fixture
def user():
    return factories.UserFactory()


@pytest.fixture
def client_(user):
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def staff():
    staff = factories.UserFactory(is_staff=True)
    staff.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="associations", codename__endswith="_membership"
        )
    )
    factories.StaffScopeFactory(user=staff, level="region", area=factories.FACTORY_REGION)
    return staff


# --- asking ------------------------------------------------------------------


def test_anonymous_visitor_signs_in_before_asking(association):
    response = Client().get(url("memberships:request", slug=association.slug))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/?next=")


def test_request_page_shows_the_form(client_, association):
    response = client_.get(url("memberships:request", slug=association.slug))
    assert response.status_code == 200
    assert 'name="role"' in response.text
    assert "جمعية الواحة" in response.text  # no English name: the Arabic one


def test_request_records_a_pending_membership_in_the_request_language(client_, user, association):
    response = client_.post(
        url("memberships:request", language="fr", slug=association.slug),
        {"role": "secretary", "message": "Je suis le secrétaire général."},
    )
    assert response.status_code == 302
    assert response["Location"] == "/fr/account/"
    membership = Membership.objects.get()
    assert (membership.user, membership.association) == (user, association)
    assert membership.status == PENDING
    assert membership.role == "secretary"
    assert membership.message == "Je suis le secrétaire général."
    assert membership.language == "fr"


@pytest.mark.parametrize(
    ("status", "message"),
    [
        (PENDING, "have not decided yet"),
        (APPROVED, "You already represent"),
        (REJECTED, "declined your request"),
    ],
)
def test_second_request_is_refused_with_a_message(client_, user, association, status, message):
    factories.MembershipFactory(user=user, association=association, status=status, message="1st")
    response = client_.post(
        url("memberships:request", slug=association.slug),
        {"role": "president", "message": "2nd"},
    )
    assert response.status_code == 409
    assert message in response.text
    membership = Membership.objects.get()
    assert (membership.message, membership.role, membership.status) == (
        "1st",
        "representative",
        status,
    )


def test_service_refuses_a_duplicate(user, association):
    services.request_membership(user, association, role="board", message="", language="ar")
    with pytest.raises(services.AlreadyRequested):
        services.request_membership(user, association, role="board", message="", language="ar")
    assert Membership.objects.count() == 1


def test_invalid_role_is_refused(client_, association):
    response = client_.post(url("memberships:request", slug=association.slug), {"role": "king"})
    assert response.status_code == 200
    assert "Select a valid choice." in response.text
    assert not Membership.objects.exists()


def test_unpublished_association_cannot_be_joined(client_):
    hidden = factories.AssociationFactory(published=False)
    response = client_.post(url("memberships:request", slug=hidden.slug), {"role": "board"})
    assert response.status_code == 404
    assert not Membership.objects.exists()


def test_a_user_represents_several_associations_and_an_association_has_several(
    client_, user, association
):
    other = factories.AssociationFactory()
    colleague = factories.MembershipFactory(association=association, status=APPROVED)
    for target in (association, other):
        client_.post(url("memberships:request", slug=target.slug), {"role": "board"})
    assert Membership.objects.filter(user=user).count() == 2
    assert association.memberships.count() == 2
    assert colleague.status == APPROVED


# --- staff decisions -----------------------------------------------------------


def test_approve_one_sets_the_state_and_emails_in_the_members_language(staff, association):
    membership = factories.MembershipFactory(association=association, language="fr")

    assert services.decide(membership, APPROVED, by=staff)

    membership.refresh_from_db()
    assert membership.status == APPROVED
    assert membership.decided_by == staff
    assert membership.decided_at is not None
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == [membership.user.email]
    assert "Association L'Oasis" in message.subject
    assert "/fr/account/" in message.body
    assert "جمعية الواحة" not in message.body


def test_reject_one_emails_in_arabic(staff, association):
    membership = factories.MembershipFactory(association=association, language="ar")
    services.decide(membership, REJECTED, by=staff)
    membership.refresh_from_db()
    assert membership.status == REJECTED
    assert "جمعية الواحة" in mail.outbox[0].subject
    assert "/ar/account/" in mail.outbox[0].body


def test_deciding_the_same_twice_sends_one_email(staff):
    membership = factories.MembershipFactory()
    services.decide(membership, APPROVED, by=staff)
    assert not services.decide(membership, APPROVED, by=staff)
    assert len(mail.outbox) == 1


def admin_request(user):
    request = RequestFactory().post("/admin/associations/membership/")
    request.user = user
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    return request


def test_approve_selected_approves_the_pending_and_emails_each(staff):
    pending = factories.MembershipFactory.create_batch(2)
    already = factories.MembershipFactory(status=APPROVED)
    modeladmin = MembershipAdmin(Membership, admin.AdminSite())
    request = admin_request(staff)

    with translation.override("en"):
        approve_selected(modeladmin, request, Membership.objects.all())

    assert set(Membership.objects.values_list("status", flat=True)) == {APPROVED}
    assert sorted(m.to[0] for m in mail.outbox) == sorted(m.user.email for m in pending)
    assert already.user.email not in [m.to[0] for m in mail.outbox]
    assert [str(m) for m in request._messages] == [
        "2 memberships approved; the members were told by e-mail."
    ]


def test_reject_selected_rejects_and_emails(staff):
    factories.MembershipFactory.create_batch(3)
    modeladmin = MembershipAdmin(Membership, admin.AdminSite())

    reject_selected(modeladmin, admin_request(staff), Membership.objects.all())

    assert set(Membership.objects.values_list("status", flat=True)) == {REJECTED}
    assert len(mail.outbox) == 3
    assert set(Membership.objects.values_list("decided_by", flat=True)) == {staff.pk}


def test_bulk_action_through_the_admin_changelist(staff):
    memberships = factories.MembershipFactory.create_batch(2)
    client = Client()
    client.force_login(staff)
    response = client.post(
        reverse("admin:associations_membership_changelist"),
        {"action": "approve_selected", "_selected_action": [m.pk for m in memberships]},
    )
    assert response.status_code == 302
    assert set(Membership.objects.values_list("status", flat=True)) == {APPROVED}
    assert len(mail.outbox) == 2


def test_non_staff_cannot_run_the_action():
    membership = factories.MembershipFactory()
    client = Client()
    client.force_login(factories.UserFactory())
    response = client.post(
        reverse("admin:associations_membership_changelist"),
        {"action": "approve_selected", "_selected_action": [membership.pk]},
    )
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    membership.refresh_from_db()
    assert membership.status == PENDING
    assert mail.outbox == []


def test_decision_in_the_change_form_is_recorded_and_emailed(staff):
    membership = factories.MembershipFactory(language="fr", message="Bonjour")
    client = Client()
    client.force_login(staff)
    change_url = reverse("admin:associations_membership_change", args=[membership.pk])
    assert client.get(change_url).status_code == 200

    response = client.post(
        change_url,
        {
            "user": membership.user.pk,
            "association": membership.association.pk,
            "role": membership.role,
            "message": "Bonjour",
            "status": APPROVED,
        },
    )

    assert response.status_code == 302
    membership.refresh_from_db()
    assert membership.status == APPROVED
    assert membership.decided_by == staff
    assert [m.to for m in mail.outbox] == [[membership.user.email]]


def test_saving_the_change_form_without_a_new_status_sends_nothing(staff):
    membership = factories.MembershipFactory()
    client = Client()
    client.force_login(staff)
    client.post(
        reverse("admin:associations_membership_change", args=[membership.pk]),
        {
            "user": membership.user.pk,
            "association": membership.association.pk,
            "role": "president",
            "message": "",
            "status": PENDING,
        },
    )
    membership.refresh_from_db()
    assert membership.role == "president"
    assert membership.decided_at is None
    assert mail.outbox == []


# --- the user's own page -----------------------------------------------------


def test_own_page_needs_sign_in():
    response = Client().get(url("memberships:mine"))
    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/login/")


def test_own_page_lists_memberships_with_their_state_and_comments(client_, user):
    oasis = factories.AssociationFactory(name_ar="جمعية الواحة", name_fr="Oasis", name_en="Oasis")
    factories.MembershipFactory(user=user, association=oasis, status=APPROVED)
    factories.MembershipFactory(
        user=user, association=factories.AssociationFactory(name_en="Palm grove")
    )
    factories.MembershipFactory(
        user=user,
        association=factories.AssociationFactory(name_en="Dunes"),
        status=REJECTED,
    )
    factories.MembershipFactory(association=factories.AssociationFactory(name_en="Not mine"))
    factories.CommentFactory(
        author=user, association=oasis, body="Our comment on the bridge", project__title_en="Bridge"
    )

    response = client_.get(url("memberships:mine"))

    text = response.text
    assert response.status_code == 200
    assert "Not mine" not in text
    blocks = {
        name: text[text.index(name) : text.index("</section>", text.index(name))]
        for name in ("Oasis", "Palm grove", "Dunes")
    }
    assert ">Approved<" in blocks["Oasis"]
    assert ">Pending<" in blocks["Palm grove"]
    assert ">Rejected<" in blocks["Dunes"]
    assert "Our comment on the bridge" in text
    assert "Bridge" in text


def test_own_page_keeps_its_query_count(client_, user):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    def count():
        with CaptureQueriesContext(connection) as queries:
            assert client_.get(url("memberships:mine")).status_code == 200
        return len(queries)

    factories.MembershipFactory(user=user)
    factories.CommentFactory(author=user)
    one = count()
    for _ in range(5):
        factories.MembershipFactory(user=user)
        factories.CommentFactory(author=user)
    assert count() == one
