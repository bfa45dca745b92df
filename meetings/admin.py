"""Back office for meetings: staff record a whole meeting from its own page.

The meeting page holds, in the order things happen, its sessions, speeches,
presentations, workshops, attendance, the stops of its site visit,
certificates and recommendations, then photos. The recommendations come from
the app above this one: ``recommendations/admin.py`` registers this page again
with their inline added.
"""

import copy

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.options import ActionLocation
from django.contrib.admin.utils import unquote
from django.contrib.admin.widgets import AutocompleteSelectMultiple
from django.contrib.auth import get_permission_codename
from django.db.models import Count
from django.shortcuts import redirect
from django.utils import translation
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from associations.models import Association
from portal import history, languages
from portal.admin import (
    COMPACT_TEXT,
    CommuneScopedAdmin,
    OrderedFormSet,
    ScopedInlineMixin,
    TitledBy,
    commune_drilldown,
    translated,
)
from portal.history import HistoryAdmin
from portal.paging import CachedCountPaginator

from . import services
from .certificates.admin import CertificateInline, award_to_attending_associations
from .models import (
    AssociationAttendance,
    InstitutionAttendance,
    Meeting,
    MeetingPhoto,
    MeetingSeries,
    Presentation,
    Session,
    SiteVisit,
    SiteVisitStop,
    SiteVisitStopPhoto,
    Speech,
    Workshop,
)


def meeting_pk_from_request(request):
    """The pk of the meeting whose page is being shown or saved, None on the add page."""
    match = getattr(request, "resolver_match", None)
    object_id = match.kwargs.get("object_id") if match else None
    if object_id is None:
        return None
    try:
        return int(unquote(object_id))
    except ValueError:
        return None


class SameMeetingChoicesMixin:
    """Offer only the sessions and workshops of the meeting being edited.

    On the add page the meeting has none yet: they are linked on a second pass.
    """

    same_meeting_fields = ("session", "workshop")

    def formfield_for_foreignkey(self, db_field, request, **kwargs):
        if db_field.name in self.same_meeting_fields:
            kwargs["queryset"] = db_field.remote_field.model._default_manager.filter(
                meeting_id=meeting_pk_from_request(request)
            )
        return super().formfield_for_foreignkey(db_field, request, **kwargs)


# --- Inlines of the meeting page, in the order they appear -----------------


class SessionInline(ScopedInlineMixin, TranslationStackedInline):
    classes = ("collapse",)
    model = Session
    formset = OrderedFormSet
    formfield_overrides = COMPACT_TEXT
    fields = ("order", "title", "chair", "summary")
    autocomplete_fields = ("chair",)
    ordering = ("order",)
    extra = 0


class SpeechInline(TitledBy, SameMeetingChoicesMixin, ScopedInlineMixin, TranslationStackedInline):
    classes = ("collapse",)
    model = Speech
    formset = OrderedFormSet
    formfield_overrides = COMPACT_TEXT
    titled_by = ("speaker", "association")
    fields = (
        "order",
        "kind",
        "session",
        "speaker",
        "association",
        "title",
        "summary",
        "illustrative",
    )
    autocomplete_fields = ("speaker", "association")
    ordering = ("order", "pk")
    extra = 0


class PresentationInline(SameMeetingChoicesMixin, ScopedInlineMixin, TranslationStackedInline):
    classes = ("collapse",)
    model = Presentation
    formset = OrderedFormSet
    formfield_overrides = COMPACT_TEXT
    fields = (
        "order",
        "session",
        "title",
        "presenters",
        "institution",
        "summary",
        "slides",
        "related_projects",
    )
    autocomplete_fields = ("presenters", "institution", "related_projects")
    ordering = ("order", "pk")
    extra = 0


class WorkshopInline(ScopedInlineMixin, TranslationStackedInline):
    classes = ("collapse",)
    model = Workshop
    formset = OrderedFormSet
    formfield_overrides = COMPACT_TEXT
    fields = ("order", "theme", "facilitators", "outcomes")
    autocomplete_fields = ("facilitators",)
    ordering = ("order", "pk")
    extra = 0


