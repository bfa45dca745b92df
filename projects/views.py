from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from portal.pagecache import anonymous_page
from portal.paging import paginate
from portal.preview import as_preview, public_or_preview

from .comments.services import comment_context
from .filters import ProjectFilter
from .models import COMMENT_PAGE_PARAMETER, Project


@require_safe
@anonymous_page("projects", "communes")
def project_list(request):
    filterset = ProjectFilter(request.GET or None, queryset=Project.objects.listed())
    return render(
        request,
        "projects/list.html",
        {"filter": filterset, "page_obj": paginate(request, filterset.qs)},
    )


def get_public_project(slug: str, *, preview: bool = False) -> Project:
    """A published project with its files and timeline (any project, with ``preview``)."""
    projects = (
        Project.objects.select_related("commune", "sector", "plan")
        if preview
        else Project.objects.public()
    )
    queryset = projects.select_related("contracting_institution").prefetch_related(
        "funders", "photos", "documents", "updates"
    )
    return get_object_or_404(queryset, slug=slug)


def meetings_about(presentations, stops, recommendations) -> list:
    """Published meetings where the project was presented, visited or recommended on.

    Gathered from the rows the page already shows (no scan of every meeting),
    in the meetings' own order: newest first, then by title.
    """
    found = [
        *(presentation.meeting for presentation in presentations),
        *(stop.visit.meeting for stop in stops),
        *(recommendation.meeting for recommendation in recommendations),
    ]
    meetings = {meeting.pk: meeting for meeting in found if meeting and meeting.published}
    by_title = sorted(meetings.values(), key=lambda meeting: (meeting.title, meeting.pk))
    return sorted(by_title, key=lambda meeting: meeting.start_date, reverse=True)


@require_safe
@anonymous_page("projects", "comments", "meetings", "recommendations", "communes")
def project_detail(request, slug):
    """A project's page. The meetings, visits and recommendations about it belong to
    apps above this one: they are read through the project's own relations and
    their models' ``public()``, not imported."""
    project, preview = public_or_preview(
        request,
        lambda: get_public_project(slug),
        lambda: get_public_project(slug, preview=True),
        lambda project: project.commune_id,
    )
    stops = list(
        project.visit_stops.public()
        .select_related("visit__meeting__commune")
        .order_by("-visit__date", "visit_id", "order")
    )
    presentations = list(project.presentations.public().select_related("meeting__commune"))
    recommendations = list(project.recommendations.public())
    context = {
        "project": project,
        "stops": stops,
        "recommendations": recommendations,
        "meetings": meetings_about(presentations, stops, recommendations),
        "preview": preview,
    }
    context.update(comment_context(request.user, project, request.GET.get(COMMENT_PAGE_PARAMETER)))
    response = render(request, "projects/detail.html", context)
    return as_preview(response) if preview else response
