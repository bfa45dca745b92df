"""Staff preview unpublished records on their public page; visitors still get 404.

"View on site" in the back office opens the record on the site's own address.
"""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from tests import factories

BANNER = "preview-banner"


def unpublished_meeting(commune):
    return factories.MeetingFactory(commune=commune, published=False)


def unpublished_project(commune):
    return factories.ProjectFactory(commune=commune, published=False)


def unpublished_association(commune):
    return factories.AssociationFactory(commune=commune, published=False)


def recommendation_of_unpublished_meeting(commune):
    return factories.RecommendationFactory(meeting=unpublished_meeting(commune))


def unpublished_recommendation(commune):
    return factories.RecommendationFactory(
        meeting=factories.MeetingFactory(commune=commune), published=False
    )


KINDS = [
    unpublished_meeting,
    unpublished_project,
    unpublished_association,
    recommendation_of_unpublished_meeting,
    unpublished_recommendation,
]


@pytest.fixture
def commune(db):
    return factories.CommuneFactory()


def staff_client_of(commune):
    user = factories.UserFactory(is_staff=True)
    user.groups.add(Group.objects.get(name="Council staff"))
    if commune is not None:
        factories.StaffScopeFactory(user=user, commune=commune)
    client = Client()
    client.force_login(user)
    return client


@pytest.mark.parametrize("make", KINDS, ids=lambda make: make.__name__)
def test_staff_of_the_commune_preview_with_a_banner(commune, make):
    record = make(commune)

    response = staff_client_of(commune).get(record.get_absolute_url())

    assert response.status_code == 200
    assert BANNER in response.content.decode()
    assert response["Cache-Control"] == "private, no-store"
    assert response["X-Robots-Tag"] == "noindex"


@pytest.mark.parametrize("make", KINDS, ids=lambda make: make.__name__)
def test_visitors_members_and_other_communes_staff_get_404(commune, make):
    record = make(commune)
    member = Client()
    member.force_login(factories.UserFactory())
    elsewhere = staff_client_of(factories.CommuneFactory())

    for client in (Client(), member, elsewhere, staff_client_of(None)):
        assert client.get(record.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("make", KINDS, ids=lambda make: make.__name__)
def test_superusers_preview_any_commune(superuser, commune, make):
    client = Client()
    client.force_login(superuser)

    response = client.get(make(commune).get_absolute_url())

    assert response.status_code == 200 and BANNER in response.content.decode()


def test_a_published_record_has_no_banner_for_staff(commune):
    meeting = factories.MeetingFactory(commune=commune, published=True)

    response = staff_client_of(commune).get(meeting.get_absolute_url())

    assert response.status_code == 200
    assert BANNER not in response.content.decode()
    assert "no-store" not in response.get("Cache-Control", "")


def test_a_meeting_preview_shows_the_parts_it_will_show_once_published(commune):
    meeting = unpublished_meeting(commune)
    visit = factories.SiteVisitFactory(meeting=meeting)
    stop = factories.SiteVisitStopFactory(
        visit=visit,
        project=factories.ProjectFactory(commune=commune, title_ar="قنطرة واد أم العشار"),
    )
    certificate = factories.CertificateFactory(meeting=meeting)
    recommendation = factories.RecommendationFactory(meeting=meeting, title_ar="بوابة إلكترونية")

    page = staff_client_of(commune).get(meeting.get_absolute_url()).content.decode()

    assert stop.project.title_ar in page
    assert certificate.recipient_association.name_ar in page
    assert recommendation.title_ar in page


def test_view_on_site_opens_the_sites_own_address(staff_client, settings):
    settings.SITE_URL = "https://sharaka.example.ma"
    meeting = factories.MeetingFactory(published=False)

    page = staff_client.get(reverse("admin:meetings_meeting_change", args=[meeting.pk]))

    assert page.status_code == 200
    expected = f'href="https://sharaka.example.ma{meeting.get_absolute_url()}"'
    assert expected in page.content.decode()
    assert "example.com" not in page.content.decode()


def test_view_on_site_links_of_inline_rows_open_the_sites_own_address(staff_client, settings):
    settings.SITE_URL = "https://sharaka.example.ma"
    presentation = factories.PresentationFactory()

    page = staff_client.get(
        reverse("admin:meetings_meeting_change", args=[presentation.meeting.pk])
    ).content.decode()

    assert f'href="https://sharaka.example.ma{presentation.get_absolute_url()}"' in page
    assert "/admin/r/" not in page