class AssociationAttendanceInline(ScopedInlineMixin, admin.TabularInline):
    classes = ("collapse",)
    model = AssociationAttendance
    formfield_overrides = COMPACT_TEXT
    fields = ("association", "representatives", "illustrative")
    autocomplete_fields = ("association",)
    extra = 0


class InstitutionAttendanceInline(ScopedInlineMixin, admin.TabularInline):
    classes = ("collapse",)
    model = InstitutionAttendance
    formfield_overrides = COMPACT_TEXT
    fields = ("institution",)
    autocomplete_fields = ("institution",)
    extra = 0


class MeetingVisitStopFormSet(OrderedFormSet):
    """The stops of a meeting's site visit, edited from the meeting's page.

    The admin hands every inline formset the meeting; this one works on the
    meeting's (first) site visit instead, and creates that visit, titled after
    the meeting, on its date and in its commune, when the first stop is added.
    Further visits of the same meeting are edited on the site-visit page.
    """

    def __init__(self, data=None, files=None, instance=None, save_as_new=False, **kwargs):
        self.meeting = instance
        super().__init__(
            data, files, instance=self.visit_of(instance, save_as_new), save_as_new=False, **kwargs
        )

    @staticmethod
    def visit_of(meeting, save_as_new=False):
        if meeting is None:
            return None
        if meeting.pk is not None and not save_as_new:
            visit = meeting.site_visits.order_by("date", "pk").first()
            if visit is not None:
                return visit
        return SiteVisit(meeting=meeting)

    def save(self, commit=True):
        if self.instance.pk is None and self._adds_stops():
            self._create_visit()
        return super().save(commit=commit)

    def _adds_stops(self):
        return any(
            form.has_changed() and not self._should_delete_form(form) for form in self.extra_forms
        )

    def _create_visit(self):
        meeting, visit = self.meeting, self.instance
        visit.meeting = meeting
        visit.commune_id = meeting.commune_id
        visit.date = meeting.start_date
        for language in languages.codes():
            meeting_title = getattr(meeting, f"title_{language}", None)
            if meeting_title:
                with translation.override(language):
                    title = gettext("Site visit: %(meeting)s") % {"meeting": meeting_title}
                setattr(
                    visit,
                    f"title_{language}",
                    title[: SiteVisit._meta.get_field("title").max_length],
                )
        visit.save()


class SiteVisitStopInline(TitledBy, ScopedInlineMixin, TranslationTabularInline):
    model = SiteVisitStop
    formset = OrderedFormSet
    formfield_overrides = COMPACT_TEXT
    titled_by = ("project",)
    fields = ("order", "project", "notes")
    autocomplete_fields = ("project",)
    ordering = ("order",)
    show_change_link = True
    extra = 0


class MeetingSiteVisitStopInline(SiteVisitStopInline):
    """Stops (SiteVisitStop → SiteVisit → Meeting) shown on the meeting's page.

    Built as an inline of SiteVisit, so the admin's formset machinery finds
    the foreign key; MeetingVisitStopFormSet turns the meeting into its visit.
    """

    classes = ("collapse",)

    formset = MeetingVisitStopFormSet
    verbose_name = _("site-visit stop")
    verbose_name_plural = _("site visit: stops in order")

    def __init__(self, parent_model, admin_site):
        super().__init__(SiteVisit, admin_site)

    def has_add_permission(self, request, obj=None):
        # Adding the first stop creates the visit itself.
        visit_opts = SiteVisit._meta
        can_add_visit = request.user.has_perm(
            f"{visit_opts.app_label}.{get_permission_codename('add', visit_opts)}"
        )
        return super().has_add_permission(request, obj) and can_add_visit


class MeetingPhotoInline(ScopedInlineMixin, TranslationTabularInline):
    classes = ("collapse",)
    model = MeetingPhoto
    formset = OrderedFormSet
    formfield_overrides = COMPACT_TEXT
    fields = ("image", "caption", "order")
    ordering = ("order", "pk")
    extra = 0


# --- Meetings ---------------------------------------------------------------

