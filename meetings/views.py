from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from portal.models import Person
from portal.pagecache import anonymous_page
from portal.paging import paginate
from portal.preview import as_preview, public_or_preview
from projects.models import Project

from .filters import MeetingFilter
from .models import (
    AssociationAttendance,
    Certificate,
    InstitutionAttendance,
    Meeting,
    Presentation,
    Session,
    SiteVisit,
    SiteVisitStop,
    Speech,
    Workshop,
)


def get_public_meeting(slug: str, *, preview: bool = False) -> Meeting:
    """A published meeting with everything its page shows, drafts left out.

    With ``preview``, any meeting, its parts as they will show once it is published.
    """
    people = Person.objects.select_related("institution")
    stops = (
        (SiteVisitStop.objects.previewed() if preview else SiteVisitStop.objects.public())
        .select_related("project__sector")
        .prefetch_related("photos")
        .order_by("order")
    )
    meetings = Meeting.objects.select_related("commune", "series") if preview else Meeting.objects
    certificates = Certificate.objects.previewed() if preview else Certificate.objects.public()
    queryset = (meetings if preview else meetings.public()).prefetch_related(
        "organisers",
        "partners",
        "photos",
        Prefetch("sessions", queryset=Session.objects.select_related("chair__institution")),
        Prefetch(
            "speeches",
            queryset=Speech.objects.select_related(
                "speaker__institution", "association", "session"
            ),
        ),
        Prefetch(
            "presentations",
            queryset=Presentation.objects.select_related("institution", "session").prefetch_related(
                Prefetch("presenters", queryset=people),
                Prefetch(
                    "related_projects",
                    queryset=Project.objects.public(),
                    to_attr="public_projects",
                ),
            ),
        ),
        Prefetch(
            "workshops",
            queryset=Workshop.objects.prefetch_related(Prefetch("facilitators", queryset=people)),
        ),
        Prefetch(
            "site_visits",
            queryset=SiteVisit.objects.order_by("date", "pk").prefetch_related(
                Prefetch("stops", queryset=stops, to_attr="public_stops")
            ),
        ),
        Prefetch(
            "association_attendance",
            queryset=AssociationAttendance.objects.filter(association__published=True)
            .select_related("association")
            .order_by("association__name"),
            to_attr="public_association_attendance",
        ),
        Prefetch(
            "institution_attendance",
            queryset=InstitutionAttendance.objects.select_related("institution"),
        ),
        Prefetch(
            "certificates",
            queryset=certificates.order_by("awarded_on", "pk"),
            to_attr="public_certificates",
        ),
    )
    return get_object_or_404(queryset, slug=slug)


def other_editions(meeting: Meeting):
    if not meeting.series_id:
        return []
    return list(
        Meeting.objects.published()
        .filter(series_id=meeting.series_id)
        .exclude(pk=meeting.pk)
        .order_by("edition", "start_date")
    )


#: Upcoming meetings shown above the past ones; the rest are a link away.
UPCOMING_SHOWN = 6


@require_safe
@anonymous_page("meetings", "communes")
def meeting_list(request):
    """Upcoming meetings (the soonest, or all of them paged with ``?when=upcoming``),
    then the past ones, newest first, paged."""
    filterset = MeetingFilter(request.GET or None, queryset=Meeting.objects.listed())
    meetings = filterset.qs
    if request.GET.get("when") == "upcoming":
        return render(
            request,
            "meetings/list.html",
            {
                "filter": filterset,
                "all_upcoming": True,
                "page_obj": paginate(request, meetings.upcoming()),
            },
        )
    upcoming = list(meetings.upcoming()[: UPCOMING_SHOWN + 1])
    return render(
        request,
        "meetings/list.html",
        {
            "filter": filterset,
            "upcoming": upcoming[:UPCOMING_SHOWN],
            "more_upcoming": len(upcoming) > UPCOMING_SHOWN,
            "page_obj": paginate(request, meetings.past()),
        },
    )


@require_safe
@anonymous_page("meetings", "recommendations", "projects", "associations", "communes")
def meeting_detail(request, slug):
    """A meeting's page. Its recommendations belong to the app above this one: they are
    read through the meeting's own relation and their model's ``public()``."""
    meeting, preview = public_or_preview(
        request,
        lambda: get_public_meeting(slug),
        lambda: get_public_meeting(slug, preview=True),
        lambda meeting: meeting.commune_id,
    )
    recommendations = (
        meeting.recommendations.previewed() if preview else (meeting.recommendations.public())
    )
    located = [
        stop
        for visit in meeting.site_visits.all()
        for stop in visit.public_stops
        if stop.project.latitude is not None and stop.project.longitude is not None
    ]
    response = render(
        request,
        "meetings/detail.html",
        {
            "meeting": meeting,
            "has_map": bool(located),
            "other_editions": other_editions(meeting),
            "recommendations": list(recommendations.select_related("workshop", "session")),
            "preview": preview,
        },
    )
    return as_preview(response) if preview else response
