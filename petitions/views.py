"""Public pages of petitions: the list, a petition's page, filing one, signing it.

The POST endpoints answer with a redirect and a message when the action
succeeded, and a page saying why when it did not (403 no right, 400 bad
input, 409 already signed, 429 too many signatures), in the visitor's
language; anonymous visitors are sent to sign in first.
"""

from functools import wraps

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.views import redirect_to_login
from django.db.models import Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from meetings.models import Meeting
from portal import scope
from portal.lookups import COMMUNES
from portal.models import Commune
from portal.pagecache import anonymous_page
from portal.paging import paginate
from projects.models import Project
from recommendations.models import Recommendation

from . import services
from .filters import PetitionFilter
from .forms import PetitionForm, SignatureForm
from .models import Petition, PetitionSettings, PetitionSignature

#: Signatories per page of the agent's list.
SIGNATORIES_PER_PAGE = 50


def petition_queryset():
    return Petition.objects.select_related("commune", "association").prefetch_related(
        "events",
        "documents",
        Prefetch("related_meetings", queryset=Meeting.objects.public(), to_attr="public_meetings"),
        Prefetch(
            "related_recommendations",
            queryset=Recommendation.objects.public(),
            to_attr="public_recommendations",
        ),
        Prefetch("related_projects", queryset=Project.objects.public(), to_attr="public_projects"),
        Prefetch("answered_by", queryset=Recommendation.objects.public(), to_attr="public_answers"),
    )


def get_visible_petition(request, pk: int) -> Petition:
    """A public petition, or the agent's own draft; 404 for anyone else."""
    petition = get_object_or_404(petition_queryset(), pk=pk)
    if petition.status == Petition.Status.DRAFT and not is_agent(request.user, petition):
        raise Http404
    return petition


def is_agent(user, petition: Petition) -> bool:
    return user.is_authenticated and petition.agent_id == user.pk


def sees_signatories(user, petition: Petition) -> bool:
    """The agent, and staff who work for the petition's commune; nobody else."""
    if is_agent(user, petition):
        return True
    return bool(user.is_authenticated and user.is_staff and scope.covers(user, petition.commune_id))


def refuse(request, message: str, status: int = 403, petition: Petition | None = None):
    return render(
        request,
        "petitions/refused.html",
        {"message": message, "petition": petition},
        status=status,
    )


@require_safe
@anonymous_page("petitions", "communes")
def petition_list(request):
    filterset = PetitionFilter(request.GET or None, queryset=Petition.objects.listed())
    return render(
        request,
        "petitions/list.html",
        {"filter": filterset, "page_obj": paginate(request, filterset.qs)},
    )


@require_safe
@anonymous_page("petitions", "communes", "meetings", "recommendations", "projects")
def petition_detail(request, pk):
    petition = get_visible_petition(request, pk)
    user = request.user
    signed = bool(
        user.is_authenticated
        and petition.is_by_citizens
        and PetitionSignature.objects.filter(petition=petition, user=user).exists()
    )
    return render(
        request,
        "petitions/detail.html",
        {
            "petition": petition,
            "signed": signed,
            "is_agent": is_agent(user, petition),
            "sees_signatories": sees_signatories(user, petition),
            "signing_refusal": (
                services.signing_refusal(petition, user)
                if user.is_authenticated and petition.is_open_for_signatures and not signed
                else ""
            ),
            "form": SignatureForm(),
        },
    )


def eligibility_context(user, commune: Commune | None) -> dict:
    """What the filer sees before filing: each association's conditions, the signatures."""
    associations = list(services.representable_associations(user).select_related("commune"))
    rows = []
    for association in associations:
        target = commune or association.commune
        rules = PetitionSettings.for_commune(target)
        rows.append(
            {
                "association": association,
                "commune": target,
                "checks": services.association_checks(association, target, rules),
            }
        )
    return {
        "association_rows": rows,
        "rules": PetitionSettings.for_commune(commune) if commune else None,
        "chosen_commune": commune,
    }


