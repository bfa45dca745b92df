"""The public meetings list and a meeting's page."""

import datetime
import re

import pytest
from django.utils import timezone

from meetings.models import Meeting
from tests import factories
from tests.helpers import LANGUAGES, count_queries, full_meeting

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lang", LANGUAGES)
def test_meeting_list_answers_in_every_language(client, lang):
    full_meeting(1)
    assert client.get(f"/{lang}/meetings/").status_code == 200


@pytest.mark.parametrize("lang", LANGUAGES)
def test_meeting_page_answers_in_every_language(client, lang):
    meeting = full_meeting(2, illustrative=True)
    assert client.get(f"/{lang}/meetings/{meeting.slug}/").status_code == 200


def test_list_separates_upcoming_from_past_meetings(client):
    today = timezone.localdate()
    soon = factories.MeetingFactory(start_date=today + datetime.timedelta(days=3))
    past = factories.MeetingFactory(start_date=today - datetime.timedelta(days=3))
    response = client.get("/en/meetings/")
    assert response.context["upcoming"] == [soon]
    assert list(response.context["page_obj"].object_list) == [past]


def test_list_is_paged(client):
    for _ in range(23):
        factories.MeetingFactory()
    first = client.get("/en/meetings/")
    assert len(first.context["page_obj"].object_list) == 20
    assert 'href="?page=2"' in first.content.decode()
    second = client.get("/en/meetings/?page=2")
    assert len(second.context["page_obj"].object_list) == 3


def listed(response) -> set[str]:
    return {m.slug for m in response.context["page_obj"].object_list} | {
        m.slug for m in response.context["upcoming"]
    }


def test_filter_by_commune_narrows_the_list(client):
    kept = factories.MeetingFactory()
    factories.MeetingFactory()
    response = client.get(f"/en/meetings/?commune={kept.commune.slug}")
    assert listed(response) == {kept.slug}


def test_filter_by_kind_narrows_the_list(client):
    kept = factories.MeetingFactory(kind=Meeting.Kind.FORUM)
    factories.MeetingFactory(kind=Meeting.Kind.OUTREACH)
    assert listed(client.get("/en/meetings/?kind=forum")) == {kept.slug}


def test_filter_by_series_narrows_the_list(client):
    series = factories.MeetingSeriesFactory()
    kept = factories.MeetingFactory(series=series, edition=2, commune=series.commune)
    factories.MeetingFactory()
    assert listed(client.get(f"/en/meetings/?series={series.slug}")) == {kept.slug}


def test_filter_form_has_a_visible_label_for_every_control(client):
    content = client.get("/en/meetings/").content.decode()
    for name in ("commune", "kind", "series"):
        assert f'<label for="id_{name}">' in content
        assert f'id="id_{name}"' in content


def english(obj, field: str) -> str:
    """What an English page shows: the English text, else the Arabic one."""
    return getattr(obj, f"{field}_en") or getattr(obj, f"{field}_ar")


def test_meeting_page_presents_the_whole_event(client):
    meeting = full_meeting(2, slogan_ar="شعار اللقاء", summary_ar="ملخص اللقاء", report_ar="تقرير")
    response = client.get(f"/en/meetings/{meeting.slug}/")
    content = response.content.decode()
    assert "شعار اللقاء" in content and "ملخص اللقاء" in content
    for session in meeting.sessions.all():
        assert english(session.chair, "full_name") in content
    for speech in meeting.speeches.all():
        assert english(speech.speaker, "full_name") in content
        assert f'href="/en/associations/{speech.association.slug}/"' in content
    for presentation in meeting.presentations.all():
        assert english(presentation, "title") in content
        for person in presentation.presenters.all():
            assert english(person, "full_name") in content
        assert presentation.slides.url in content
        for project in presentation.related_projects.all():
            assert f'href="/en/projects/{project.slug}/"' in content
    for workshop in meeting.workshops.all():
        assert english(workshop, "theme") in content
        assert english(workshop, "outcomes") in content
    for attendance in meeting.association_attendance.all():
        assert f'href="/en/associations/{attendance.association.slug}/"' in content
    for attendance in meeting.institution_attendance.all():
        assert english(attendance.institution, "name") in content
    for certificate in meeting.certificates.all():
        if certificate.recipient_person:
            assert english(certificate.recipient_person, "full_name") in content
        else:
            assert english(certificate.recipient_association, "name") in content
    assert content.count("عربون وفاء وإخلاص للعمل التشاركي") == 4
    for recommendation in meeting.recommendations.all():
        assert english(recommendation, "title") in content
        assert f'href="/en/recommendations/{recommendation.pk}/"' in content
    assert meeting.report_file.url in content
    assert content.count('class="gallery__item"') == 2
    # The other editions of its series, linked.
    for other in Meeting.objects.filter(series=meeting.series).exclude(pk=meeting.pk):
        assert f'href="/en/meetings/{other.slug}/"' in content


