"""Back office for petitions: the bureau's steps with the admissibility checklist, the rules
of each commune, the documents, the timeline and (for staff only) the signatures.

Staff never type a status: each step of the procedure is taken on the
petition's "procedure" page, which offers only the steps that start where
the petition stands and refuses a decision without the text the law asks for.
"""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dates import MONTHS
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext

from portal import history
from portal.admin import CommuneScopedAdmin, ScopedInlineMixin, commune_drilldown
from portal.history import HistoryAdmin

from . import services
from .models import (
    Petition,
    PetitionDocument,
    PetitionEvent,
    PetitionSettings,
    PetitionSignature,
    TransitionError,
)

history.register(PetitionDocument)
history.register(Petition, follow=("documents",))
history.register(PetitionSettings)


@admin.register(PetitionSettings)
class PetitionSettingsAdmin(CommuneScopedAdmin):
    commune_path = "commune"
    list_display = (
        "commune",
        "population",
        "has_arrondissements",
        "signatures_needed",
        "session_months",
        "answer_months",
        "association_minimum_years",
    )
    list_select_related = ("commune",)
    list_filter = ("has_arrondissements", commune_drilldown("commune"))
    search_fields = ("commune__name_ar", "commune__name_fr", "commune__name_en")
    autocomplete_fields = ("commune",)

    @admin.display(description=_("signatures required"))
    def signatures_needed(self, obj):
        return obj.required_signatures


class PetitionDocumentInline(ScopedInlineMixin, admin.TabularInline):
    model = PetitionDocument
    fields = ("title", "file")
    extra = 0


class PetitionEventInline(ScopedInlineMixin, admin.TabularInline):
    """The timeline, read only: steps are taken on the procedure page."""

    model = PetitionEvent
    fields = ("date", "status", "text", "by", "created_at")
    readonly_fields = fields
    extra = 0
    can_delete = False
    ordering = ("date", "pk")

    def has_add_permission(self, request, obj=None):
        return False

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("by")


