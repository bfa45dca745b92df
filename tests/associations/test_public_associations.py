"""The public associations directory and an association's page."""

import datetime

import pytest

from tests import factories
from tests.helpers import LANGUAGES, count_queries, full_association, two_pages_of

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("lang", LANGUAGES)
def test_association_list_answers_in_every_language(client, lang):
    full_association(1)
    assert client.get(f"/{lang}/associations/").status_code == 200


@pytest.mark.parametrize("lang", LANGUAGES)
def test_association_page_answers_in_every_language(client, lang):
    association = full_association(2, illustrative=True)
    assert client.get(f"/{lang}/associations/{association.slug}/").status_code == 200


def listed(response) -> set[str]:
    return {a.slug for a in response.context["page_obj"].object_list}


def test_filter_by_commune_narrows_the_list(client):
    kept = factories.AssociationFactory()
    factories.AssociationFactory()
    assert listed(client.get(f"/en/associations/?commune={kept.commune.slug}")) == {kept.slug}


def test_filter_by_field_of_activity_narrows_the_list(client):
    field = factories.FieldOfActivityFactory()
    kept = factories.AssociationFactory()
    kept.fields_of_activity.add(field)
    factories.AssociationFactory().fields_of_activity.add(factories.FieldOfActivityFactory())
    assert listed(client.get(f"/en/associations/?field={field.slug}")) == {kept.slug}


def test_filter_by_verified_narrows_the_list(client):
    verified = factories.AssociationFactory(verified=True)
    unverified = factories.AssociationFactory(verified=False)
    assert listed(client.get("/en/associations/?verified=true")) == {verified.slug}
    assert listed(client.get("/en/associations/?verified=false")) == {unverified.slug}
    assert listed(client.get("/en/associations/?verified=")) == {verified.slug, unverified.slug}


def test_text_search_matches_names_acronyms_and_descriptions(client):
    by_name = factories.AssociationFactory(name_fr="Association des jeunes du Souss")
    by_acronym = factories.AssociationFactory(acronym="AJS")
    by_description = factories.AssociationFactory(description_ar="تعمل في مجال الماء")
    factories.AssociationFactory()
    assert listed(client.get("/en/associations/?q=jeunes")) == {by_name.slug}
    assert listed(client.get("/en/associations/?q=ajs")) == {by_acronym.slug}
    assert listed(client.get("/en/associations/?q=الماء")) == {by_description.slug}


def test_association_page_shows_its_profile(client):
    field = factories.FieldOfActivityFactory(name_en="Environment")
    association = factories.AssociationFactory(
        name_ar="جمعية الواحة",
        name_fr="Association de l'oasis",
        acronym="ADO",
        receipt_kind="final",
        receipt_number="123/2009",
        receipt_date=datetime.date(2009, 4, 5),
        public_utility=True,
        address_en="Main street, Taroudant",
        phone="0528 00 00 00",
        email="oasis@example.org",
        description_en="Planting palm trees.",
        verified=True,
    )
    association.fields_of_activity.add(field)
    content = client.get(f"/en/associations/{association.slug}/").content.decode()
    for expected in (
        "جمعية الواحة",
        "Association de l&#x27;oasis",
        "ADO",
        "Environment",
        "123/2009",
        "5 April 2009",
        "Recognised as of public utility",
        "Main street, Taroudant",
        "mailto:oasis@example.org",
        "Planting palm trees.",
        "Verified by staff",
    ):
        assert expected in content, expected


def test_association_page_lists_meetings_valid_certificates_and_recommendations(client):
    association = factories.AssociationFactory()
    attended = factories.MeetingFactory(title_en="Attended forum")
    factories.AssociationAttendanceFactory(meeting=attended, association=association)
    valid = factories.CertificateFactory(
        recipient_association=association, citation_en="For years of work"
    )
    factories.CertificateFactory(
        recipient_association=association,
        citation_en="REVOKED-CITATION",
        revoked=True,
        revoked_on=datetime.date(2024, 6, 1),
    )
    recommendation = factories.RecommendationFactory(title_en="Support youth clubs")
    recommendation.related_associations.add(association)
    content = client.get(f"/en/associations/{association.slug}/").content.decode()
    assert "Attended forum" in content
    assert "For years of work" in content
    assert "REVOKED-CITATION" not in content
    assert f'href="/en/meetings/{valid.meeting.slug}/"' in content
    assert "Support youth clubs" in content


