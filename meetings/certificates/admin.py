"""Certificates in the back office: their own list, the inline of the meeting page,
and the bulk actions (award to every attending association, revoke)."""

from django.contrib import admin, messages
from django.db import transaction
from django.forms.models import BaseInlineFormSet
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from meetings.models import Certificate
from portal.admin import COMPACT_TEXT, TitledBy, act_on_each, commune_drilldown, translated
from portal.paging import CachedCountPaginator

from . import services

REVOKED = ngettext_lazy(
    "%(count)d certificate revoked.", "%(count)d certificates revoked.", "count"
)


@admin.action(
    description=_("Award a certificate to every attending association"),
    permissions=["add"],
)
def award_to_attending_associations(modeladmin, request, queryset):
    """One certificate per association that attended each selected meeting.

    Running it twice awards nothing new: associations that already hold a
    certificate from the meeting that has not been revoked are skipped.
    """
    awarded = skipped = 0
    with transaction.atomic():
        for meeting in queryset.select_related("commune"):
            new, already = services.award_to_attending_associations(meeting)
            awarded += len(new)
            skipped += already
    message = ngettext(
        "%(count)d certificate awarded.", "%(count)d certificates awarded.", awarded
    ) % {"count": awarded}
    if skipped:
        message += " " + ngettext(
            "%(count)d association already held one and was skipped.",
            "%(count)d associations already held one and were skipped.",
            skipped,
        ) % {"count": skipped}
    modeladmin.message_user(request, message, messages.SUCCESS if awarded else messages.INFO)


@admin.action(
    description=_("Revoke the selected certificates"),
    permissions=["change"],
)
def revoke_certificates(modeladmin, request, queryset):
    """Revoke every selected certificate that is still valid, as of today."""
    act_on_each(modeladmin, request, queryset.filter(revoked=False), Certificate.revoke, REVOKED)


class CertificateFormSet(BaseInlineFormSet):
    """The certificates of the meeting page; each saved one gets its serial number."""

    def save(self, commit=True):
        saved = super().save(commit=commit)
        for certificate in [*self.new_objects, *(obj for obj, _fields in self.changed_objects)]:
            services.assign_serial(certificate)
        return saved


class CertificateInline(TitledBy, TranslationStackedInline):
    model = Certificate
    formfield_overrides = COMPACT_TEXT
    titled_by = ("recipient_association", "recipient_person")
    formset = CertificateFormSet
    fields = (
        "recipient_association",
        "recipient_person",
        "recipient_name",
        "citation",
        "signatory",
        "awarded_on",
        "illustrative",
        "code",
        "serial",
    )
    readonly_fields = ("code", "serial")
    autocomplete_fields = ("recipient_association", "recipient_person", "signatory")
    extra = 0

    @admin.display(description=_("serial number"))
    def serial(self, obj):
        return obj.serial


@admin.register(Certificate)
class CertificateAdmin(TranslationAdmin):
    # Its count is cached until the records change (portal.paging).
    paginator = CachedCountPaginator
    list_display = (
        "code",
        "serial_display",
        "recipient_display",
        "meeting",
        "awarded_on",
        "revoked",
        "illustrative",
    )
    list_filter = ("revoked", "illustrative", commune_drilldown())
    list_select_related = ("meeting", "recipient_association", "recipient_person")
    search_fields = (
        "code",
        "recipient_name",
        *translated("recipient_association__name"),
        *translated("recipient_person__full_name"),
        *translated("meeting__title"),
    )
    date_hierarchy = "awarded_on"
    autocomplete_fields = ("meeting", "recipient_association", "recipient_person", "signatory")
    readonly_fields = ("code", "serial_display", "commune", "created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("meeting", "awarded_on", "signatory", "citation")}),
        (
            _("Recipient: exactly one of"),
            {"fields": ("recipient_association", "recipient_person", "recipient_name")},
        ),
        (_("Verification"), {"fields": ("code", "serial_display", "commune", "illustrative")}),
        (_("Revocation"), {"fields": ("revoked", "revoked_on", "revocation_reason")}),
        (None, {"fields": ("created_at", "updated_at")}),
    )
    actions = (revoke_certificates,)

    @admin.display(description=_("serial number"), ordering="serial_number")
    def serial_display(self, obj):
        return obj.serial

    @admin.display(description=_("recipient"))
    def recipient_display(self, obj):
        return obj.recipient

    def get_readonly_fields(self, request, obj=None):
        # The meeting decides the commune, and so the serial number: fixed once awarded.
        if obj is None:
            return self.readonly_fields
        return ("meeting", *self.readonly_fields)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.assign_serial(obj)