class StepForm(forms.Form):
    """One step of the procedure, with what the law asks for it."""

    step = forms.ChoiceField(label=_("Step"))
    date = forms.DateField(label=_("Date"), widget=forms.DateInput(attrs={"type": "date"}))
    text = forms.CharField(
        label=_("Reasons, decision or outcome"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5, "cols": 80}),
        help_text=_(
            "Required to declare a petition inadmissible (a reasoned decision) and to record "
            "the outcome of the council's discussion."
        ),
    )
    session = forms.DateField(
        label=_("Ordinary session (first day of its month)"),
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    committee = forms.CharField(label=_("Standing committee"), required=False, max_length=255)

    def __init__(self, *args, steps, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["step"].choices = steps


#: The steps of the procedure, by the status they start from.
STEPS = {
    Petition.Status.DRAFT: (("file", _("File it (paper petition received)")),),
    Petition.Status.COLLECTING: (("file", _("File it (signatures complete)")),),
    Petition.Status.FILED: (
        ("start_review", _("Take it under review (bureau)")),
        ("admissible", _("Declare it admissible")),
        ("inadmissible", _("Declare it inadmissible, with reasons")),
    ),
    Petition.Status.UNDER_REVIEW: (
        ("admissible", _("Declare it admissible")),
        ("inadmissible", _("Declare it inadmissible, with reasons")),
    ),
    Petition.Status.ADMISSIBLE: (
        ("schedule", _("Put it on the agenda of a session and send it to a committee")),
    ),
    Petition.Status.SCHEDULED: (("discussed", _("Record the council's discussion")),),
    Petition.Status.DISCUSSED: (("close", _("Close it")),),
    Petition.Status.INADMISSIBLE: (("close", _("Close it")),),
}


#: The procedure's own fields: read only, each set by a step of the procedure page.
PROCEDURE_FIELDS = (
    "procedure",
    "status",
    "receipt",
    "filed_on",
    "due_on",
    "decided_on",
    "decision_reasons",
    "session",
    "committee",
    "discussed_on",
    "outcome",
    "closed_on",
    "signature_count",
    "reminder_sent_at",
)


@admin.register(Petition)
class PetitionAdmin(CommuneScopedAdmin, HistoryAdmin):
    commune_path = "commune"
    list_display = (
        "title",
        "commune",
        "filer_kind",
        "status",
        "receipt",
        "filed_on",
        "due_on",
        "overdue",
        "signature_count",
    )
    list_filter = ("status", "filer_kind", "illustrative", commune_drilldown("commune"))
    list_select_related = ("commune",)
    search_fields = ("title", "agent_name", "association__name_ar", "association__name_fr")
    date_hierarchy = "filed_on"
    autocomplete_fields = (
        "commune",
        "association",
        "related_meetings",
        "related_recommendations",
        "related_projects",
        "answered_by",
    )
    readonly_fields = (*PROCEDURE_FIELDS, "created_at", "updated_at")
    fieldsets = (
        (
            None,
            {
                "fields": (
                    "commune",
                    "title",
                    "reasons",
                    "objectives",
                    "action_requested",
                    "filer_kind",
                    "association",
                    "agent_name",
                    "required_signatures",
                )
            },
        ),
        (
            _("Procedure"),
            {
                "fields": PROCEDURE_FIELDS,
            },
        ),
        (
            _("Related"),
            {
                "fields": (
                    "related_meetings",
                    "related_recommendations",
                    "related_projects",
                    "answered_by",
                )
            },
        ),
        (_("Publication"), {"fields": ("illustrative", "created_at", "updated_at")}),
    )
    inlines = (PetitionDocumentInline, PetitionEventInline)

    @admin.display(description=_("receipt"))
    def receipt(self, obj):
        return obj.receipt_number

    @admin.display(boolean=True, description=_("overdue"))
    def overdue(self, obj):
        return obj.is_overdue

    @admin.display(description=_("next step"))
    def procedure(self, obj):
        if obj.pk is None or obj.status not in STEPS:
            return "—"
        url = reverse("admin:petitions_petition_procedure", args=[obj.pk])
        return format_html('<a class="button" href="{}">{}</a>', url, _("Take the next step"))

    def save_model(self, request, obj, form, change):
        if not change:
            obj.agent_name = obj.agent_name or request.user.get_full_name() or str(request.user)
            if obj.filer_kind == Petition.FilerKind.CITIZENS and not obj.required_signatures:
                rules = PetitionSettings.for_commune(obj.commune)
                obj.required_signatures = rules.required_signatures
        super().save_model(request, obj, form, change)
        if not change:
            PetitionEvent.objects.create(
                petition=obj, status=obj.status, date=timezone.localdate(), by=request.user
            )

    def get_urls(self):
        return [
            path(
                "<path:object_id>/procedure/",
                self.admin_site.admin_view(self.procedure_view),
                name="petitions_petition_procedure",
            ),
            *super().get_urls(),
        ]

    def procedure_view(self, request, object_id):
        petition = self.get_object(request, object_id)  # 404 outside the user's communes
        if not self.has_change_permission(request, petition):
            raise PermissionDenied
        rules = PetitionSettings.for_commune(petition.commune)
        steps = STEPS.get(petition.status, ())
        initial = {
            "date": timezone.localdate(),
            "session": petition.session or petition.next_session(rules),
            "committee": petition.committee,
        }
        form = StepForm(request.POST or None, steps=steps, initial=initial)
        if request.method == "POST" and form.is_valid():
            data = form.cleaned_data
            try:
                if data["step"] == "file":
                    services.file_petition(petition, request.user, data["date"])
                else:
                    services.apply_step(
                        petition,
                        data["step"],
                        request.user,
                        data["date"],
                        text=data["text"],
                        session=data["session"],
                        committee=data["committee"],
                    )
            except TransitionError as error:
                form.add_error(None, error.messages[0])
            except services.Refused as refusal:
                form.add_error(None, refusal.message)
            else:
                self.message_user(request, _("The step is recorded."), messages.SUCCESS)
                return redirect(reverse("admin:petitions_petition_change", args=[petition.pk]))
        checks = (
            services.association_checks(petition.association, petition.commune, rules)
            if petition.association
            else [
                services.Check(
                    _("%(count)d signatures of the %(required)d required")
                    % {
                        "count": petition.signature_count,
                        "required": petition.required_signatures,
                    },
                    petition.has_enough_signatures,
                ),
                services.Check(
                    _("Signatories declared they live or work in the commune"),
                    petition.signature_count > 0 or None,
                ),
            ]
        )
        checks += [
            services.Check(_("The subject is within the council's competences"), None),
            services.Check(
                _("It names its subject, reasons, objectives and the action requested"),
                all(
                    (
                        petition.title,
                        petition.reasons,
                        petition.objectives,
                        petition.action_requested,
                    )
                ),
            ),
        ]
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "petition": petition,
            "form": form,
            "checks": checks,
            "rules": rules,
            # "February، May، October": the months' names, with the language's comma.
            "session_months": pgettext("list separator", ", ").join(
                str(MONTHS[month]) for month in rules.months
            ),
            "title": _("Procedure: %(petition)s") % {"petition": petition},
            "events": petition.events.select_related("by"),
        }
        return TemplateResponse(request, "admin/petitions/procedure.html", context)


@admin.register(PetitionEvent)
class PetitionEventAdmin(CommuneScopedAdmin):
    """The steps of every petition, read only (they are taken on the procedure page)."""

    commune_path = "petition__commune"
    list_display = ("petition", "date", "status", "by")
    list_filter = ("status",)
    list_select_related = ("petition", "by")
    search_fields = ("petition__title", "text")
    date_hierarchy = "date"
    fields = ("petition", "date", "status", "text", "by", "created_at")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        # A signature is withdrawn by its signatory, which keeps the stored count right.
        return False


@admin.register(PetitionDocument)
class PetitionDocumentAdmin(CommuneScopedAdmin):
    commune_path = "petition__commune"
    list_display = ("title", "petition", "created_at")
    list_filter = (commune_drilldown("petition__commune"),)
    list_select_related = ("petition",)
    search_fields = ("title", "petition__title")
    date_hierarchy = "created_at"
    autocomplete_fields = ("petition",)
    fields = ("petition", "title", "file")


@admin.register(PetitionSignature)
class PetitionSignatureAdmin(CommuneScopedAdmin):
    """Signatures, for the bureau's check of a citizens' petition; added only online."""

    commune_path = "petition__commune"
    list_display = ("full_name", "petition", "tie", "created_at")
    list_filter = ("tie",)
    list_select_related = ("petition",)
    search_fields = ("full_name", "petition__title")
    date_hierarchy = "created_at"
    fields = ("petition", "full_name", "tie", "created_at")
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_delete_permission(self, request, obj=None):
        # A signature is withdrawn by its signatory, which keeps the stored count right.
        return False
