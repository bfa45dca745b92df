"""The meeting page as a workspace: index, error summary, ordered rows, attendance in bulk,
the next edition of a forum, certificate PDFs; and the small fixes of the back office."""

import io

import pytest
from django.contrib.staticfiles import finders
from django.urls import reverse
from pypdf import PdfReader

from meetings.models import AssociationAttendance, Meeting, Session, SiteVisitStop
from tests import factories
from tests.helpers import add_inline_rows, admin_form_data, page_errors

ADD_URL = reverse("admin:meetings_meeting_add")


def change_url(meeting):
    return reverse("admin:meetings_meeting_change", args=[meeting.pk])


@pytest.fixture
def client(staff_client, settings):
    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    return staff_client


# --- index and sections ---------------------------------------------------------


def test_the_index_lists_each_section_with_its_count(client):
    meeting = factories.MeetingFactory()
    factories.SpeechFactory(meeting=meeting)
    factories.SpeechFactory(meeting=meeting)

    page = client.get(change_url(meeting)).content.decode()

    assert 'class="sharaka-workspace-index"' in page
    link = 'href="#speeches-group" data-count-of="speeches">Speeches'
    assert f'{link} <span class="sharaka-count">2</span>' in page
    assert 'data-count-of="stops"' in page and 'data-count-of="recommendations"' in page


def test_sections_collapse_and_the_page_loads_its_workspace_script(client):
    page = client.get(change_url(factories.MeetingFactory())).content.decode()

    assert "<details>" in page
    assert "js/admin-workspace.js" in page
    assert finders.find("js/admin-workspace.js")


# --- error summary ----------------------------------------------------------------


def test_a_failed_save_lists_every_error_at_the_top_with_a_link_to_its_field(client):
    meeting = factories.MeetingFactory()
    data = admin_form_data(client.get(change_url(meeting)))
    data["start_date"] = "not a date"
    add_inline_rows(data, "speeches", [{"order": 1, "kind": "no such kind"}])

    response = client.post(change_url(meeting), data)

    assert response.status_code == 200
    summary = response.context["error_summary"]
    anchors = {entry["anchor"] for entry in summary}
    assert "id_start_date" in anchors
    assert "id_speeches-0-kind" in anchors
    page = response.content.decode()
    assert page.index('id="error-summary"') < page.index('id="id_start_date"')
    assert 'href="#id_speeches-0-kind"' in page
    assert "Speeches #1: Kind" in page


def test_a_successful_page_has_no_error_summary(client):
    page = client.get(change_url(factories.MeetingFactory()))

    assert page.context["error_summary"] == []
    assert 'id="error-summary"' not in page.content.decode()


# --- ordered rows ------------------------------------------------------------------


def test_rows_added_without_a_number_take_the_next_ones(client):
    meeting = factories.MeetingFactory()
    factories.SessionFactory(meeting=meeting, order=1)
    data = admin_form_data(client.get(change_url(meeting)))
    add_inline_rows(
        data,
        "sessions",
        [{"order": "", "title_ar": "الجلسة الثانية"}, {"order": "", "title_ar": "الجلسة الثالثة"}],
    )

    response = client.post(change_url(meeting), data)

    assert response.status_code == 302, page_errors(response)
    assert list(meeting.sessions.values_list("order", "title_ar")) == [
        (1, "الجلسة الأولى"),
        (2, "الجلسة الثانية"),
        (3, "الجلسة الثالثة"),
    ]


def test_two_stops_swap_their_numbers_in_one_save(client):
    visit = factories.SiteVisitFactory()
    first = factories.SiteVisitStopFactory(visit=visit, order=1)
    second = factories.SiteVisitStopFactory(visit=visit, order=2)
    meeting = visit.meeting
    data = admin_form_data(client.get(change_url(meeting)))
    index = {data[f"stops-{i}-id"]: i for i in range(2)}
    data[f"stops-{index[str(first.pk)]}-order"] = "2"
    data[f"stops-{index[str(second.pk)]}-order"] = "1"

    response = client.post(change_url(meeting), data)

    assert response.status_code == 302, page_errors(response)
    assert list(SiteVisitStop.objects.order_by("order").values_list("pk", flat=True)) == [
        second.pk,
        first.pk,
    ]


