from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from portal.pagecache import anonymous_page
from portal.paging import paginate
from portal.preview import as_preview, public_or_preview

from .filters import AssociationFilter
from .models import Association


@require_safe
@anonymous_page("associations", "communes")
def association_list(request):
    filterset = AssociationFilter(request.GET or None, queryset=Association.objects.listed())
    return render(
        request,
        "associations/list.html",
        {"filter": filterset, "page_obj": paginate(request, filterset.qs)},
    )


@require_safe
@anonymous_page("associations", "meetings", "recommendations", "communes")
def association_detail(request, slug):
    """A published association, with the public records about it.

    The meetings it attended, its certificates and the recommendations that
    name it belong to apps above this one: they are read through the
    association's own relations and their models' ``public()``, not imported.
    """
    association, preview = public_or_preview(
        request,
        lambda: get_object_or_404(Association.objects.public(), slug=slug),
        lambda: get_object_or_404(Association.objects.select_related("commune"), slug=slug),
        lambda association: association.commune_id,
    )
    response = render(
        request,
        "associations/detail.html",
        {
            "association": association,
            "attendances": list(
                association.attendance.public().order_by("-meeting__start_date", "pk")
            ),
            "certificates": list(association.certificates.public().order_by("-awarded_on", "pk")),
            "recommendations": list(association.recommendations.public()),
            "preview": preview,
        },
    )
    return as_preview(response) if preview else response
