from django.db.models import Prefetch, Q
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from portal.views import paginate
from projects.comment_services import comment_context

from .filters import ProjectFilter
from .models import Project


def public_projects():
    return Project.objects.published().select_related("commune", "sector", "plan")


def get_public_project(slug: str) -> Project:
    """A published project with its files, timeline and the public records about it."""
    from meetings.models import SiteVisitStop
    from recommendations.views import public_recommendations

    stops = (
        SiteVisitStop.objects.filter(
            Q(visit__meeting__isnull=True) | Q(visit__meeting__published=True)
        )
        .select_related("visit__meeting")
        .order_by("-visit__date", "visit_id", "order")
    )
    queryset = (
        public_projects()
        .select_related("contracting_institution")
        .prefetch_related(
            "funders",
            "photos",
            "documents",
            "updates",
            Prefetch("visit_stops", queryset=stops, to_attr="public_stops"),
            Prefetch(
                "recommendations",
                queryset=public_recommendations(),
                to_attr="public_recommendations",
            ),
        )
    )
    return get_object_or_404(queryset, slug=slug)


def meetings_about(project: Project):
    """Published meetings where the project was presented, visited or recommended on."""
    from meetings.views import public_meetings

    return list(
        public_meetings()
        .filter(
            Q(presentations__related_projects=project)
            | Q(site_visits__stops__project=project)
            | Q(recommendations__related_projects=project, recommendations__published=True)
        )
        .distinct()
    )


@require_safe
def project_list(request):
    filterset = ProjectFilter(request.GET or None, queryset=public_projects())
    return render(
        request,
        "projects/list.html",
        {"filter": filterset, "page_obj": paginate(request, filterset.qs)},
    )


@require_safe
def project_detail(request, slug):
    project = get_public_project(slug)
    context = {"project": project, "meetings": meetings_about(project)}
    context.update(comment_context(request.user, project))
    return render(request, "projects/detail.html", context)