#: The parts of a meeting kept in each version of it (see portal.history).
MEETING_PARTS = (
    "sessions",
    "speeches",
    "presentations",
    "workshops",
    "association_attendance",
    "institution_attendance",
    "site_visits",
    "certificates",
    "photos",
)
for _part in (
    Session,
    Speech,
    Presentation,
    Workshop,
    AssociationAttendance,
    InstitutionAttendance,
    SiteVisitStop,
    MeetingPhoto,
):
    history.register(_part)
history.register(SiteVisit, follow=("stops",))
history.register(Meeting, follow=MEETING_PARTS)


@admin.register(MeetingSeries)
class MeetingSeriesAdmin(CommuneScopedAdmin, TranslationAdmin):
    commune_path = "commune"
    list_display = ("title", "commune", "meeting_count")
    list_filter = (commune_drilldown(),)
    list_select_related = ("commune",)
    search_fields = (*translated("title"), "slug")
    autocomplete_fields = ("commune",)
    prepopulated_fields = {"slug": ("title_fr",)}
    fields = ("commune", "title", "slug", "description")

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(meeting_total=Count("meetings"))

    @admin.display(description=_("editions"), ordering="meeting_total")
    def meeting_count(self, obj):
        return obj.meeting_total


class MeetingForm(forms.ModelForm):
    """The meeting's own fields, and attendance recorded for many associations at once."""

    add_attending_associations = forms.ModelMultipleChoiceField(
        label=_("Add attending associations"),
        queryset=Association.objects.none(),
        required=False,
        help_text=_(
            "Type a few letters of each association's name and pick it; every association "
            "chosen here is added to the attendance below when the meeting is saved "
            "(those already listed are skipped)."
        ),
    )


@admin.action(
    description=_("Save as the next edition (same frame, next year)"),
    permissions=["add"],
    location=[ActionLocation.CHANGE_FORM],
)
def save_as_next_edition(modeladmin, request, queryset):
    """The next edition of a forum: its series, edition + 1, slogan, venue, sessions, workshops."""
    meeting = queryset.get()
    if not meeting.series_id:
        modeladmin.message_user(
            request,
            _("Only a meeting of a series (a forum's editions) has a next edition."),
            messages.ERROR,
        )
        return None
    edition = services.next_edition(meeting)
    modeladmin.message_user(
        request,
        _(
            "Edition %(edition)s was created, planned and not published, with the sessions "
            "and workshops of this one; check its date and add its people."
        )
        % {"edition": edition.edition},
        messages.SUCCESS,
    )
    return redirect("admin:meetings_meeting_change", edition.pk)


@admin.register(Meeting)
class MeetingAdmin(CommuneScopedAdmin, HistoryAdmin, TranslationAdmin):
    """The whole meeting on one page: collapsible sections, an index with their counts,
    every error listed at the top after a failed save, ordered rows numbered and
    moved by dragging (admin-workspace.js)."""

    commune_path = "commune"
    change_form_template = "admin/meetings/meeting/change_form.html"
    form = MeetingForm
    # Its count is cached until the records change (portal.paging).
    paginator = CachedCountPaginator
    actions = (award_to_attending_associations, save_as_next_edition)
    list_display = (
        "title",
        "kind",
        "commune",
        "series",
        "edition",
        "start_date",
        "status",
        "published",
    )
    list_filter = ("kind", "status", "published", "illustrative", commune_drilldown(), "series")
    list_select_related = ("commune", "series")
    search_fields = (*translated("title", "slogan", "venue"), "slug")
    date_hierarchy = "start_date"
    autocomplete_fields = ("commune", "series", "organisers", "partners")
    prepopulated_fields = {"slug": ("title_fr",)}
    readonly_fields = ("created_at", "updated_at")
    fieldsets = (
        (
            _("The meeting"),
            {"fields": ("kind", "title", "slug", "commune", "series", "edition", "slogan")},
        ),
        (_("When and where"), {"fields": ("start_date", "end_date", "start_time", "venue")}),
        (
            _("Organisers and partners"),
            {"fields": ("organisers", "partners"), "classes": ("collapse",)},
        ),
        (
            _("Attending associations: add several at once"),
            {"fields": ("add_attending_associations",), "classes": ("collapse",)},
        ),
        (
            _("Texts"),
            {"fields": ("summary", "report", "report_file", "source"), "classes": ("collapse",)},
        ),
        (
            _("Publication"),
            {"fields": ("status", "published", "illustrative", "created_at", "updated_at")},
        ),
    )
    inlines = (
        SessionInline,
        SpeechInline,
        PresentationInline,
        WorkshopInline,
        AssociationAttendanceInline,
        InstitutionAttendanceInline,
        MeetingSiteVisitStopInline,
        CertificateInline,
        MeetingPhotoInline,
    )

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        if "add_attending_associations" in form.base_fields:
            # A copy: the declared field is shared by every request's form class.
            field = copy.deepcopy(form.base_fields["add_attending_associations"])
            form.base_fields["add_attending_associations"] = field
            association_admin = self.admin_site.get_model_admin(Association)
            field.queryset = association_admin.limit_to_scope(request, Association.objects.all())
            # Searched like the attendance rows' own association field.
            widget = AutocompleteSelectMultiple(
                AssociationAttendance._meta.get_field("association"), self.admin_site
            )
            widget.choices = field.choices
            field.widget = widget
        return form

    def save_related(self, request, form, formsets, change):
        super().save_related(request, form, formsets, change)
        chosen = form.cleaned_data.get("add_attending_associations")
        if chosen:
            added = services.add_attending_associations(form.instance, chosen)
            self.message_user(
                request,
                ngettext(
                    "%(count)d attending association added.",
                    "%(count)d attending associations added.",
                    added,
                )
                % {"count": added},
                messages.SUCCESS,
            )
        new_parts = [
            formset
            for formset in formsets
            if formset.model in (Session, Workshop) and formset.new_objects
        ]
        if new_parts and "_continue" in request.POST:
            self.message_user(
                request,
                _(
                    "The new sessions and workshops can now be chosen for speeches, "
                    "presentations and recommendations."
                ),
                messages.INFO,
            )


