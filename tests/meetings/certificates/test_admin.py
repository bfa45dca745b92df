"""The certificate admin actions: called directly with a plain ModelAdmin, so
they do not depend on how the real admin registers them, and once through the
real Meeting changelist as council staff would run them."""

import datetime

import pytest
from django.contrib import admin
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import Client, RequestFactory
from django.urls import reverse
from django.utils import timezone, translation

from meetings.certificates.admin import award_to_attending_associations, revoke_certificates
from meetings.certificates.services import award_certificate
from meetings.models import Certificate, Meeting
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _english():
    with translation.override("en"):
        yield


def admin_request(user):
    request = RequestFactory().post("/admin/meetings/meeting/")
    request.user = user
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def messages_of(request):
    return [str(message) for message in get_messages(request)]


@pytest.fixture
def meeting():
    commune = factories.CommuneFactory(name_ar="كلميم", name_fr="Guelmim")
    meeting = factories.MeetingFactory(
        commune=commune,
        title_ar="منتدى الجمعيات",
        title_fr="Forum des associations",
        title_en="Associations forum",
        start_date=datetime.date(2024, 5, 10),
        end_date=datetime.date(2024, 5, 11),
    )
    for _ in range(3):
        factories.AssociationAttendanceFactory(
            meeting=meeting, association=factories.AssociationFactory(commune=commune)
        )
    return meeting


def test_bulk_award_gives_one_certificate_per_attending_association(meeting, superuser):
    other = factories.MeetingFactory(commune=meeting.commune)
    factories.AssociationAttendanceFactory(meeting=other)  # not selected
    modeladmin = admin.ModelAdmin(Meeting, admin.site)
    request = admin_request(superuser)

    award_to_attending_associations(modeladmin, request, Meeting.objects.filter(pk=meeting.pk))

    certificates = list(Certificate.objects.filter(meeting=meeting).order_by("serial_number"))
    attending = set(meeting.association_attendance.values_list("association_id", flat=True))
    assert len(certificates) == 3
    assert {c.recipient_association_id for c in certificates} == attending
    assert [c.serial for c in certificates] == ["2024/0001", "2024/0002", "2024/0003"]
    assert all(c.awarded_on == datetime.date(2024, 5, 11) for c in certificates)
    assert all(c.commune_id == meeting.commune_id for c in certificates)
    assert not Certificate.objects.filter(meeting=other).exists()
    assert messages_of(request) == ["3 certificates awarded."]


def post_action(client, *meetings):
    return client.post(
        reverse("admin:meetings_meeting_changelist"),
        {
            "action": "award_to_attending_associations",
            "_selected_action": [meeting.pk for meeting in meetings],
        },
        HTTP_ACCEPT_LANGUAGE="en",
        follow=True,
    )


def test_council_staff_award_through_the_changelist_once(meeting, staff_client):
    other = factories.MeetingFactory(commune=meeting.commune)
    factories.AssociationAttendanceFactory(meeting=other)  # not selected
    attending = set(meeting.association_attendance.values_list("association_id", flat=True))

    response = post_action(staff_client, meeting)

    assert response.redirect_chain[-1][1] == 302
    assert response.status_code == 200
    assert messages_of(response.wsgi_request) == ["3 certificates awarded."]
    awarded = list(Certificate.objects.filter(meeting=meeting))
    assert sorted(c.recipient_association_id for c in awarded) == sorted(attending)
    assert not Certificate.objects.filter(meeting=other).exists()

    again = post_action(staff_client, meeting)

    assert messages_of(again.wsgi_request) == [
        "0 certificates awarded. 3 associations already held one and were skipped."
    ]
    assert set(Certificate.objects.values_list("pk", flat=True)) == {c.pk for c in awarded}


def test_staff_without_permissions_cannot_award_through_the_changelist(meeting):
    client = Client()
    client.force_login(factories.UserFactory(is_staff=True))
    response = post_action(client, meeting)
    assert response.status_code == 403
    assert not Certificate.objects.exists()


