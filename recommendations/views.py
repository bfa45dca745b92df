from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from portal.views import paginate

from .filters import RecommendationFilter
from .models import Recommendation
from .tracker import tracker_summary


def public_recommendations():
    """Published recommendations of published meetings, with what a list row shows."""
    return Recommendation.objects.published().select_related(
        "meeting__commune", "addressed_to", "theme"
    )


def get_public_recommendation(pk: int) -> Recommendation:
    from associations.views import public_associations
    from projects.views import public_projects

    queryset = (
        public_recommendations()
        .select_related("workshop", "session__chair")
        .prefetch_related(
            "updates",
            Prefetch("related_projects", queryset=public_projects(), to_attr="public_projects"),
            Prefetch(
                "related_associations",
                queryset=public_associations(),
                to_attr="public_associations",
            ),
        )
    )
    return get_object_or_404(queryset, pk=pk)


@require_safe
def recommendation_list(request):
    filterset = RecommendationFilter(request.GET or None, queryset=public_recommendations())
    recommendations = filterset.qs
    return render(
        request,
        "recommendations/list.html",
        {
            "filter": filterset,
            "page_obj": paginate(request, recommendations),
            "status_summary": tracker_summary(recommendations),
            "overdue_count": recommendations.overdue().count(),
        },
    )


@require_safe
def recommendation_detail(request, pk):
    return render(
        request,
        "recommendations/detail.html",
        {"recommendation": get_public_recommendation(pk)},
    )
