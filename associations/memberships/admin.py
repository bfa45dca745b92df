"""Staff decide membership requests: one by one on the change form or in bulk.

Every decision goes through ``services.decide``, so the member always gets
the e-mail, whichever way staff decide.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from associations.models import Membership
from portal.admin import CommuneScopedAdmin, act_on_each, translated

from . import services

APPROVED = ngettext_lazy(
    "%(count)d membership approved; the member was told by e-mail.",
    "%(count)d memberships approved; the members were told by e-mail.",
    "count",
)
REJECTED = ngettext_lazy(
    "%(count)d membership rejected; the member was told by e-mail.",
    "%(count)d memberships rejected; the members were told by e-mail.",
    "count",
)


def _decide_selected(modeladmin, request, queryset, status: str, done) -> None:
    act_on_each(
        modeladmin,
        request,
        queryset.select_related("user", "association"),
        lambda membership: services.decide(membership, status, by=request.user),
        done,
    )


@admin.action(description=_("Approve the selected memberships"), permissions=["change"])
def approve_selected(modeladmin, request, queryset):
    _decide_selected(modeladmin, request, queryset, Membership.Status.APPROVED, APPROVED)


@admin.action(description=_("Reject the selected memberships"), permissions=["change"])
def reject_selected(modeladmin, request, queryset):
    _decide_selected(modeladmin, request, queryset, Membership.Status.REJECTED, REJECTED)


@admin.register(Membership)
class MembershipAdmin(CommuneScopedAdmin):
    """Decisions (form or bulk actions) go through the service, which e-mails the member.

    Staff decide the requests to represent their communes' associations.
    """

    commune_path = "association__commune"

    actions = [approve_selected, reject_selected]
    list_display = ("user", "association", "role", "status", "created_at", "decided_at")
    list_filter = ("status", "role")
    list_select_related = ("user", "association")
    search_fields = ("user__email", "user__username", *translated("association__name"))
    date_hierarchy = "created_at"
    # Staff cannot browse user accounts, so the account is typed by its number
    # when a membership is recorded by hand; afterwards it is fixed.
    raw_id_fields = ("user",)
    autocomplete_fields = ("association",)
    readonly_fields = ("language", "decided_at", "decided_by", "created_at")
    fields = ("user", "association", "role", "message", "status", *readonly_fields)

    def get_readonly_fields(self, request, obj=None):
        if obj is None:
            return self.readonly_fields
        return ("user", "association", *self.readonly_fields)

    def save_model(self, request, obj, form, change):
        # A status changed in the change form is a decision: recorded (who,
        # when) and e-mailed, exactly as with the bulk actions.
        if change and "status" in form.changed_data:
            new_status = obj.status
            obj.status = form.initial["status"]
            super().save_model(request, obj, form, change)
            services.decide(obj, new_status, by=request.user)
        else:
            super().save_model(request, obj, form, change)
