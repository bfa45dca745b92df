"""Records that others depend on cannot be deleted from the back office.

The delete page and the bulk "delete selected" action both list what protects
the record, answer 200 (never 500), and delete nothing.
"""

import pytest
from django.urls import reverse
from django.utils import translation
from django.utils.html import escape

from associations.models import Association
from meetings.models import Meeting
from portal.models import Person
from projects.models import Project
from tests import factories


@pytest.fixture
def client(staff_client, settings):
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return staff_client


def meeting_with_a_certificate():
    certificate = factories.CertificateFactory()
    return certificate.meeting, certificate


def meeting_with_a_recommendation():
    recommendation = factories.RecommendationFactory()
    return recommendation.meeting, recommendation


def meeting_with_a_site_visit():
    visit = factories.SiteVisitFactory()
    return visit.meeting, visit


def project_with_a_site_visit_stop():
    stop = factories.SiteVisitStopFactory()
    return stop.project, stop


def project_with_a_recommendation():
    recommendation = factories.RecommendationFactory()
    project = factories.ProjectFactory()
    recommendation.related_projects.add(project)
    return project, recommendation


def project_with_a_comment():
    comment = factories.CommentFactory()
    return comment.project, comment


def association_with_a_certificate():
    certificate = factories.CertificateFactory()
    return certificate.recipient_association, certificate


def association_with_a_recommendation():
    recommendation = factories.RecommendationFactory()
    association = factories.AssociationFactory()
    recommendation.related_associations.add(association)
    return association, recommendation


def association_with_a_comment():
    comment = factories.CommentFactory()
    return comment.association, comment


def association_with_a_speech():
    speech = factories.SpeechFactory(speaker=None, association=factories.AssociationFactory())
    return speech.association, speech


def local_person():
    """A person of a commune the staff work for (people of no commune are shared)."""
    return factories.PersonFactory(commune=factories.CommuneFactory())


def person_with_a_speech():
    speech = factories.SpeechFactory(speaker=local_person())
    return speech.speaker, speech


def person_with_a_certificate():
    certificate = factories.CertificateFactory(
        recipient_association=None, recipient_person=local_person()
    )
    return certificate.recipient_person, certificate


CASES = [
    meeting_with_a_certificate,
    meeting_with_a_recommendation,
    meeting_with_a_site_visit,
    project_with_a_site_visit_stop,
    project_with_a_recommendation,
    project_with_a_comment,
    association_with_a_certificate,
    association_with_a_recommendation,
    association_with_a_comment,
    association_with_a_speech,
    person_with_a_speech,
    person_with_a_certificate,
]


def admin_url(obj, view):
    opts = obj._meta
    args = [] if view == "changelist" else [obj.pk]
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def assert_refusal_page(response, protector):
    """The page refuses and names the record that protects (as the English page shows it)."""
    assert response.status_code == 200
    page = response.content.decode()
    assert "Cannot delete" in page
    assert "would require deleting the following protected related objects" in page
    with translation.override("en"):
        assert escape(str(protector)) in page
    assert response.context["protected"]


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.__name__)
def test_delete_page_refuses_and_lists_what_protects_it(client, case):
    obj, protector = case()

    response = client.post(admin_url(obj, "delete"), {"post": "yes"})

    assert_refusal_page(response, protector)
    assert type(obj).objects.filter(pk=obj.pk).exists()


@pytest.mark.parametrize("case", CASES, ids=lambda case: case.__name__)
def test_bulk_delete_refuses_and_lists_what_protects_it(client, case):
    obj, protector = case()

    response = client.post(
        admin_url(obj, "changelist"),
        {"action": "delete_selected", "_selected_action": [obj.pk], "post": "yes"},
    )

    assert_refusal_page(response, protector)
    assert type(obj).objects.filter(pk=obj.pk).exists()


def test_bulk_delete_of_a_free_and_a_protected_project_deletes_neither(client):
    free = factories.ProjectFactory()
    protected, protector = project_with_a_site_visit_stop()

    response = client.post(
        reverse("admin:projects_project_changelist"),
        {"action": "delete_selected", "_selected_action": [free.pk, protected.pk], "post": "yes"},
    )

    assert_refusal_page(response, protector)
    assert Project.objects.filter(pk__in=[free.pk, protected.pk]).count() == 2


@pytest.mark.parametrize(
    "factory",
    [
        factories.MeetingFactory,
        factories.ProjectFactory,
        factories.AssociationFactory,
        local_person,
    ],
    ids=["meeting", "project", "association", "person"],
)
def test_a_record_nothing_depends_on_is_deleted(client, factory):
    obj = factory()

    response = client.post(admin_url(obj, "delete"), {"post": "yes"})

    assert response.status_code == 302
    assert not type(obj).objects.filter(pk=obj.pk).exists()


def test_meeting_parts_go_with_the_meeting(client):
    session = factories.SessionFactory()
    factories.SpeechFactory(meeting=session.meeting, session=session)
    meeting = session.meeting

    response = client.post(admin_url(meeting, "delete"), {"post": "yes"})

    assert response.status_code == 302
    assert not Meeting.objects.filter(pk=meeting.pk).exists()
    # The speaker is a person of the council's records: they stay.
    assert Person.objects.exists()


def test_unprotected_association_bulk_delete_works(client):
    associations = factories.AssociationFactory.create_batch(2)

    response = client.post(
        reverse("admin:associations_association_changelist"),
        {
            "action": "delete_selected",
            "_selected_action": [a.pk for a in associations],
            "post": "yes",
        },
    )

    assert response.status_code == 302
    assert not Association.objects.exists()
