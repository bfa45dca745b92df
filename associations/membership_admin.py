"""Admin pieces for deciding membership requests; the admin module wires them in.

Every decision goes through `associations.services`, so the member always
gets the e-mail, whether staff decide one by one or in bulk.
"""

from django.contrib import admin, messages
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from . import services
from .models import Membership


def _decide_selected(modeladmin, request, queryset, status: str) -> None:
    changed = services.decide_many(queryset, status, by=request.user)
    if status == Membership.Status.APPROVED:
        text = ngettext(
            "%(count)d membership approved; the member was told by e-mail.",
            "%(count)d memberships approved; the members were told by e-mail.",
            changed,
        )
    else:
        text = ngettext(
            "%(count)d membership rejected; the member was told by e-mail.",
            "%(count)d memberships rejected; the members were told by e-mail.",
            changed,
        )
    modeladmin.message_user(request, text % {"count": changed}, messages.SUCCESS)


@admin.action(description=_("Approve the selected memberships"), permissions=["change"])
def approve_selected(modeladmin, request, queryset):
    _decide_selected(modeladmin, request, queryset, Membership.Status.APPROVED)


@admin.action(description=_("Reject the selected memberships"), permissions=["change"])
def reject_selected(modeladmin, request, queryset):
    _decide_selected(modeladmin, request, queryset, Membership.Status.REJECTED)


class MembershipDecisionMixin:
    """For MembershipAdmin: a status changed in the change form is a decision.

    The decision (who, when) is recorded and the member e-mailed, exactly as
    with the bulk actions.
    """

    actions = [approve_selected, reject_selected]
    readonly_fields = ("language", "decided_at", "decided_by")

    def save_model(self, request, obj, form, change):
        if change and "status" in form.changed_data:
            new_status = obj.status
            obj.status = form.initial["status"]
            super().save_model(request, obj, form, change)
            services.decide(obj, new_status, by=request.user)
        else:
            super().save_model(request, obj, form, change)
