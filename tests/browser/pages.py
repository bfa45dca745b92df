"""Where the demo records live on the public site, for the browser tests."""

from meetings.models import Certificate, Meeting
from recommendations.models import Recommendation

GUELMIM_MEETING = "guelmim-civil-society-outreach-meeting"
TAROUDANT_FORUM = "taroudant-associations-forum-2009"
GUELMIM_ASSOCIATION = "guelmim-al-amal-development-solidarity"
GUELMIM_PROJECT = "guelmim-dar-chabab-al-massira"


def not_found_page(lang: str) -> str:
    """An address with no page behind it: the site answers its 404 page."""
    return f"/{lang}/no-such-page/"


def guelmim_recommendation():
    return Recommendation.objects.filter(meeting__slug=GUELMIM_MEETING).order_by("pk").first()


def demo_certificate():
    return Certificate.objects.filter(meeting__slug=GUELMIM_MEETING).order_by("pk").first()


def public_pages(lang: str) -> dict[str, str]:
    """Every kind of public page, by name, with the demo records."""
    recommendation = guelmim_recommendation()
    certificate = demo_certificate()
    assert Meeting.objects.filter(slug=TAROUDANT_FORUM).exists()
    return {
        "home": f"/{lang}/",
        "commune": f"/{lang}/communes/guelmim/",
        "associations": f"/{lang}/associations/",
        "association": f"/{lang}/associations/{GUELMIM_ASSOCIATION}/",
        "meetings": f"/{lang}/meetings/",
        "meeting-guelmim": f"/{lang}/meetings/{GUELMIM_MEETING}/",
        "meeting-taroudant": f"/{lang}/meetings/{TAROUDANT_FORUM}/",
        "projects": f"/{lang}/projects/",
        "project": f"/{lang}/projects/{GUELMIM_PROJECT}/",
        "map": f"/{lang}/map/",
        "recommendations": f"/{lang}/recommendations/",
        "recommendation": f"/{lang}/recommendations/{recommendation.pk}/",
        "search": f"/{lang}/search/?q=التنمية",
        "certificate-verify-form": f"/{lang}/certificates/verify/",
        "certificate-verify": f"/{lang}/certificates/verify/{certificate.code}/",
        "certificate-print": f"/{lang}/certificates/{certificate.code}/print/",
        "open-data": f"/{lang}/open-data/",
        "sign-in": "/accounts/login/",
    }