SECTION_ORDER = (
    'class="slogan"',
    "?series=",
    'id="editions-title"',
    'id="sessions-title"',
    'id="speeches-title"',
    'id="presentations-title"',
    'id="workshops-title"',
    'id="visits-title"',
    'id="attendance-title"',
    'id="certificates-title"',
    'id="recommendations-title"',
    'id="photos-title"',
)


def test_meeting_page_sections_come_in_the_order_of_the_event(client):
    meeting = full_meeting(2, slogan_ar="شعار اللقاء")
    content = client.get(f"/en/meetings/{meeting.slug}/").content.decode()
    positions = [content.find(marker) for marker in SECTION_ORDER]
    assert -1 not in positions, [m for m, p in zip(SECTION_ORDER, positions, strict=True) if p < 0]
    assert positions == sorted(positions)
    # Associations before institutions among those who took part.
    attendance = content[positions[8] : positions[9]]
    assert attendance.find("<h3>Associations</h3>") < attendance.find("<h3>Institutions</h3>")
    # Each chair is named in the sessions section.
    sessions = content[positions[3] : positions[4]]
    for session in meeting.sessions.all():
        assert english(session.chair, "full_name") in sessions


def test_meeting_page_shows_the_current_status_of_each_recommendation(client):
    from recommendations.services import record_update

    meeting = factories.MeetingFactory()
    moved = factories.RecommendationFactory(meeting=meeting)
    record_update(moved, date=datetime.date(2024, 6, 1), status="adopted", note="")
    record_update(moved, date=datetime.date(2024, 9, 1), status="in_progress", note="")
    done = factories.RecommendationFactory(meeting=meeting)
    record_update(done, date=datetime.date(2024, 7, 1), status="implemented", note="")
    untouched = factories.RecommendationFactory(meeting=meeting)
    content = client.get(f"/en/meetings/{meeting.slug}/").content.decode()
    badges = dict(
        re.findall(
            r'<a href="/en/recommendations/(\d+)/">[^<]*</a></h3>\s*<p class="card__meta">\s*'
            r'<span class="badge status-\w+">([^<]+)</span>',
            content,
        )
    )
    assert badges == {
        str(moved.pk): "In progress",
        str(done.pk): "Implemented",
        str(untouched.pk): "Proposed",
    }


def test_itinerary_numbers_the_stops_in_order_and_links_each_project(client):
    meeting = factories.MeetingFactory()
    visit = factories.SiteVisitFactory(meeting=meeting)
    third = factories.SiteVisitStopFactory(visit=visit, order=3, project__title_en="Third")
    first = factories.SiteVisitStopFactory(visit=visit, order=1, project__title_en="First")
    second = factories.SiteVisitStopFactory(visit=visit, order=2, project__title_en="Second")
    content = client.get(f"/en/meetings/{meeting.slug}/").content.decode()
    stops = re.findall(
        r'<li value="(\d+)" class="itinerary__stop" id="stop-\d+">\s*<a href="([^"]+)">', content
    )
    assert stops == [
        ("1", first.project.get_absolute_url().replace("/ar/", "/en/")),
        ("2", second.project.get_absolute_url().replace("/ar/", "/en/")),
        ("3", third.project.get_absolute_url().replace("/ar/", "/en/")),
    ]
    assert '<ol class="itinerary__stops">' in content


def test_illustrative_meeting_says_some_details_are_examples_not_that_the_event_is_invented(
    client,
):
    meeting = factories.MeetingFactory(illustrative=True)
    content = client.get(f"/en/meetings/{meeting.slug}/").content.decode()
    assert "Illustrative details." in content
    assert "The published sources report this but leave some of its details out" in content
    assert "does not describe a real event" not in content


