from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from portal.views import paginate

from .filters import AssociationFilter
from .models import Association


def public_associations():
    return (
        Association.objects.published()
        .select_related("commune")
        .prefetch_related("fields_of_activity")
    )


def get_public_association(slug: str) -> Association:
    """A published association with its public meetings, certificates and recommendations."""
    from meetings.models import AssociationAttendance, Certificate
    from recommendations.views import public_recommendations

    attendance = (
        AssociationAttendance.objects.filter(meeting__published=True)
        .select_related("meeting", "meeting__commune")
        .order_by("-meeting__start_date", "pk")
    )
    certificates = (
        Certificate.objects.valid()
        .filter(meeting__published=True)
        .select_related("meeting", "signatory")
        .order_by("-awarded_on", "pk")
    )
    queryset = public_associations().prefetch_related(
        Prefetch("attendance", queryset=attendance, to_attr="public_attendance"),
        Prefetch("certificates", queryset=certificates, to_attr="public_certificates"),
        Prefetch(
            "recommendations",
            queryset=public_recommendations(),
            to_attr="public_recommendations",
        ),
    )
    return get_object_or_404(queryset, slug=slug)


@require_safe
def association_list(request):
    filterset = AssociationFilter(request.GET or None, queryset=public_associations())
    return render(
        request,
        "associations/list.html",
        {"filter": filterset, "page_obj": paginate(request, filterset.qs)},
    )


@require_safe
def association_detail(request, slug):
    return render(
        request,
        "associations/detail.html",
        {"association": get_public_association(slug)},
    )