@admin.register(MeetingPhoto)
class MeetingPhotoAdmin(CommuneScopedAdmin, TranslationAdmin):
    commune_path = "meeting__commune"
    list_display = ("__str__", "meeting", "order")
    list_filter = (commune_drilldown("meeting__commune"), "meeting__kind")
    list_select_related = ("meeting",)
    search_fields = (*translated("caption"), *translated("meeting__title"))
    date_hierarchy = "meeting__start_date"
    autocomplete_fields = ("meeting",)
    fields = ("meeting", "image", "caption", "order")


@admin.register(Session)
class SessionAdmin(CommuneScopedAdmin, TranslationAdmin):
    commune_path = "meeting__commune"
    list_display = ("title", "meeting", "order", "chair")
    list_filter = (commune_drilldown("meeting__commune"), "meeting__kind")
    list_select_related = ("meeting", "chair")
    search_fields = (*translated("title"), *translated("meeting__title"))
    date_hierarchy = "meeting__start_date"
    autocomplete_fields = ("meeting", "chair")
    fields = ("meeting", "order", "title", "chair", "summary")


@admin.register(Speech)
class SpeechAdmin(CommuneScopedAdmin, TranslationAdmin):
    commune_path = "meeting__commune"
    list_display = ("__str__", "meeting", "order", "session", "illustrative")
    list_filter = ("kind", "illustrative", commune_drilldown("meeting__commune"))
    list_select_related = ("meeting", "session", "speaker", "association")
    date_hierarchy = "meeting__start_date"
    search_fields = (
        *translated("title"),
        *translated("speaker__full_name"),
        *translated("association__name"),
        *translated("meeting__title"),
    )
    autocomplete_fields = ("meeting", "session", "speaker", "association")
    fields = (
        "meeting",
        "session",
        "order",
        "kind",
        "speaker",
        "association",
        "title",
        "summary",
        "illustrative",
    )


@admin.register(Presentation)
class PresentationAdmin(CommuneScopedAdmin, TranslationAdmin):
    commune_path = "meeting__commune"
    list_display = ("title", "meeting", "institution", "order", "has_slides")
    list_filter = (commune_drilldown("meeting__commune"), "institution__kind")
    list_select_related = ("meeting", "institution")
    search_fields = (*translated("title"), *translated("meeting__title"))
    date_hierarchy = "meeting__start_date"
    autocomplete_fields = ("meeting", "session", "presenters", "institution", "related_projects")
    fields = (
        "meeting",
        "session",
        "order",
        "title",
        "presenters",
        "institution",
        "summary",
        "slides",
        "related_projects",
    )

    @admin.display(boolean=True, description=_("slides"))
    def has_slides(self, obj):
        return bool(obj.slides)


