"""Pages that combine the apps: the home page, the communes directory, a commune's
page, a user's own page."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.db.models import CharField, Count, F, OuterRef, Prefetch, Subquery, Value
from django.db.models.functions import Coalesce, NullIf
from django.shortcuts import get_object_or_404, render
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_safe

from associations.models import Association, Membership
from meetings.models import AssociationAttendance, Certificate, Meeting
from petitions.models import Petition
from portal import languages
from portal.filters import validate_search_query
from portal.models import Commune
from portal.pagecache import anonymous_page
from portal.paging import cached, paginate, status_summary
from portal.search import MAX_QUERY_LENGTH, filter_queryset_by_text
from projects.models import Comment, Project
from recommendations.models import Recommendation

PREVIEW_SIZE = 5
#: Commune cards on the home page: the communes of the latest meetings.
HOME_COMMUNES = 4


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


def with_counts(communes):
    """``communes`` with how many published meetings, projects and associations each has.

    For a page of communes only: each count is an index look-up per row.
    """
    return communes.annotate(
        meeting_count=_count_of(Meeting.objects.published()),
        project_count=_count_of(Project.objects.published()),
        association_count=_count_of(Association.objects.published()),
    )


def _in_language(field: str):
    """A commune's ``field`` in the visitor's language, or in Arabic when not translated."""
    own = f"{field}_{(get_language() or languages.codes()[0])[:2]}"
    arabic = f"{field}_{languages.codes()[0]}"
    if own == arabic or own not in languages.columns(field):
        return F(arabic)
    return Coalesce(NullIf(F(own), Value("")), F(arabic), output_field=CharField())


def places(communes, field: str) -> list[dict]:
    """The regions (or provinces) of ``communes``: each with its commune count, cached.

    A place is named in addresses by its Arabic name (``?region=…``), which
    does not change with the language of the page.
    """
    key = f"{field}_{languages.codes()[0]}"
    grouped = (
        communes.exclude(**{key: ""})
        .values(key)
        .annotate(label=_in_language(field), count=Count("pk"))
        .order_by("label")
    )
    return cached(
        f"places:{field}",
        grouped,
        lambda: [
            {"key": row[key], "label": row["label"], "count": row["count"]} for row in grouped
        ],
    )


def active_communes(size: int = HOME_COMMUNES) -> list:
    """At most ``size`` communes, those of the latest published meetings first,
    then others by name; each with its counts (see ``with_counts``)."""
    recent = (
        Meeting.objects.published()
        .order_by("-start_date", "title", "pk")
        .values_list("commune_id", flat=True)[: size * 10]
    )
    # Asked whether or not needed, so the page's queries never vary.
    others = Commune.objects.values_list("pk", flat=True)[:size]
    ids = list(dict.fromkeys([*recent, *others]))[:size]
    return list(with_counts(Commune.objects.filter(pk__in=ids)))


@require_safe
@anonymous_page("projects", "recommendations", "meetings", "associations", "communes")
def home(request):
    meetings = Meeting.objects.listed()
    communes = Commune.objects.all()
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
            "communes": active_communes(),
            "commune_count": cached("count", communes, communes.count),
            "regions": places(communes, "region"),
        },
    )


class CommuneSearchForm(forms.Form):
    q = forms.CharField(
        label=_("Name of the commune"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        validators=[validate_search_query],
        widget=forms.SearchInput(attrs={"maxlength": MAX_QUERY_LENGTH}),
    )


@require_safe
@anonymous_page("projects", "meetings", "associations", "communes")
def commune_directory(request):
    """Every commune, by region then province, paged; or the ones a name search finds.

    Region and province are drill-down links (``?region=…``, then
    ``&province=…``), so no page lists the whole country.
    """
    form = CommuneSearchForm(request.GET)
    q = form.cleaned_data["q"] if form.is_valid() else ""
    region = request.GET.get("region", "").strip()
    province = request.GET.get("province", "").strip()
    communes = Commune.objects.all()
    if region:
        communes = communes.filter(region_ar=region)
    if province:
        communes = communes.filter(province_ar=province)
    regions = provinces = []
    if q:
        communes = filter_queryset_by_text(communes, ["name"], q)
    elif not region:
        regions = places(communes, "region")
    elif not province:
        provinces = places(communes, "province")
    page = paginate(request, communes)
    # The counts are read for this page's communes only, in the page's order.
    ids = [commune.pk for commune in page.object_list]
    counted = {commune.pk: commune for commune in with_counts(Commune.objects.filter(pk__in=ids))}
    page.object_list = [counted[pk] for pk in ids]
    return render(
        request,
        "portal/communes.html",
        {
            "form": form,
            "q": q,
            "region": _place_label(region, "region"),
            "province": _place_label(province, "province"),
            "regions": regions,
            "provinces": provinces,
            "page_obj": page,
        },
    )


def _place_label(key: str, field: str) -> dict | None:
    """The region or province named ``key`` (its Arabic name), in the visitor's language."""
    if not key:
        return None
    commune = Commune.objects.filter(**{f"{field}_ar": key}).first()
    return {"key": key, "label": getattr(commune, field) if commune else key}


@require_safe
@anonymous_page("communes", "projects", "meetings", "associations", "recommendations", "petitions")
def commune_detail(request, slug):
    commune = get_object_or_404(Commune, slug=slug)
    meetings = Meeting.objects.public().filter(commune=commune)
    projects = Project.objects.public().filter(commune=commune)
    associations = Association.objects.public().filter(commune=commune)
    recommendations = Recommendation.objects.public().filter(meeting__commune=commune)
    petitions = Petition.objects.listed().filter(commune=commune)
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
            "petitions": list(petitions[:PREVIEW_SIZE]),
            "petition_count": cached("count", petitions, petitions.count),
        },
    )


#: Latest meetings attended and certificates shown per association on the
#: account page; the association's page lists them all.
ACCOUNT_RECORDS_PER_ASSOCIATION = 10
ACCOUNT_COMMENTS = 50


@login_required
@require_safe
def account(request):
    """A signed-in user's own page: the associations they represent, what each received
    and attended, and their comments.

    An approved membership shows the association's certificates (with their
    PDF) and the meetings it attended, latest first, a bounded number each.
    """
    certificates = Certificate.objects.public().order_by("-awarded_on", "-pk")
    attendance = AssociationAttendance.objects.public().order_by("-meeting__start_date", "-pk")
    memberships = list(
        Membership.objects.filter(user=request.user)
        .select_related("association__commune")
        .prefetch_related(
            Prefetch(
                "association__certificates",
                queryset=certificates[:ACCOUNT_RECORDS_PER_ASSOCIATION],
                to_attr="latest_certificates",
            ),
            Prefetch(
                "association__attendance",
                queryset=attendance[:ACCOUNT_RECORDS_PER_ASSOCIATION],
                to_attr="latest_attendance",
            ),
        )
        .order_by("association__name", "pk")
    )
    comments = (
        Comment.objects.filter(author=request.user)
        .with_page()
        .select_related("project", "association")
        .order_by("-created_at")[:ACCOUNT_COMMENTS]
    )
    return render(
        request,
        "memberships/mine.html",
        {
            "memberships": memberships,
            "approved": Membership.Status.APPROVED,
            "comments": comments,
        },
    )