def test_meeting_from_the_sources_carries_no_illustrative_notice(client):
    meeting = factories.MeetingFactory(illustrative=False)
    content = client.get(f"/en/meetings/{meeting.slug}/").content.decode()
    assert "notice--illustrative" not in content


def test_meeting_without_french_title_shows_the_arabic_one_on_french_pages(client):
    meeting = factories.MeetingFactory(title_ar="لقاء بلا ترجمة", title_fr="", title_en="")
    page = client.get(f"/fr/meetings/{meeting.slug}/").content.decode()
    assert "<h1>لقاء بلا ترجمة</h1>" in page
    assert "لقاء بلا ترجمة" in client.get("/fr/meetings/").content.decode()


def test_unpublished_meeting_is_absent_everywhere(client):
    commune = factories.CommuneFactory()
    draft = factories.MeetingFactory(
        commune=commune, published=False, title_ar="DRAFT-MEETING", slug="draft-meeting"
    )
    factories.RecommendationFactory(meeting=draft, title_ar="DRAFT-REC")
    project = factories.ProjectFactory(commune=commune)
    factories.PresentationFactory(meeting=draft).related_projects.add(project)
    factories.SiteVisitStopFactory(visit__meeting=draft, project=project)
    association = factories.AssociationFactory(commune=commune)
    factories.AssociationAttendanceFactory(meeting=draft, association=association)
    factories.CertificateFactory(meeting=draft, recipient_association=association)
    series = factories.MeetingSeriesFactory(commune=commune)
    draft.series, draft.edition = series, 2
    draft.save()
    sibling = factories.MeetingFactory(commune=commune, series=series, edition=1)

    assert client.get(f"/en/meetings/{draft.slug}/").status_code == 404
    for url in (
        "/en/",
        "/en/meetings/",
        f"/en/communes/{commune.slug}/",
        "/en/recommendations/",
        f"/en/projects/{project.slug}/",
        f"/en/associations/{association.slug}/",
        f"/en/meetings/{sibling.slug}/",
    ):
        content = client.get(url).content.decode()
        assert "DRAFT-" not in content, url
        assert "draft-meeting" not in content, url
    home = client.get("/en/")
    assert home.context["recommendation_status"]["total"] == 0
    assert all(m.pk != draft.pk for m in home.context["latest_meetings"])


def test_meeting_page_leaves_out_unpublished_and_revoked_related_records(client):
    meeting = factories.MeetingFactory()
    hidden_project = factories.ProjectFactory(published=False, title_ar="DRAFT-PROJECT")
    factories.PresentationFactory(meeting=meeting).related_projects.add(hidden_project)
    factories.SiteVisitStopFactory(visit__meeting=meeting, project=hidden_project)
    hidden_association = factories.AssociationFactory(
        published=False, name_ar="DRAFT-ASSOCIATION", slug="draft-association"
    )
    factories.AssociationAttendanceFactory(meeting=meeting, association=hidden_association)
    factories.SpeechFactory(meeting=meeting, kind="intervention", association=hidden_association)
    factories.CertificateFactory(meeting=meeting, recipient_association=hidden_association)
    factories.RecommendationFactory(meeting=meeting, published=False, title_ar="DRAFT-REC")
    revoked = factories.CertificateFactory(
        meeting=meeting,
        recipient_association=None,
        recipient_name="REVOKED-RECIPIENT",
        revoked=True,
        revoked_on=datetime.date(2024, 6, 1),
    )
    content = client.get(f"/en/meetings/{meeting.slug}/").content.decode()
    assert "DRAFT-" not in content
    assert "draft-association" not in content
    assert revoked.recipient_name not in content


def test_meeting_list_keeps_a_constant_number_of_queries(client):
    today = timezone.localdate()
    factories.MeetingFactory(start_date=today + datetime.timedelta(days=2))
    factories.MeetingFactory()
    few = count_queries(client, "/en/meetings/")
    for _ in range(4):
        factories.MeetingFactory(start_date=today + datetime.timedelta(days=2))
        factories.MeetingFactory(series=factories.MeetingSeriesFactory())
    assert count_queries(client, "/en/meetings/") == few


def test_meeting_page_keeps_a_constant_number_of_queries(client):
    one = full_meeting(1)
    few = count_queries(client, f"/en/meetings/{one.slug}/")
    five = full_meeting(5)
    assert count_queries(client, f"/en/meetings/{five.slug}/") == few
