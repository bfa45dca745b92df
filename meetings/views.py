import django_filters
from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from portal.filters import TextSearchFilter
from portal.models import Commune, Person
from portal.views import paginate

from .models import (
    AssociationAttendance,
    Certificate,
    InstitutionAttendance,
    Meeting,
    MeetingSeries,
    Presentation,
    Session,
    SiteVisit,
    SiteVisitStop,
    Speech,
    Workshop,
)


def public_meetings():
    return Meeting.objects.published().select_related("commune", "series")


def public_stops():
    """Site-visit stops at published projects, in itinerary order."""
    return (
        SiteVisitStop.objects.filter(project__published=True)
        .select_related("project", "project__sector")
        .prefetch_related("photos")
        .order_by("order")
    )


def get_public_meeting(slug: str) -> Meeting:
    """A published meeting with everything its page shows, drafts left out."""
    from projects.views import public_projects
    from recommendations.models import Recommendation

    certificates = (
        Certificate.objects.valid()
        .filter(Q(recipient_association__isnull=True) | Q(recipient_association__published=True))
        .select_related("recipient_association", "recipient_person__institution", "signatory")
        .order_by("awarded_on", "pk")
    )
    people = Person.objects.select_related("institution")
    queryset = public_meetings().prefetch_related(
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
                Prefetch("related_projects", queryset=public_projects(), to_attr="public_projects"),
            ),
        ),
        Prefetch(
            "workshops",
            queryset=Workshop.objects.prefetch_related(Prefetch("facilitators", queryset=people)),
        ),
        Prefetch(
            "site_visits",
            queryset=SiteVisit.objects.order_by("date", "pk").prefetch_related(
                Prefetch("stops", queryset=public_stops(), to_attr="public_stops")
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
        Prefetch("certificates", queryset=certificates, to_attr="public_certificates"),
        Prefetch(
            "recommendations",
            queryset=Recommendation.objects.filter(published=True).select_related(
                "addressed_to", "theme", "workshop", "session"
            ),
            to_attr="public_recommendations",
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


class MeetingFilter(django_filters.FilterSet):
    q = TextSearchFilter(label=_("Keyword"), fields=("title", "slogan", "venue", "summary"))
    commune = django_filters.ModelChoiceFilter(
        label=_("Commune"),
        queryset=Commune.objects.all(),
        to_field_name="slug",
        empty_label=_("All communes"),
    )
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Meeting.Kind.choices, empty_label=_("All kinds")
    )
    series = django_filters.ModelChoiceFilter(
        label=_("Series"),
        queryset=MeetingSeries.objects.all(),
        to_field_name="slug",
        empty_label=_("All series"),
    )

    class Meta:
        model = Meeting
        fields = ["q", "commune", "kind", "series"]


@require_safe
def meeting_list(request):
    filterset = MeetingFilter(request.GET or None, queryset=public_meetings())
    meetings = filterset.qs
    return render(
        request,
        "meetings/list.html",
        {
            "filter": filterset,
            "upcoming": list(meetings.upcoming()),
            "page_obj": paginate(request, meetings.past()),
        },
    )


@require_safe
def meeting_detail(request, slug):
    meeting = get_public_meeting(slug)
    return render(
        request,
        "meetings/detail.html",
        {"meeting": meeting, "other_editions": other_editions(meeting)},
    )