@login_required
@require_http_methods(["GET", "POST"])
def petition_new(request):
    user = request.user
    associations = services.representable_associations(user)
    commune = COMMUNES.by_code(request.GET.get("commune", "")) if request.method == "GET" else None
    initial = {"commune": commune.slug if commune else ""}
    form = PetitionForm(
        request.POST or None, request.FILES or None, associations=associations, initial=initial
    )
    if request.method == "POST":
        if not services.has_verified_email(user):
            return refuse(request, _("Confirm your e-mail address before filing a petition."))
        if form.is_valid():
            data = form.cleaned_data
            try:
                petition = services.create_petition(
                    user=user,
                    commune=data["commune"],
                    filer_kind=data["filer_kind"],
                    association=data.get("association"),
                    agent_name=data["agent_name"],
                    texts=form.texts(),
                    documents=form.documents(),
                )
            except services.Refused as refusal:
                if refusal.status == 403:
                    return refuse(request, refusal.message)
                form.add_error(None, refusal.message)
            else:
                if petition.status == Petition.Status.FILED:
                    messages.success(
                        request,
                        _(
                            "Your petition is filed with receipt no. %(number)s; the receipt "
                            "is on its way to your e-mail."
                        )
                        % {"number": petition.receipt_number},
                    )
                else:
                    messages.success(
                        request,
                        _(
                            "Your petition is open for signatures. File it once it has "
                            "%(count)d signatures."
                        )
                        % {"count": petition.required_signatures},
                    )
                return redirect(petition)
        elif form.refused_association():
            return refuse(request, form.errors["association"][0])
        commune = form.fields["commune"].resolved
    context = {"form": form, **eligibility_context(user, commune)}
    return render(request, "petitions/new.html", context, status=400 if form.errors else 200)


def petition_endpoint(view):
    """POST only, on a visible petition; anonymous visitors go and sign in first."""

    @require_POST
    @wraps(view)
    def wrapper(request, pk, *args, **kwargs):
        petition = get_visible_petition(request, pk)
        if not request.user.is_authenticated:
            return redirect_to_login(petition.get_absolute_url())
        return view(request, petition, *args, **kwargs)

    return wrapper


def _allowance_refusal(request, petition):
    if services.consume_signing_allowance(request.user):
        return None
    limit, period = settings.PETITION_SIGNING_RATE_LIMIT
    message = _(
        "You have signed or withdrawn the most petitions allowed for now (%(limit)d in "
        "%(minutes)d minutes). Please wait a few minutes."
    ) % {"limit": limit, "minutes": period // 60}
    return refuse(request, message, status=429, petition=petition)


@petition_endpoint
def sign(request, petition):
    refusal = services.signing_refusal(petition, request.user)
    if refusal:
        return refuse(request, refusal, petition=petition)
    form = SignatureForm(request.POST)
    if not form.is_valid():
        return render(
            request,
            "petitions/detail.html",
            {"petition": petition, "form": form, "signed": False},
            status=400,
        )
    if (limited := _allowance_refusal(request, petition)) is not None:
        return limited
    try:
        services.sign(
            petition,
            request.user,
            full_name=form.cleaned_data["full_name"],
            tie=form.cleaned_data["tie"],
        )
    except services.Refused as refused:
        return refuse(request, refused.message, status=refused.status, petition=petition)
    messages.success(request, _("Thank you: your signature is counted."))
    return redirect(f"{petition.get_absolute_url()}#signing")


@petition_endpoint
def withdraw(request, petition):
    if (limited := _allowance_refusal(request, petition)) is not None:
        return limited
    try:
        services.withdraw(petition, request.user)
    except services.Refused as refused:
        return refuse(request, refused.message, status=refused.status, petition=petition)
    messages.success(request, _("Your signature is withdrawn."))
    return redirect(f"{petition.get_absolute_url()}#signing")


@petition_endpoint
def file(request, petition):
    try:
        services.file_citizens_petition(petition, request.user)
    except services.Refused as refused:
        return refuse(request, refused.message, status=refused.status, petition=petition)
    petition.refresh_from_db()
    messages.success(
        request,
        _("Your petition is filed with receipt no. %(number)s; the receipt is on its way.")
        % {"number": petition.receipt_number},
    )
    return redirect(petition)


@login_required
@require_safe
def signatories(request, pk):
    """The list of signatories: for the agent and the commune's staff only."""
    petition = get_visible_petition(request, pk)
    if not sees_signatories(request.user, petition):
        return refuse(
            request, _("Only the petition's agent sees who signed it."), petition=petition
        )
    page = paginate(
        request,
        petition.signatures.only("full_name", "tie", "created_at", "petition_id").order_by(
            "created_at", "pk"
        ),
        per_page=SIGNATORIES_PER_PAGE,
    )
    return render(request, "petitions/signatories.html", {"petition": petition, "page_obj": page})
