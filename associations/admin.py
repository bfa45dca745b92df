"""Back office for associations and their fields of activity (memberships: see memberships/)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from portal import history
from portal.admin import (
    CommuneScopedAdmin,
    KeepLinkedRecordsMixin,
    commune_drilldown,
    in_use_filter,
    translated,
)
from portal.history import HistoryAdmin
from portal.paging import CachedCountPaginator

from .memberships import admin as memberships_admin  # noqa: F401 (registers its own admin)
from .models import Association, FieldOfActivity

history.register(Association)


@admin.register(FieldOfActivity)
class FieldOfActivityAdmin(CommuneScopedAdmin, TranslationAdmin):
    commune_path = None  # one list for every commune
    list_display = ("name", "slug")
    list_filter = (in_use_filter("associations"),)
    search_fields = (*translated("name"), "slug")
    prepopulated_fields = {"slug": ("name_fr",)}
    fields = ("name", "slug")


@admin.register(Association)
class AssociationAdmin(CommuneScopedAdmin, KeepLinkedRecordsMixin, HistoryAdmin, TranslationAdmin):
    commune_path = "commune"
    # Its count is cached until the records change (portal.paging).
    paginator = CachedCountPaginator
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
        commune_drilldown(),
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
        (
            None,
            {"fields": ("name", "slug", "acronym", "aliases", "commune", "fields_of_activity")},
        ),
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
