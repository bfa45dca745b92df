"""Pages that combine the apps: the home page, a commune's page, a user's own page."""

from django.contrib.auth.decorators import login_required
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from associations.models import Association, Membership
from meetings.models import Meeting
from portal.models import Commune
from portal.paging import status_summary
from projects.models import Comment, Project
from recommendations.models import Recommendation

PREVIEW_SIZE = 5


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
    return Commune.objects.annotate(
        meeting_count=_count_of(Meeting.objects.published()),
        project_count=_count_of(Project.objects.published()),
        association_count=_count_of(Association.objects.published()),
    )


@require_safe
def home(request):
    meetings = Meeting.objects.public()
    return render(
        request,
        "portal/home.html",
        {
            "next_meetings": list(meetings.upcoming()[:3]),
            "latest_meetings": list(meetings.past()[:3]),
            "project_status": status_summary(Project.objects.published(), Project.Status),
            "recommendation_status": status_summary(
                Recommendation.objects.published(), Recommendation.Status
            ),
            "communes": public_communes(),
        },
    )


@require_safe
def commune_detail(request, slug):
    commune = get_object_or_404(Commune, slug=slug)
    meetings = Meeting.objects.public().filter(commune=commune)
    projects = Project.objects.public().filter(commune=commune)
    associations = Association.objects.public().filter(commune=commune)
    recommendations = Recommendation.objects.public().filter(meeting__commune=commune)
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


@login_required
def account(request):
    """A signed-in user's own page: the associations they represent, their comments."""
    memberships = (
        Membership.objects.filter(user=request.user)
        .select_related("association")
        .order_by("association__name")
    )
    comments = (
        Comment.objects.filter(author=request.user)
        .select_related("project", "association")
        .order_by("-created_at")[:50]
    )
    return render(
        request, "memberships/mine.html", {"memberships": memberships, "comments": comments}
    )
