"""A signed-in user asks to represent an association."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from associations.models import Association, Membership

from . import services
from .forms import MembershipRequestForm


@login_required
@require_http_methods(["GET", "POST"])
def request_membership(request, slug):
    association = get_object_or_404(Association.objects.published(), slug=slug)
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
