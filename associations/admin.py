"""Back office for associations and the accounts that represent them."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from portal.admin import KeepLinkedRecordsMixin, in_use_filter, translated

from .membership_admin import MembershipDecisionMixin
from .models import Association, FieldOfActivity, Membership


@admin.register(FieldOfActivity)
class FieldOfActivityAdmin(TranslationAdmin):
    list_display = ("name", "slug")
    list_filter = (in_use_filter("associations"),)
    search_fields = (*translated("name"), "slug")
    prepopulated_fields = {"slug": ("name_fr",)}
    fields = ("name", "slug")


@admin.register(Association)
class AssociationAdmin(KeepLinkedRecordsMixin, TranslationAdmin):
    list_display = (
        "name",
        "acronym",
        "commune",
        "receipt_kind",
        "public_utility",
        "verified",
        "published",
        "illustrative",
    )
    list_filter = (
        "verified",
        "published",
        "public_utility",
        "receipt_kind",
        "illustrative",
        "commune",
        "fields_of_activity",
    )
    list_select_related = ("commune",)
    search_fields = (*translated("name"), "acronym", "receipt_number", "email")
    date_hierarchy = "created_at"
    autocomplete_fields = ("commune",)
    filter_horizontal = ("fields_of_activity",)
    prepopulated_fields = {"slug": ("name_fr",)}
    readonly_fields = ("created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("name", "slug", "acronym", "commune", "fields_of_activity")}),
        (
            _("Legal status"),
            {
                "fields": (
                    "founded_on",
                    "receipt_kind",
                    "receipt_number",
                    "receipt_date",
                    "public_utility",
                )
            },
        ),
        (_("Contact"), {"fields": ("address", "phone", "email", "website", "logo")}),
        (_("Presentation"), {"fields": ("description",)}),
        (
            _("Publication"),
            {"fields": ("verified", "published", "illustrative", "created_at", "updated_at")},
        ),
    )
    keep_linked = ("recommendations",)


@admin.register(Membership)
class MembershipAdmin(MembershipDecisionMixin, admin.ModelAdmin):
    """Decisions (form or bulk actions) go through the service, which e-mails the member."""

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
