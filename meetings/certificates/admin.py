"""Certificates in the back office: their own list, the inline of the meeting page,
and the bulk actions (award to every attending association, revoke)."""

from django.contrib import admin, messages
from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.forms.models import BaseInlineFormSet
from django.http import HttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext, ngettext_lazy
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from meetings.models import Certificate, Meeting
from portal import history
from portal.admin import (
    COMPACT_TEXT,
    CommuneScopedAdmin,
    ScopedInlineMixin,
    TitledBy,
    act_on_each,
    commune_drilldown,
    translated,
)
from portal.history import HistoryAdmin
from portal.paging import CachedCountPaginator

from . import services
from .pdf import PDF_STYLESHEET, logo_data_uri, render_pdf
from .views import certificate_context

history.register(Certificate)

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


class CertificateInline(TitledBy, ScopedInlineMixin, TranslationStackedInline):
    model = Certificate
    classes = ("collapse",)
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
class CertificateAdmin(CommuneScopedAdmin, HistoryAdmin, TranslationAdmin):
    # The certificate's own commune is copied from its meeting when it is
    # saved: a new one is placed by its meeting.
    commune_path = "meeting__commune"
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
        "pdf_link",
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
    readonly_fields = ("code", "serial_display", "commune", "pdf_link", "created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("meeting", "awarded_on", "signatory", "citation")}),
        (
            _("Recipient: exactly one of"),
            {"fields": ("recipient_association", "recipient_person", "recipient_name")},
        ),
        (
            _("Verification"),
            {"fields": ("code", "serial_display", "commune", "pdf_link", "illustrative")},
        ),
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

    @admin.display(description=_("PDF"))
    def pdf_link(self, obj):
        if obj.pk is None:
            return "—"
        url = reverse("admin:meetings_certificate_pdf", args=[obj.pk])
        return format_html('<a href="{}">{}</a>', url, _("PDF"))

    # --- PDFs from the back office (no look-up allowance: staff, their communes) ---

    def get_urls(self):
        view = self.admin_site.admin_view
        return [
            path(
                "of-meeting/<int:meeting_id>/pdf/",
                view(self.meeting_pdf_view),
                name="meetings_certificate_meeting_pdf",
            ),
            path("<path:object_id>/pdf/", view(self.pdf_view), name="meetings_certificate_pdf"),
            *super().get_urls(),
        ]

    def pdf_view(self, request, object_id):
        """One certificate as a PDF, as the public one but without counting look-ups."""
        certificate = self.get_object(request, unquote(object_id))
        if not self.has_view_or_change_permission(request, certificate):
            raise PermissionDenied
        context = certificate_context(certificate)
        context.update(logo=logo_data_uri(certificate.commune), stylesheet=PDF_STYLESHEET)
        return pdf_response(render_pdf(context, request), f"certificate-{certificate.code}.pdf")

    def meeting_pdf_view(self, request, meeting_id):
        """Every valid certificate of a meeting in one PDF, a page each, by serial number."""
        meeting = self.admin_site.get_model_admin(Meeting).get_object(request, str(meeting_id))
        if not self.has_view_or_change_permission(request):
            raise PermissionDenied
        certificates = list(
            meeting.certificates.valid()
            .select_related("commune", "recipient_association", "recipient_person", "signatory")
            .order_by("serial_year", "serial_number", "pk")
        )
        if not certificates:
            self.message_user(request, _("This meeting has no valid certificate."), messages.INFO)
            return redirect("admin:meetings_meeting_change", meeting.pk)
        context = {
            "meeting": meeting,
            "sheets": [certificate_context(certificate) for certificate in certificates],
            "logo": logo_data_uri(meeting.commune),
            "stylesheet": PDF_STYLESHEET,
        }
        pdf = render_pdf(context, request, template="certificates/certificates_pdf.html")
        return pdf_response(pdf, f"certificates-{meeting.slug}.pdf")

    def get_readonly_fields(self, request, obj=None):
        # The meeting decides the commune, and so the serial number: fixed once awarded.
        if obj is None:
            return self.readonly_fields
        return ("meeting", *self.readonly_fields)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        services.assign_serial(obj)


def pdf_response(pdf: bytes, filename: str) -> HttpResponse:
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    # Staff only: never kept by a shared cache.
    response["Cache-Control"] = "private, no-store"
    return response
