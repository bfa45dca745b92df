"""A signed-in user's own page, and their requests to represent associations."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from projects.models import Comment

from . import services
from .membership_forms import MembershipRequestForm
from .models import Association, Membership


def get_public_association(slug: str) -> Association:
    return get_object_or_404(Association.objects.published(), slug=slug)


@login_required
@require_http_methods(["GET", "POST"])
def request_membership(request, slug):
    association = get_public_association(slug)
    existing = Membership.objects.filter(user=request.user, association=association).first()
    form = MembershipRequestForm(request.POST or None)
    if request.method == "POST" and existing is None and form.is_valid():
        try:
            services.request_membership(
                request.user,
                association,
                role=form.cleaned_data["role"],
                message=form.cleaned_data["message"],
                language=get_language(),
            )
        except services.AlreadyRequested as refused:
            existing = refused.membership
        else:
            messages.success(
                request,
                _(
                    "Your request to represent %(association)s was sent. "
                    "You will get an e-mail when the council staff have decided."
                )
                % {"association": association.name},
            )
            return redirect("memberships:mine")
    refusal = None
    if existing is not None:
        refusal = already_requested_message(existing)
    return render(
        request,
        "memberships/request.html",
        {"association": association, "form": form, "existing": existing, "refusal": refusal},
        status=409 if refusal and request.method == "POST" else 200,
    )


def already_requested_message(membership: Membership) -> str:
    name = membership.association.name
    if membership.status == Membership.Status.APPROVED:
        return _("You already represent %(association)s.") % {"association": name}
    if membership.status == Membership.Status.REJECTED:
        return _(
            "The council staff declined your request for %(association)s. "
            "Contact the council if you think this is a mistake."
        ) % {"association": name}
    return _(
        "You have already asked to represent %(association)s; the council staff "
        "have not decided yet."
    ) % {"association": name}


@login_required
def mine(request):
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
