"""The public pages of petitions: list, filters, a petition's page, and what they never show."""

import datetime
import io
import zipfile

import pytest
from django.test import Client

from petitions import services
from petitions.models import Petition
from tests import factories
from tests.helpers import LANGUAGES, count_queries

from .conftest import client_for, verified_user

pytestmark = pytest.mark.django_db
D = datetime.date
SIGNER = "Khadija Signatory-Oubella"
SIGNER_EMAIL = "khadija.private@example.org"


def listed(response) -> set[int]:
    return {petition.pk for petition in response.context["page_obj"].object_list}


def full_petition(n: int, **kwargs) -> Petition:
    """A filed citizens' petition with ``n`` of everything its page shows."""
    petition = factories.PetitionFactory(signature_count=100, **kwargs)
    services.file_petition(petition, petition.agent, D(2026, 1, 5))
    for _ in range(n):
        factories.PetitionDocumentFactory(petition=petition)
        petition.related_meetings.add(factories.MeetingFactory())
        petition.related_projects.add(factories.ProjectFactory())
        petition.related_recommendations.add(factories.RecommendationFactory())
        petition.answered_by.add(factories.RecommendationFactory())
        factories.PetitionEventFactory(petition=petition, status="under_review")
        factories.PetitionSignatureFactory(petition=petition)
    return petition


@pytest.mark.parametrize("lang", LANGUAGES)
def test_list_and_page_answer_in_every_language(client, lang):
    petition = full_petition(1)
    assert client.get(f"/{lang}/petitions/").status_code == 200
    assert client.get(f"/{lang}/petitions/{petition.pk}/").status_code == 200


def test_drafts_are_neither_listed_nor_shown():
    draft = factories.PetitionFactory(status="draft")
    shown = factories.PetitionFactory()
    client = Client()

    assert listed(client.get("/en/petitions/")) == {shown.pk}
    assert client.get(f"/en/petitions/{draft.pk}/").status_code == 404
    assert draft not in Petition.objects.public()
    # Its agent sees it.
    assert client_for(draft.agent).get(f"/en/petitions/{draft.pk}/").status_code == 200


def test_filters_by_commune_status_kind_and_deadline(client):
    commune = factories.CommuneFactory(slug="taroudant")
    collecting = factories.PetitionFactory(commune=commune)
    overdue = factories.PetitionFactory(
        status="filed", filed_on=D(2020, 1, 1), due_on=D(2020, 4, 1)
    )
    awaiting = factories.PetitionFactory(
        status="under_review", filed_on=D(2099, 1, 1), due_on=D(2099, 4, 1)
    )
    answered = factories.PetitionFactory(
        status="admissible", filed_on=D(2020, 1, 1), due_on=D(2020, 4, 1), decided_on=D(2020, 2, 1)
    )
    association = factories.PetitionFactory(
        filer_kind="association", association=factories.AssociationFactory()
    )

    assert listed(client.get("/en/petitions/?commune=taroudant")) == {collecting.pk}
    assert listed(client.get("/en/petitions/?status=admissible")) == {answered.pk}
    assert listed(client.get("/en/petitions/?deadline=overdue")) == {overdue.pk}
    assert listed(client.get("/en/petitions/?deadline=awaiting")) == {awaiting.pk}
    assert listed(client.get("/en/petitions/?deadline=answered")) == {answered.pk}
    assert listed(client.get("/en/petitions/?filer_kind=association")) == {association.pk}
    # A draft is not a public choice: the filter is refused, no draft is listed.
    factories.PetitionFactory(status="draft")
    refused = client.get("/en/petitions/?status=draft")
    assert refused.context["filter"].errors
    assert not Petition.objects.filter(pk__in=listed(refused), status="draft").exists()


def test_the_list_is_paged(client):
    for _ in range(23):
        factories.PetitionFactory()
    first, second = client.get("/en/petitions/"), client.get("/en/petitions/?page=2")
    assert len(listed(first)) == 20
    assert len(listed(second)) == 3
    assert not listed(first) & listed(second)


def test_the_list_keeps_a_constant_number_of_queries(client):
    full_petition(1)
    few = count_queries(client, "/en/petitions/")
    for _ in range(5):
        full_petition(2, filer_kind="association", association=factories.AssociationFactory())
    assert count_queries(client, "/en/petitions/") == few


def test_a_petitions_page_keeps_a_constant_number_of_queries(client):
    one = full_petition(1)
    few = count_queries(client, f"/en/petitions/{one.pk}/")
    five = full_petition(5)
    assert count_queries(client, f"/en/petitions/{five.pk}/") == few


def test_the_commune_page_keeps_a_constant_number_of_queries_with_its_petitions(client):
    commune = factories.CommuneFactory()
    factories.PetitionFactory(commune=commune)
    client.get(commune.get_absolute_url())  # the stored data versions are made once
    few = count_queries(client, commune.get_absolute_url())
    for _ in range(8):
        factories.PetitionFactory(commune=commune)
    page = client.get(commune.get_absolute_url())
    assert count_queries(client, commune.get_absolute_url()) == few
    assert len(page.context["petitions"]) == 5
    assert page.context["petition_count"] == 9


