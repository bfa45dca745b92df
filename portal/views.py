"""Site-wide public pages: home, a commune's page, picture renditions."""

from dataclasses import dataclass

from django.core.files.storage import default_storage
from django.core.paginator import Page, Paginator
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from . import images
from .models import Commune

PAGE_SIZE = 20
PREVIEW_SIZE = 5


def paginate(request, queryset, per_page: int = PAGE_SIZE) -> Page:
    """The requested page; a missing or silly page number gives the nearest real one."""
    return Paginator(queryset, per_page).get_page(request.GET.get("page"))


@dataclass
class StatusCount:
    value: str
    label: str
    count: int
    step: int  # per cent of the total, rounded to the summary's step, for the stacked bar

    @property
    def share(self) -> int:
        """The per cent the table shows: the bar's own figure, so the two agree."""
        return self.step


def status_summary(queryset, choices, step: int = 5) -> dict:
    """How many rows of `queryset` sit in each status, in one query.

    The shares are rounded to `step` per cent and add up to 100.
    """
    counts = dict(queryset.order_by().values_list("status").annotate(n=Count("pk")))
    total = sum(counts.values())
    rows = [(value, label, counts.get(value, 0)) for value, label in choices.choices]
    steps = _shares_in_steps([count for _, _, count in rows], total, step=step)
    return {
        "items": [
            StatusCount(value, str(label), count, step)
            for (value, label, count), step in zip(rows, steps, strict=True)
        ],
        "total": total,
    }


def _shares_in_steps(counts: list[int], total: int, step: int = 5) -> list[int]:
    """Shares of 100 rounded to `step` that still add up to 100 (largest remainder)."""
    if not total:
        return [0] * len(counts)
    units = 100 // step
    exact = [count * units / total for count in counts]
    floors = [int(x) for x in exact]
    spare = units - sum(floors)
    by_remainder = sorted(range(len(counts)), key=lambda i: exact[i] - floors[i], reverse=True)
    for i in by_remainder[:spare]:
        floors[i] += 1
    return [f * step for f in floors]


def _count_of(model_queryset, field: str = "commune"):
    """A correlated COUNT(*) subquery per commune, zero when there are none."""
    counted = (
        model_queryset.filter(**{field: OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(n=Count("pk"))
        .values("n")
    )
    return Coalesce(Subquery(counted), 0)


def public_communes():
    from associations.models import Association
    from meetings.models import Meeting
    from projects.models import Project

    return Commune.objects.annotate(
        meeting_count=_count_of(Meeting.objects.published()),
        project_count=_count_of(Project.objects.published()),
        association_count=_count_of(Association.objects.published()),
    )


@require_safe
def home(request):
    from meetings.views import public_meetings
    from projects.models import Project
    from projects.views import public_projects
    from recommendations.models import Recommendation
    from recommendations.views import public_recommendations

    meetings = public_meetings()
    return render(
        request,
        "portal/home.html",
        {
            "next_meetings": list(meetings.upcoming()[:3]),
            "latest_meetings": list(meetings.past()[:3]),
            "project_status": status_summary(public_projects(), Project.Status),
            "recommendation_status": status_summary(
                public_recommendations(), Recommendation.Status
            ),
            "communes": public_communes(),
        },
    )


@require_safe
def commune_detail(request, slug):
    from associations.views import public_associations
    from meetings.views import public_meetings
    from projects.models import Project
    from projects.views import public_projects
    from recommendations.models import Recommendation
    from recommendations.views import public_recommendations

    commune = get_object_or_404(Commune, slug=slug)
    meetings = public_meetings().filter(commune=commune)
    projects = public_projects().filter(commune=commune)
    associations = public_associations().filter(commune=commune)
    recommendations = public_recommendations().filter(meeting__commune=commune)
    return render(
        request,
        "portal/commune_detail.html",
        {
            "commune": commune,
            "upcoming_meetings": list(meetings.upcoming()[:PREVIEW_SIZE]),
            "past_meetings": list(meetings.past()[:PREVIEW_SIZE]),
            "meeting_count": meetings.count(),
            "projects": list(projects[:PREVIEW_SIZE]),
            "project_status": status_summary(projects, Project.Status),
            "associations": list(associations[:PREVIEW_SIZE]),
            "association_count": associations.count(),
            "recommendations": list(recommendations[:PREVIEW_SIZE]),
            "recommendation_status": status_summary(recommendations, Recommendation.Status),
        },
    )


@require_safe
def image_rendition(request, width, name):
    if width not in images.RENDITION_WIDTHS or not images.is_allowed(name):
        raise Http404
    try:
        stored = images.rendition(name, width)
    except images.ImageMissing as exc:
        raise Http404 from exc
    response = FileResponse(default_storage.open(stored), content_type=images.content_type(name))
    # The original behind a name never changes, so neither does its rendition.
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
