"""Where the demo records live on the public site, for the browser tests."""

from meetings.models import Certificate, Meeting
from petitions.models import Petition
from recommendations.models import Recommendation

GUELMIM_MEETING = "guelmim-civil-society-outreach-meeting"
TAROUDANT_FORUM = "taroudant-associations-forum-2009"
GUELMIM_ASSOCIATION = "guelmim-al-amal-development-solidarity"
GUELMIM_PROJECT = "guelmim-dar-chabab-al-massira"
#: The demo's citizens' petition in Taroudant, open for signatures.
TAROUDANT_PETITION = "تهيئة وإنارة الممر المحاذي لأسوار المدينة العتيقة"
#: The Guelmim associations' request for the partnership charter, on the agenda.
GUELMIM_PETITION = "إدراج نقطة إبرام ميثاق الشراكة مع المجتمع المدني في جدول أعمال المجلس"


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
    petition = Petition.objects.get(title=GUELMIM_PETITION)
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
        "petitions": f"/{lang}/petitions/",
        "petition": f"/{lang}/petitions/{petition.pk}/",
        "open-data": f"/{lang}/open-data/",
        "sign-in": "/accounts/login/",
    }