def test_two_sessions_swap_their_numbers_and_a_new_one_takes_a_freed_number(client):
    meeting = factories.MeetingFactory()
    one = factories.SessionFactory(meeting=meeting, order=1, title_ar="أ")
    two = factories.SessionFactory(meeting=meeting, order=2, title_ar="ب")
    three = factories.SessionFactory(meeting=meeting, order=3, title_ar="ج")
    data = admin_form_data(client.get(change_url(meeting)))
    rows = {data[f"sessions-{i}-id"]: i for i in range(3)}
    data[f"sessions-{rows[str(one.pk)]}-order"] = "2"
    data[f"sessions-{rows[str(two.pk)]}-order"] = "1"
    data[f"sessions-{rows[str(three.pk)]}-DELETE"] = "on"
    add_inline_rows(data, "sessions", [{"order": 3, "title_ar": "د"}])

    response = client.post(change_url(meeting), data)

    assert response.status_code == 302, page_errors(response)
    assert list(Session.objects.order_by("order").values_list("title_ar", flat=True)) == [
        "ب",
        "أ",
        "د",
    ]


# --- attendance, next edition -----------------------------------------------------


def test_many_associations_are_recorded_as_attending_in_one_save(client):
    meeting = factories.MeetingFactory()
    already = factories.AssociationFactory(commune=meeting.commune)
    factories.AssociationAttendanceFactory(meeting=meeting, association=already)
    new = [factories.AssociationFactory(commune=meeting.commune) for _ in range(4)]
    data = admin_form_data(client.get(change_url(meeting)))
    data["add_attending_associations"] = [str(a.pk) for a in [already, *new]]

    response = client.post(change_url(meeting), data)

    assert response.status_code == 302, page_errors(response)
    attending = set(meeting.association_attendance.values_list("association_id", flat=True))
    assert attending == {already.pk, *(a.pk for a in new)}
    assert AssociationAttendance.objects.filter(association=already).count() == 1


def test_associations_of_another_commune_cannot_be_added_in_bulk(client, db):
    meeting = factories.MeetingFactory()
    elsewhere = factories.AssociationFactory(commune=factories.CommuneFactory(region_ar="سوس"))
    data = admin_form_data(client.get(change_url(meeting)))
    data["add_attending_associations"] = [str(elsewhere.pk)]

    response = client.post(change_url(meeting), data)

    assert response.status_code == 200
    assert "add_attending_associations" in response.context["adminform"].form.errors
    assert not AssociationAttendance.objects.exists()


def forum_edition():
    series = factories.MeetingSeriesFactory()
    meeting = factories.MeetingFactory(
        kind="forum",
        series=series,
        edition=2,
        commune=series.commune,
        slug="taroudant-forum-2",
        slogan_ar="العمل الجمعوي رافعة للتنمية",
        venue_ar="قاعة البلدية",
        start_date="2009-05-16",
    )
    meeting.partners.add(factories.InstitutionFactory())
    factories.SessionFactory(meeting=meeting, order=1, chair=factories.PersonFactory())
    factories.WorkshopFactory(meeting=meeting, order=1, theme_ar="الشباب").facilitators.add(
        factories.PersonFactory()
    )
    factories.SpeechFactory(meeting=meeting)
    factories.AssociationAttendanceFactory(meeting=meeting)
    return meeting