def test_certificates_link_to_their_verification_page_when_it_exists(client, monkeypatch):
    from meetings.models import Certificate

    association = factories.AssociationFactory()
    certificate = factories.CertificateFactory(recipient_association=association)
    monkeypatch.setattr(
        Certificate, "get_absolute_url", lambda self: f"/en/certificates/{self.code}/"
    )
    content = client.get(f"/en/associations/{association.slug}/").content.decode()
    assert f'href="/en/certificates/{certificate.code}/"' in content


def test_association_page_leaves_out_unpublished_meetings_and_recommendations(client):
    association = factories.AssociationFactory()
    draft = factories.MeetingFactory(published=False, title_ar="DRAFT-MEETING")
    factories.AssociationAttendanceFactory(meeting=draft, association=association)
    factories.CertificateFactory(meeting=draft, recipient_association=association)
    factories.RecommendationFactory(meeting=draft, title_ar="DRAFT-REC-1").related_associations.add(
        association
    )
    factories.RecommendationFactory(
        published=False, title_ar="DRAFT-REC-2"
    ).related_associations.add(association)
    content = client.get(f"/en/associations/{association.slug}/").content.decode()
    assert "DRAFT-" not in content
    assert "عربون وفاء" not in content  # the certificate given at the draft meeting


def test_illustrative_association_says_so(client):
    association = factories.AssociationFactory(illustrative=True)
    content = client.get(f"/en/associations/{association.slug}/").content.decode()
    assert "Illustrative record." in content


def test_unpublished_association_is_absent_everywhere(client):
    commune = factories.CommuneFactory()
    draft = factories.AssociationFactory(
        commune=commune, published=False, name_ar="DRAFT-ASSOCIATION", slug="draft-association"
    )
    factories.AssociationFactory(commune=commune)
    meeting = factories.MeetingFactory(commune=commune)
    factories.AssociationAttendanceFactory(meeting=meeting, association=draft)
    factories.SpeechFactory(meeting=meeting, kind="intervention", association=draft)
    factories.CertificateFactory(meeting=meeting, recipient_association=draft)
    recommendation = factories.RecommendationFactory(meeting=meeting)
    recommendation.related_associations.add(draft)

    assert client.get(f"/en/associations/{draft.slug}/").status_code == 404
    for url in (
        "/en/",
        "/en/associations/",
        f"/en/communes/{commune.slug}/",
        f"/en/meetings/{meeting.slug}/",
        f"/en/recommendations/{recommendation.pk}/",
    ):
        content = client.get(url).content.decode()
        assert "DRAFT-" not in content, url
        assert "draft-association" not in content, url
    assert client.get(f"/en/communes/{commune.slug}/").context["association_count"] == 1
    home = client.get("/en/")
    assert next(c for c in home.context["communes"] if c.pk == commune.pk).association_count == 1


def test_association_without_french_name_shows_the_arabic_one_on_french_pages(client):
    association = factories.AssociationFactory(name_ar="جمعية بلا ترجمة", name_fr="", name_en="")
    page = client.get(f"/fr/associations/{association.slug}/").content.decode()
    assert "<h1>جمعية بلا ترجمة</h1>" in page
    assert "جمعية بلا ترجمة" in client.get("/fr/associations/").content.decode()


def test_association_list_keeps_a_constant_number_of_queries(client):
    factories.AssociationFactory().fields_of_activity.add(factories.FieldOfActivityFactory())
    few = count_queries(client, "/en/associations/")
    for _ in range(4):
        association = factories.AssociationFactory()
        association.fields_of_activity.add(
            factories.FieldOfActivityFactory(), factories.FieldOfActivityFactory()
        )
    assert count_queries(client, "/en/associations/") == few


def test_association_page_keeps_a_constant_number_of_queries(client):
    one = full_association(1)
    few = count_queries(client, f"/en/associations/{one.slug}/")
    five = full_association(5)
    assert count_queries(client, f"/en/associations/{five.slug}/") == few


def test_directory_is_paged_and_the_paging_links_keep_the_filter(client):
    commune = factories.CommuneFactory()
    # The same name everywhere: the pages must not depend on names being unique.
    for _ in range(23):
        factories.AssociationFactory(commune=commune, name_en="Same name")
    factories.AssociationFactory()  # elsewhere: the filter leaves it out

    shown = two_pages_of(client, "/en/associations/", f"commune={commune.slug}")

    assert shown == set(commune.associations.values_list("pk", flat=True))
