"""The pages of an institution and of a person: what they did in the public records.

Institutions and people live in the ``portal`` base; the meetings,
presentations and recommendations that name them live in the apps above, so
their pages combine apps and sit here. Each list shows the most recent
``LATEST`` records only: a national agency may appear in thousands.
"""

from django.db.models import Q
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from meetings.models import Certificate, Meeting, Presentation, Session, Speech, Workshop
from portal.models import Institution, Person
from projects.models import Project
from recommendations.models import Recommendation

LATEST = 10
PEOPLE_SHOWN = 20

_BY_MEETING_DATE = ("-meeting__start_date", "-pk")


@require_safe
def institution_detail(request, pk):
    institution = get_object_or_404(Institution.objects.public(), pk=pk)
    meetings = (
        Meeting.objects.public()
        .filter(
            Q(organisers=institution)
            | Q(partners=institution)
            | Q(institution_attendance__institution=institution)
        )
        .distinct()
        .order_by("-start_date", "-pk")
    )
    context = {
        "institution": institution,
        "meetings": list(meetings[:LATEST]),
        "presentations": list(
            Presentation.objects.public()
            .filter(institution=institution)
            .order_by(*_BY_MEETING_DATE)[:LATEST]
        ),
        "recommendations": list(
            Recommendation.objects.public()
            .filter(addressed_to=institution)
            .order_by(*_BY_MEETING_DATE)[:LATEST]
        ),
        "projects": list(
            Project.objects.public()
            .filter(contracting_institution=institution)
            .order_by("-pk")[:LATEST]
        ),
        "people": list(institution.people.order_by("full_name", "pk")[:PEOPLE_SHOWN]),
        "latest": LATEST,
    }
    return render(request, "portal/institution_detail.html", context)


@require_safe
def person_detail(request, pk):
    person = get_object_or_404(Person.objects.public().select_related("commune"), pk=pk)
    context = {
        "person": person,
        "speeches": list(
            Speech.objects.public().filter(speaker=person).order_by(*_BY_MEETING_DATE)[:LATEST]
        ),
        "presentations": list(
            Presentation.objects.public()
            .filter(presenters=person)
            .order_by(*_BY_MEETING_DATE)[:LATEST]
        ),
        "sessions": list(
            Session.objects.public().filter(chair=person).order_by(*_BY_MEETING_DATE)[:LATEST]
        ),
        "workshops": list(
            Workshop.objects.public()
            .filter(facilitators=person)
            .order_by(*_BY_MEETING_DATE)[:LATEST]
        ),
        "certificates": list(
            Certificate.objects.public()
            .filter(recipient_person=person)
            .order_by("-awarded_on", "-pk")[:LATEST]
        ),
        "latest": LATEST,
    }
    return render(request, "portal/person_detail.html", context)
