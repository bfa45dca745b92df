"""Bulk actions of the back office: deciding memberships, revoking certificates."""

from django.urls import reverse

from associations.models import Membership
from meetings.models import Certificate
from tests import factories
from tests.helpers import admin_form_data, page_errors


def test_staff_approve_membership_requests_and_are_recorded_as_deciders(staff_client, staff_user):
    pending = factories.MembershipFactory.create_batch(2)

    staff_client.post(
        reverse("admin:associations_membership_changelist"),
        {"action": "approve_selected", "_selected_action": [m.pk for m in pending]},
    )

    for membership in Membership.objects.all():
        assert membership.status == Membership.Status.APPROVED
        assert membership.decided_by == staff_user
        assert membership.decided_at is not None


def test_rejecting_a_request_on_its_page_records_the_decision(staff_client, staff_user):
    membership = factories.MembershipFactory()
    url = reverse("admin:associations_membership_change", args=[membership.pk])
    data = admin_form_data(staff_client.get(url))
    data["status"] = Membership.Status.REJECTED

    response = staff_client.post(url, data)

    assert response.status_code == 302, page_errors(response)
    membership.refresh_from_db()
    assert membership.status == Membership.Status.REJECTED
    assert membership.decided_by == staff_user


def test_staff_revoke_certificates_in_bulk(staff_client):
    certificate = factories.CertificateFactory()

    staff_client.post(
        reverse("admin:meetings_certificate_changelist"),
        {"action": "revoke_certificates", "_selected_action": [certificate.pk]},
    )

    certificate.refresh_from_db()
    assert certificate.revoked
    assert certificate.revoked_on is not None


def test_a_certificates_meeting_is_fixed_once_awarded(staff_client):
    certificate = factories.CertificateFactory()
    other_meeting = factories.MeetingFactory()
    url = reverse("admin:meetings_certificate_change", args=[certificate.pk])
    data = admin_form_data(staff_client.get(url))
    data["meeting"] = other_meeting.pk

    response = staff_client.post(url, data)

    assert response.status_code == 302, page_errors(response)
    assert Certificate.objects.get().meeting == certificate.meeting