@pytest.mark.parametrize("active", ["ar", "fr", "en"])
def test_bulk_award_writes_the_citation_in_three_languages(meeting, superuser, active):
    with translation.override(active):
        award_to_attending_associations(
            admin.ModelAdmin(Meeting, admin.site),
            admin_request(superuser),
            Meeting.objects.filter(pk=meeting.pk),
        )
    certificate = Certificate.objects.filter(meeting=meeting).first()
    assert "منتدى الجمعيات" in certificate.citation_ar
    assert "Forum des associations" in certificate.citation_fr
    assert "Associations forum" in certificate.citation_en
    assert certificate.citation_en.startswith("In appreciation")


def test_second_bulk_award_adds_none(meeting, superuser):
    modeladmin = admin.ModelAdmin(Meeting, admin.site)
    queryset = Meeting.objects.filter(pk=meeting.pk)
    award_to_attending_associations(modeladmin, admin_request(superuser), queryset)
    codes = set(Certificate.objects.values_list("code", flat=True))

    request = admin_request(superuser)
    award_to_attending_associations(modeladmin, request, queryset)

    assert set(Certificate.objects.values_list("code", flat=True)) == codes
    assert messages_of(request) == [
        "0 certificates awarded. 3 associations already held one and were skipped."
    ]


def test_bulk_award_replaces_a_revoked_certificate_and_keeps_the_signatory(meeting, superuser):
    attendance = meeting.association_attendance.first()
    signatory = factories.PersonFactory()
    revoked = award_certificate(
        meeting=meeting,
        citation="تقدير",
        citation_ar="تقدير",
        awarded_on=meeting.start_date,
        association=attendance.association,
        signatory=signatory,
    )
    revoked.revoke()
    request = admin_request(superuser)

    award_to_attending_associations(
        admin.ModelAdmin(Meeting, admin.site), request, Meeting.objects.filter(pk=meeting.pk)
    )

    valid = Certificate.objects.valid().filter(meeting=meeting)
    assert valid.count() == 3
    assert valid.filter(recipient_association=attendance.association).count() == 1
    assert all(c.signatory_id == signatory.pk for c in valid)
    assert messages_of(request) == ["3 certificates awarded."]


def test_bulk_award_uses_the_start_date_without_an_end_date(meeting, superuser):
    Meeting.objects.filter(pk=meeting.pk).update(end_date=None)
    award_to_attending_associations(
        admin.ModelAdmin(Meeting, admin.site),
        admin_request(superuser),
        Meeting.objects.filter(pk=meeting.pk),
    )
    assert set(Certificate.objects.values_list("awarded_on", flat=True)) == {
        datetime.date(2024, 5, 10)
    }


def test_revoke_action_revokes_the_selected_certificates_today(superuser):
    chosen = factories.CertificateFactory.create_batch(2)
    kept = factories.CertificateFactory()
    request = admin_request(superuser)

    revoke_certificates(
        admin.ModelAdmin(Certificate, admin.site),
        request,
        Certificate.objects.filter(pk__in=[c.pk for c in chosen]),
    )

    for certificate in chosen:
        certificate.refresh_from_db()
        assert certificate.revoked
        assert certificate.revoked_on == timezone.localdate()
    kept.refresh_from_db()
    assert not kept.revoked
    assert messages_of(request) == ["2 certificates revoked."]


def test_revoke_action_leaves_an_earlier_revocation_alone(superuser):
    certificate = factories.CertificateFactory()
    certificate.revoke("Erreur", on=datetime.date(2025, 1, 15))
    request = admin_request(superuser)
    revoke_certificates(
        admin.ModelAdmin(Certificate, admin.site),
        request,
        Certificate.objects.filter(pk=certificate.pk),
    )
    certificate.refresh_from_db()
    assert certificate.revoked_on == datetime.date(2025, 1, 15)
    assert certificate.revocation_reason == "Erreur"
    assert messages_of(request) == ["0 certificates revoked."]


def test_actions_carry_a_description_and_the_permission_they_need():
    assert str(award_to_attending_associations.short_description) == (
        "Award a certificate to every attending association"
    )
    assert award_to_attending_associations.allowed_permissions == ["add"]
    assert str(revoke_certificates.short_description) == "Revoke the selected certificates"
    assert revoke_certificates.allowed_permissions == ["change"]