def test_a_petitions_page_shows_its_timeline_decision_and_deadline(client):
    petition = factories.PetitionFactory(signature_count=100)
    services.file_petition(petition, None, D(2025, 11, 30))
    services.apply_step(petition, "inadmissible", None, D(2026, 1, 12), text="Hors compétence.")

    page = client.get(f"/en/petitions/{petition.pk}/").content.decode()

    assert "Hors compétence." in page
    assert "2025/0001" in page
    assert 'datetime="2025-11-30"' in page
    assert 'datetime="2026-02-28"' in page  # due by
    assert 'datetime="2026-01-12"' in page  # decided
    assert "answered in 43 days" in page


def test_an_overdue_petition_says_by_how_many_days(client):
    petition = factories.PetitionFactory(
        status="filed", filed_on=D(2020, 1, 1), due_on=D(2020, 4, 1)
    )
    page = client.get(f"/en/petitions/{petition.pk}/").content.decode()
    days = (datetime.date.today() - D(2020, 4, 1)).days
    assert f"overdue by {days} days" in page


def signed_petition() -> Petition:
    petition = factories.PetitionFactory(agent_name="Agent Private-Name")
    signer = verified_user(email=SIGNER_EMAIL)
    client_for(signer).post(
        f"/en/petitions/{petition.pk}/sign/",
        {"full_name": SIGNER, "tie": "work", "declaration": "on"},
    )
    return petition


def test_no_signatory_or_agent_appears_in_public_html_feeds_or_exports():
    petition = signed_petition()
    petition.refresh_from_db()
    assert petition.signature_count == 1
    visitor = Client()
    slug = petition.commune.slug
    addresses = [
        "/en/petitions/",
        f"/en/petitions/{petition.pk}/",
        petition.commune.get_absolute_url(),
        f"/en/feeds/communes/{slug}/petitions/",
        "/en/petitions/export.csv",
        "/en/petitions/export.json",
        "/en/search/?q=عريضة",
    ]
    for address in addresses:
        response = visitor.get(address)
        assert response.status_code == 200, address
        content = b"".join(response.streaming_content) if response.streaming else response.content
        text = content.decode("utf-8-sig")
        for secret in (SIGNER, SIGNER_EMAIL, "Agent Private-Name", petition.agent.email):
            assert secret not in text, (address, secret)
    xlsx = visitor.get("/en/petitions/export.xlsx")
    assert xlsx.status_code == 200
    raw = b"".join(xlsx.streaming_content)
    with zipfile.ZipFile(io.BytesIO(raw)) as archive:
        text = "".join(
            archive.read(name).decode() for name in archive.namelist() if name.startswith("xl/")
        )
    assert petition.title in text
    for secret in (SIGNER, SIGNER_EMAIL, "Agent Private-Name"):
        assert secret not in text


def test_the_export_has_no_signatory_column():
    signed_petition()
    header = Client().get("/en/petitions/export.csv")
    first_line = b"".join(header.streaming_content).decode("utf-8-sig").splitlines()[0]
    assert "signature_count" in first_line
    assert "name" not in first_line.replace("_name", "")
    assert "agent" not in first_line and "email" not in first_line


def test_the_feed_has_one_entry_per_public_step_dated_by_the_step():
    petition = factories.PetitionFactory(signature_count=100)
    services.file_petition(petition, None, D(2025, 11, 30))
    response = Client().get(f"/en/feeds/communes/{petition.commune.slug}/petitions/")
    text = response.content.decode()
    assert response.status_code == 200
    assert text.count("<entry>") == 1
    assert "<published>2025-11-30T00:00:00" in text


def test_search_finds_public_petitions_only(client):
    shown = factories.PetitionFactory(title="إصلاح قنوات تصريف مياه الأمطار")
    draft = factories.PetitionFactory(title="إصلاح الطريق السري", status="draft")
    page = client.get("/en/search/?q=قنوات&kind=petitions").content.decode()
    assert f"/en/petitions/{shown.pk}/" in page
    page = client.get("/en/search/?q=السري&kind=petitions").content.decode()
    assert f"/en/petitions/{draft.pk}/" not in page


def test_the_sitemap_lists_public_petitions():
    shown = factories.PetitionFactory()
    draft = factories.PetitionFactory(status="draft")
    text = Client().get("/sitemap-petitions-en.xml").content.decode()
    assert f"/en/petitions/{shown.pk}/" in text
    assert f"/en/petitions/{draft.pk}/" not in text


def test_the_filers_own_words_take_their_direction_from_their_script(client):
    # An Arabic petition on the French page reads right to left, and the
    # other way round: every text the filer or the bureau wrote has dir="auto".
    petition = factories.PetitionFactory(
        title="تهيئة الممر", reasons="أسباب", objectives="أهداف", action_requested="طلب"
    )
    page = client.get(f"/fr/petitions/{petition.pk}/").content.decode()
    assert '<h1 dir="auto">تهيئة الممر</h1>' in page
    for text in ("أسباب", "أهداف", "طلب"):
        assert f'<div class="prose" dir="auto"><p>{text}</p></div>' in page
    listing = client.get("/fr/petitions/").content.decode()
    assert f'href="/fr/petitions/{petition.pk}/" dir="auto">تهيئة الممر</a>' in listing