def test_save_as_the_next_edition_copies_the_frame_without_the_people(client):
    meeting = forum_edition()

    response = client.post(
        change_url(meeting),
        {
            "CHANGE_FORM-action": "save_as_next_edition",
            "_selected_action": [str(meeting.pk)],
        },
    )

    edition = Meeting.objects.get(series=meeting.series, edition=3)
    assert response.status_code == 302
    assert response["Location"] == change_url(edition)
    assert edition.slug == "taroudant-forum-3"
    assert (edition.slogan_ar, edition.venue_ar) == (meeting.slogan_ar, meeting.venue_ar)
    assert str(edition.start_date) == "2010-05-16"
    assert (edition.status, edition.published) == ("planned", False)
    assert list(edition.partners.all()) == list(meeting.partners.all())
    session = edition.sessions.get()
    assert (session.title_ar, session.chair) == (meeting.sessions.get().title_ar, None)
    workshop = edition.workshops.get()
    assert workshop.theme_ar == "الشباب" and not workshop.facilitators.exists()
    assert not edition.speeches.exists() and not edition.association_attendance.exists()


def test_a_meeting_outside_a_series_has_no_next_edition(client):
    meeting = factories.MeetingFactory()

    client.post(
        change_url(meeting),
        {"CHANGE_FORM-action": "save_as_next_edition", "_selected_action": [str(meeting.pk)]},
    )

    assert Meeting.objects.count() == 1


# --- certificates as PDF --------------------------------------------------------------


def pdf_pages(response) -> int:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return len(PdfReader(io.BytesIO(content)).pages)


def test_each_certificate_has_a_pdf_link_in_the_back_office(client):
    certificate = factories.CertificateFactory()
    url = reverse("admin:meetings_certificate_pdf", args=[certificate.pk])

    listing = client.get(reverse("admin:meetings_certificate_changelist")).content.decode()
    response = client.get(url)

    assert f'href="{url}"' in listing
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert pdf_pages(response) == 1


def test_a_meetings_certificates_make_one_pdf_a_page_each(client):
    meeting = factories.MeetingFactory()
    for _ in range(3):
        factories.CertificateFactory(meeting=meeting)
    factories.CertificateFactory(meeting=meeting, revoked=True, revoked_on="2024-06-01")
    url = reverse("admin:meetings_certificate_meeting_pdf", args=[meeting.pk])

    page = client.get(change_url(meeting)).content.decode()
    response = client.get(url)

    assert f'href="{url}"' in page
    assert response.status_code == 200
    assert pdf_pages(response) == 3


def test_another_communes_certificates_pdf_answers_404(client):
    certificate = factories.CertificateFactory(
        meeting=factories.MeetingFactory(commune=factories.CommuneFactory(region_ar="سوس"))
    )

    single = client.get(reverse("admin:meetings_certificate_pdf", args=[certificate.pk]))
    bundle = client.get(
        reverse("admin:meetings_certificate_meeting_pdf", args=[certificate.meeting.pk])
    )

    assert (single.status_code, bundle.status_code) == (404, 404)


# --- small fixes --------------------------------------------------------------------


def test_admin_pages_name_the_sites_favicon(client):
    page = client.get(reverse("admin:index")).content.decode()

    assert 'rel="icon" href="/static/img/favicon.svg"' in page


def test_the_plan_search_finds_a_plan_by_its_years(client):
    pcd = factories.DevelopmentPlanFactory(start_year=2010, end_year=2015)
    pac = factories.DevelopmentPlanFactory(start_year=2016, end_year=2021, kind="pac")
    url = reverse("admin:projects_developmentplan_changelist")

    def found(term):
        return set(client.get(url, {"q": term}).context["cl"].result_list)

    assert found("2012") == {pcd}
    assert found("2010-2015") == {pcd}
    assert found("2018") == {pac}


def test_arabic_add_another_and_french_bulk_deletion_read_well(staff_client, settings):
    meeting = factories.MeetingFactory()
    page = staff_client.get(change_url(meeting)).content.decode()
    assert "آخر" not in page.split("addText")[1][:120]

    staff_client.cookies[settings.LANGUAGE_COOKIE_NAME] = "fr"
    listing = staff_client.get(reverse("admin:meetings_meeting_changelist")).content.decode()
    assert "sélectionnés" not in listing
