"""History: every save in the back office is a version; the history page shows who
changed what and when, with the old and new values; superusers restore."""

import pytest
from django.urls import reverse
from reversion.models import Version

from meetings.models import Meeting, Speech
from projects.models import Project
from recommendations.models import Recommendation
from tests import factories
from tests.helpers import add_inline_rows, admin_form_data, page_errors


def change_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])


def history_url(obj):
    opts = obj._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[obj.pk])


def save(client, obj, **changes):
    data = admin_form_data(client.get(change_url(obj)))
    data.update(changes)
    response = client.post(change_url(obj), data)
    assert response.status_code == 302, page_errors(response)
    return data


@pytest.fixture
def client(staff_client, settings):
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return staff_client


def test_each_save_of_a_meeting_is_a_version_with_who_saved_it(client, staff_user):
    meeting = factories.MeetingFactory(title_ar="لقاء أول")

    save(client, meeting)
    save(client, meeting, title_ar="لقاء تواصلي مع المجتمع المدني")

    versions = Version.objects.get_for_object(meeting)
    assert versions.count() == 2
    assert {version.revision.user for version in versions} == {staff_user}


def test_history_page_shows_old_and_new_values_of_an_edit(client, staff_user):
    meeting = factories.MeetingFactory(title_ar="لقاء أول", status=Meeting.Status.PLANNED)
    save(client, meeting)
    save(client, meeting, title_ar="لقاء تواصلي", status="held")

    response = client.get(history_url(meeting))

    assert response.status_code == 200
    latest = response.context["entries"][0]
    changes = {change.label: (change.old, change.new) for change in latest.changes}
    assert changes["Title [ar]"] == ("لقاء أول", "لقاء تواصلي")
    assert changes["Status"] == ("planned", "held")
    assert response.context["entries"][-1].first
    page = response.content.decode()
    assert "لقاء أول" in page and "لقاء تواصلي" in page
    assert staff_user.get_username() in page


def test_a_meetings_history_shows_its_parts_added_and_changed(client):
    meeting = factories.MeetingFactory()
    speaker = factories.PersonFactory(full_name_ar="رئيس المجلس البلدي")
    save(client, meeting)
    data = admin_form_data(client.get(change_url(meeting)))
    add_inline_rows(data, "speeches", [{"order": 1, "kind": "opening", "speaker": speaker.pk}])
    assert client.post(change_url(meeting), data).status_code == 302
    speech = Speech.objects.get()
    save(client, meeting, **{"speeches-0-kind": "closing", "speeches-0-id": speech.pk})

    entries = client.get(history_url(meeting)).context["entries"]

    added = entries[1].parts
    assert [(part.action, part.kind) for part in added] == [("added", "Speech")]
    changed = entries[0].parts
    assert changed[0].action == "changed"
    assert [(c.label, c.old, c.new) for c in changed[0].changes] == [
        ("Kind", "opening speech", "closing speech")
    ]


@pytest.mark.parametrize(
    ("make", "field", "old", "new", "shown_old", "shown_new"),
    [
        (
            lambda: factories.ProjectFactory(status=Project.Status.IN_PROGRESS),
            "status",
            "in_progress",
            "completed",
            "in progress",
            "completed",
        ),
        (
            lambda: factories.AssociationFactory(acronym="AJ"),
            "acronym",
            "AJ",
            "AJD",
            "AJ",
            "AJD",
        ),
        (
            lambda: factories.RecommendationFactory(status=Recommendation.Status.PROPOSED),
            "status",
            "proposed",
            "adopted",
            "proposed",
            "adopted",
        ),
        (
            lambda: factories.CertificateFactory(citation_ar="شكر"),
            "citation_ar",
            "شكر",
            "شكر وتقدير",
            "شكر",
            "شكر وتقدير",
        ),
    ],
    ids=["project", "association", "recommendation", "certificate"],
)
def test_projects_associations_recommendations_and_certificates_keep_a_history(
    client, make, field, old, new, shown_old, shown_new
):
    obj = make()
    save(client, obj)
    save(client, obj, **{field: new})

    entries = client.get(history_url(obj)).context["entries"]

    assert [(c.old, c.new) for c in entries[0].changes] == [(shown_old, shown_new)]


def test_staff_read_the_history_but_do_not_restore(client):
    meeting = factories.MeetingFactory()
    save(client, meeting)
    version = Version.objects.get_for_object(meeting).get()

    response = client.get(history_url(meeting))
    revision_url = reverse("admin:meetings_meeting_revision", args=[meeting.pk, version.pk])

    assert response.context["entries"][0].restore_url is None
    assert client.get(revision_url).status_code == 403
    assert client.post(revision_url, {}).status_code == 403


def test_a_superuser_restores_a_version(admin_client_):
    meeting = factories.MeetingFactory(title_ar="العنوان الأول")
    save(admin_client_, meeting)
    save(admin_client_, meeting, title_ar="عنوان خاطئ")
    first = Version.objects.get_for_object(meeting).order_by("pk").first()
    entries = admin_client_.get(history_url(meeting)).context["entries"]
    restore_url = entries[-1].restore_url
    assert restore_url == reverse("admin:meetings_meeting_revision", args=[meeting.pk, first.pk])

    form = admin_client_.get(restore_url)
    assert form.status_code == 200
    data = admin_form_data(form)
    response = admin_client_.post(restore_url, data)

    assert response.status_code == 302, page_errors(response)
    meeting.refresh_from_db()
    assert meeting.title_ar == "العنوان الأول"