@admin.register(Workshop)
class WorkshopAdmin(CommuneScopedAdmin, TranslationAdmin):
    commune_path = "meeting__commune"
    list_display = ("theme", "meeting", "order")
    list_filter = (commune_drilldown("meeting__commune"), "meeting__kind")
    list_select_related = ("meeting",)
    search_fields = (*translated("theme"), *translated("meeting__title"))
    date_hierarchy = "meeting__start_date"
    autocomplete_fields = ("meeting", "facilitators")
    fields = ("meeting", "order", "theme", "facilitators", "outcomes")


@admin.register(AssociationAttendance)
class AssociationAttendanceAdmin(CommuneScopedAdmin):
    commune_path = "meeting__commune"
    list_display = ("association", "meeting", "representatives", "illustrative")
    list_filter = ("illustrative", commune_drilldown("meeting__commune"), "meeting__kind")
    list_select_related = ("association", "meeting")
    date_hierarchy = "meeting__start_date"
    search_fields = (*translated("association__name"), *translated("meeting__title"))
    autocomplete_fields = ("meeting", "association")
    fields = ("meeting", "association", "representatives", "illustrative")


@admin.register(InstitutionAttendance)
class InstitutionAttendanceAdmin(CommuneScopedAdmin):
    commune_path = "meeting__commune"
    list_display = ("institution", "meeting")
    list_filter = ("institution__kind", commune_drilldown("meeting__commune"), "meeting__kind")
    list_select_related = ("institution", "meeting")
    date_hierarchy = "meeting__start_date"
    search_fields = (*translated("institution__name"), *translated("meeting__title"))
    autocomplete_fields = ("meeting", "institution")
    fields = ("meeting", "institution")


# --- Site visits ------------------------------------------------------------


@admin.register(SiteVisit)
class SiteVisitAdmin(CommuneScopedAdmin, HistoryAdmin, TranslationAdmin):
    commune_path = "commune"
    list_display = ("title", "date", "commune", "meeting", "stop_count")
    list_filter = (commune_drilldown(),)
    list_select_related = ("commune", "meeting")
    search_fields = (*translated("title"), *translated("meeting__title"))
    date_hierarchy = "date"
    autocomplete_fields = ("meeting", "commune")
    fields = ("title", "meeting", "commune", "date", "notes")
    inlines = (SiteVisitStopInline,)

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(stop_total=Count("stops"))

    @admin.display(description=_("stops"), ordering="stop_total")
    def stop_count(self, obj):
        return obj.stop_total


class SiteVisitStopPhotoInline(ScopedInlineMixin, TranslationTabularInline):
    model = SiteVisitStopPhoto
    formfield_overrides = COMPACT_TEXT
    fields = ("image", "caption")
    extra = 0


@admin.register(SiteVisitStop)
class SiteVisitStopAdmin(CommuneScopedAdmin, TranslationAdmin):
    commune_path = "visit__commune"
    list_display = ("__str__", "visit", "order", "project")
    list_filter = (commune_drilldown("visit__commune"), "project__status")
    list_select_related = ("visit", "project")
    date_hierarchy = "visit__date"
    search_fields = (*translated("project__title"), *translated("visit__title"))
    autocomplete_fields = ("visit", "project")
    fields = ("visit", "order", "project", "notes")
    inlines = (SiteVisitStopPhotoInline,)


@admin.register(SiteVisitStopPhoto)
class SiteVisitStopPhotoAdmin(CommuneScopedAdmin, TranslationAdmin):
    commune_path = "stop__visit__commune"
    list_display = ("__str__", "stop")
    list_filter = (commune_drilldown("stop__visit__commune"),)
    list_select_related = ("stop__project",)
    date_hierarchy = "stop__visit__date"
    search_fields = (*translated("caption"), *translated("stop__project__title"))
    autocomplete_fields = ("stop",)
    fields = ("stop", "image", "caption")
