from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from associations.models import Association
from portal.pagecache import anonymous_page
from portal.paging import cached, paginate
from portal.preview import as_preview, public_or_preview
from projects.models import Project

from .filters import RecommendationFilter
from .models import Recommendation
from .tracker import tracker_summary


def get_public_recommendation(pk: int, *, preview: bool = False) -> Recommendation:
    """A public recommendation (any recommendation, with ``preview``) and what its page shows."""
    recommendations = (
        Recommendation.objects.select_related("meeting__commune", "addressed_to", "theme")
        if preview
        else Recommendation.objects.public()
    )
    # "answered_petitions" is the petitions app's link to this recommendation, read by
    # its name (the app above is never imported); the page skips their drafts.
    queryset = recommendations.select_related("workshop", "session__chair").prefetch_related(
        "updates",
        "answered_petitions",
        Prefetch("related_projects", queryset=Project.objects.public(), to_attr="public_projects"),
        Prefetch(
            "related_associations",
            queryset=Association.objects.public(),
            to_attr="public_associations",
        ),
    )
    return get_object_or_404(queryset, pk=pk)


@require_safe
@anonymous_page("recommendations", "meetings", "communes")
def recommendation_list(request):
    filterset = RecommendationFilter(request.GET or None, queryset=Recommendation.objects.listed())
    recommendations = filterset.qs
    return render(
        request,
        "recommendations/list.html",
        {
            "filter": filterset,
            "page_obj": paginate(request, recommendations),
            "status_summary": tracker_summary(recommendations),
            "overdue_count": cached(
                "overdue", recommendations.overdue(), recommendations.overdue().count
            ),
        },
    )


@require_safe
@anonymous_page("recommendations", "meetings", "projects", "associations", "communes")
def recommendation_detail(request, pk):
    recommendation, preview = public_or_preview(
        request,
        lambda: get_public_recommendation(pk),
        lambda: get_public_recommendation(pk, preview=True),
        lambda recommendation: recommendation.meeting.commune_id,
    )
    response = render(
        request,
        "recommendations/detail.html",
        {"recommendation": recommendation, "preview": preview},
    )
    return as_preview(response) if preview else response
