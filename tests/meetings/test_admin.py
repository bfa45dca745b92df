"""Council staff record a whole meeting from its admin page, through the admin's own forms."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from meetings.models import (
    AssociationAttendance,
    Certificate,
    InstitutionAttendance,
    Meeting,
    MeetingPhoto,
    Presentation,
    Session,
    SiteVisit,
    SiteVisitStop,
    Speech,
    Workshop,
)
from recommendations.models import Recommendation
from tests import factories
from tests.helpers import add_inline_rows, admin_form_data, page_errors, pdf_bytes

ADD_URL = reverse("admin:meetings_meeting_add")
PDF = pdf_bytes()


def change_url(meeting):
    return reverse("admin:meetings_meeting_change", args=[meeting.pk])


def meeting_fields(commune, **extra):
    return {
        "kind": Meeting.Kind.OUTREACH,
        "commune": str(commune.pk),
        "title_ar": "لقاء تواصلي مع فعاليات المجتمع المدني",
        "title_fr": "Rencontre de communication avec la société civile",
        "slug": "rencontre-societe-civile-2010",
        "start_date": "2010-07-17",
        "status": Meeting.Status.HELD,
        "published": "on",
        **extra,
    }


@pytest.fixture
def cast(db):
    """The people, bodies and worksites a meeting talks about."""
    commune = factories.CommuneFactory()
    return {
        "commune": commune,
        "wali": factories.PersonFactory(),
        "engineer": factories.PersonFactory(),
        "agency": factories.InstitutionFactory(),
        "association": factories.AssociationFactory(commune=commune),
        "library": factories.ProjectFactory(commune=commune),
        "road": factories.ProjectFactory(commune=commune),
    }


def test_meeting_page_holds_its_parts_in_the_order_they_happen(staff_client):
    response = staff_client.get(ADD_URL)

    assert response.status_code == 200
    models = [inline.formset.model for inline in response.context["inline_admin_formsets"]]
    assert models == [
        Session,
        Speech,
        Presentation,
        Workshop,
        AssociationAttendance,
        InstitutionAttendance,
        SiteVisitStop,
        Certificate,
        Recommendation,
        MeetingPhoto,
    ]


def test_staff_records_a_whole_meeting_through_the_admin_forms(staff_client, cast):
    data = admin_form_data(staff_client.get(ADD_URL))
    data.update(meeting_fields(cast["commune"]))
    add_inline_rows(
        data,
        "sessions",
        [{"order": 1, "title_ar": "الجلسة الافتتاحية", "chair": cast["wali"].pk}],
    )
    add_inline_rows(
        data,
        "speeches",
        [
            {
                "order": 1,
                "kind": "opening",
                "speaker": cast["wali"].pk,
                "title_ar": "كلمة السيد الوالي",
            }
        ],
    )
    add_inline_rows(
        data,
        "presentations",
        [
            {
                "order": 1,
                "title_ar": "عرض حول أوراش التأهيل الحضري",
                "presenters": [cast["engineer"].pk],
                "institution": cast["agency"].pk,
                "slides": SimpleUploadedFile("slides.pdf", PDF, content_type="application/pdf"),
                "related_projects": [cast["library"].pk, cast["road"].pk],
            }
        ],
    )
    # Entered out of order on purpose: the itinerary follows `order`, not typing order.
    add_inline_rows(
        data,
        "stops",
        [
            {"order": 2, "project": cast["road"].pk, "notes_ar": "تثنية الطريق"},
            {"order": 1, "project": cast["library"].pk},
        ],
    )
    add_inline_rows(
        data,
        "certificates",
        [
            {
                "recipient_association": cast["association"].pk,
                "citation_ar": "عربون وفاء وإخلاص",
                "signatory": cast["wali"].pk,
                "awarded_on": "2010-07-17",
            }
        ],
    )
    add_inline_rows(
        data,
        "recommendations",
        [
            {
                "order": 1,
                "title_ar": "إشراك الجمعيات في تتبع الأوراش",
                "addressed_to": cast["agency"].pk,
                "priority": "high",
                "status": "proposed",
                "related_projects": [cast["library"].pk],
                "published": "on",
            }
        ],
    )

    response = staff_client.post(ADD_URL, data)

    assert response.status_code == 302, page_errors(response)
    meeting = Meeting.objects.get(slug="rencontre-societe-civile-2010")
    assert meeting.commune == cast["commune"]
    assert meeting.sessions.get().chair == cast["wali"]
    assert meeting.speeches.get().speaker == cast["wali"]

    presentation = meeting.presentations.get()
    assert presentation.presenters.get() == cast["engineer"]
    assert set(presentation.related_projects.all()) == {cast["library"], cast["road"]}
    assert presentation.slides.name.endswith(".pdf")
    with presentation.slides.open("rb") as slides:
        assert slides.read() == PDF

    visit = meeting.site_visits.get()
    assert visit.commune == cast["commune"]
    assert visit.date == datetime.date(2010, 7, 17)
    assert "لقاء تواصلي مع فعاليات المجتمع المدني" in visit.title_ar
    assert [(stop.order, stop.project) for stop in visit.stops.all()] == [
        (1, cast["library"]),
        (2, cast["road"]),
    ]

    certificate = meeting.certificates.get()
    assert certificate.recipient == cast["association"]
    assert certificate.commune == cast["commune"]
    assert (certificate.serial_year, certificate.serial_number) == (2010, 1)
    assert len(certificate.code) == 12

    recommendation = meeting.recommendations.get()
    assert recommendation.addressed_to == cast["agency"]
    assert list(recommendation.related_projects.all()) == [cast["library"]]


def test_stops_added_later_join_the_meetings_existing_visit(staff_client, cast):
    stop = factories.SiteVisitStopFactory(
        visit__meeting__commune=cast["commune"], order=1, project=cast["library"]
    )
    meeting = stop.visit.meeting
    data = admin_form_data(staff_client.get(change_url(meeting)))
    add_inline_rows(data, "stops", [{"order": 2, "project": cast["road"].pk}])

    response = staff_client.post(change_url(meeting), data)

    assert response.status_code == 302, page_errors(response)
    assert SiteVisit.objects.get() == stop.visit
    assert list(stop.visit.stops.values_list("order", "project")) == [
        (1, cast["library"].pk),
        (2, cast["road"].pk),
    ]


def test_meeting_without_stops_gets_no_empty_site_visit(staff_client, cast):
    data = admin_form_data(staff_client.get(ADD_URL))
    data.update(meeting_fields(cast["commune"]))

    response = staff_client.post(ADD_URL, data)

    assert response.status_code == 302, page_errors(response)
    assert not SiteVisit.objects.exists()


def test_two_stops_with_one_order_are_a_form_error_and_nothing_is_saved(staff_client, cast):
    data = admin_form_data(staff_client.get(ADD_URL))
    data.update(meeting_fields(cast["commune"]))
    add_inline_rows(
        data,
        "stops",
        [{"order": 1, "project": cast["library"].pk}, {"order": 1, "project": cast["road"].pk}],
    )

    response = staff_client.post(ADD_URL, data)

    assert response.status_code == 200
    stops = next(
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == "stops"
    )
    assert "order" in stops.forms[1].errors
    assert not Meeting.objects.exists()
    assert not SiteVisit.objects.exists()


def test_a_stop_order_already_taken_in_the_visit_is_a_form_error(staff_client, cast):
    stop = factories.SiteVisitStopFactory(
        visit__meeting__commune=cast["commune"], order=1, project=cast["library"]
    )
    meeting = stop.visit.meeting
    data = admin_form_data(staff_client.get(change_url(meeting)))
    add_inline_rows(data, "stops", [{"order": 1, "project": cast["road"].pk}])

    response = staff_client.post(change_url(meeting), data)

    assert response.status_code == 200
    stops = next(
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == "stops"
    )
    assert any(stops.errors)
    assert stop.visit.stops.count() == 1


def test_certificates_added_later_get_the_next_serial_number(staff_client, cast):
    first = factories.CertificateFactory(meeting__commune=cast["commune"])
    from meetings.certificates.services import assign_serial

    assign_serial(first)
    meeting = first.meeting
    data = admin_form_data(staff_client.get(change_url(meeting)))
    add_inline_rows(
        data,
        "certificates",
        [{"recipient_name": "السيد محمد", "citation_ar": "شكر", "awarded_on": "2024-05-10"}],
    )

    response = staff_client.post(change_url(meeting), data)

    assert response.status_code == 302, page_errors(response)
    second = meeting.certificates.get(recipient_name="السيد محمد")
    assert second.serial == f"{first.serial_year}/0002"


def test_certificate_with_two_recipients_is_refused_by_the_form(staff_client, cast, settings):
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    meeting = factories.MeetingFactory(commune=cast["commune"])
    data = admin_form_data(staff_client.get(change_url(meeting)))
    add_inline_rows(
        data,
        "certificates",
        [
            {
                "recipient_association": cast["association"].pk,
                "recipient_person": cast["wali"].pk,
                "citation_ar": "شكر",
                "awarded_on": "2024-05-10",
            }
        ],
    )

    response = staff_client.post(change_url(meeting), data)

    assert response.status_code == 200
    assert "Choose exactly one recipient" in response.content.decode()
    assert not Certificate.objects.exists()


def test_certificate_added_on_its_own_page_is_numbered(staff_client, cast):
    meeting = factories.MeetingFactory(commune=cast["commune"])
    url = reverse("admin:meetings_certificate_add")
    data = admin_form_data(staff_client.get(url))
    data.update(
        meeting=meeting.pk,
        recipient_person=cast["engineer"].pk,
        citation_ar="شكر وتقدير",
        awarded_on="2024-05-10",
    )

    response = staff_client.post(url, data)

    assert response.status_code == 302, page_errors(response)
    certificate = Certificate.objects.get()
    assert certificate.commune == cast["commune"]
    assert certificate.serial == "2024/0001"


def test_follow_up_in_the_admin_moves_the_recommendations_status(staff_client):
    recommendation = factories.RecommendationFactory(status=Recommendation.Status.PROPOSED)
    url = reverse("admin:recommendations_recommendation_change", args=[recommendation.pk])
    data = admin_form_data(staff_client.get(url))
    add_inline_rows(
        data,
        "updates",
        [
            {"date": "2024-06-01", "status": "adopted", "note_ar": "صادق المجلس"},
            {"date": "2024-09-01", "status": "in_progress", "note_ar": "انطلاق الأشغال"},
        ],
    )

    response = staff_client.post(url, data)

    assert response.status_code == 302, page_errors(response)
    recommendation.refresh_from_db()
    assert recommendation.status == Recommendation.Status.IN_PROGRESS


def test_speech_session_choices_are_the_meetings_own(staff_client):
    meeting = factories.MeetingFactory()
    own = factories.SessionFactory(meeting=meeting)
    factories.SessionFactory()  # another meeting's session

    response = staff_client.get(change_url(meeting))

    speeches = next(
        inline.formset
        for inline in response.context["inline_admin_formsets"]
        if inline.formset.prefix == "speeches"
    )
    assert list(speeches.empty_form.fields["session"].queryset) == [own]


@pytest.mark.parametrize(
    "url_name",
    [
        "admin:auth_user_changelist",
        "admin:auth_user_add",
        "admin:auth_group_changelist",
        "admin:auth_group_add",
    ],
)
def test_council_staff_cannot_manage_accounts_or_groups(staff_client, url_name):
    assert staff_client.get(reverse(url_name)).status_code == 403


def test_council_staff_cannot_change_a_user(staff_client, staff_user):
    url = reverse("admin:auth_user_change", args=[staff_user.pk])
    assert staff_client.get(url).status_code == 403
    assert staff_client.post(url, {"is_superuser": "on"}).status_code == 403
    staff_user.refresh_from_db()
    assert not staff_user.is_superuser
