"""Back office for recommendations and their follow-up.

Recommendations come out of meetings, so they are also recorded on the
meeting's page: this module registers that page again with their inline.
"""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin, TranslationStackedInline

from meetings import admin as meetings_admin
from meetings.models import Meeting
from portal import history
from portal.admin import (
    COMPACT_TEXT,
    CommuneScopedAdmin,
    OrderedFormSet,
    ScopedInlineMixin,
    commune_drilldown,
    in_use_filter,
    translated,
)
from portal.history import HistoryAdmin

from .models import Recommendation, RecommendationUpdate, Theme
from .services import sync_status


@admin.register(Theme)
class ThemeAdmin(CommuneScopedAdmin, TranslationAdmin):
    commune_path = None  # one list for every commune
    list_display = ("name", "slug")
    list_filter = (in_use_filter("recommendations"),)
    search_fields = (*translated("name"), "slug")
    prepopulated_fields = {"slug": ("name_fr",)}
    fields = ("name", "slug")


class RecommendationInline(
    meetings_admin.SameMeetingChoicesMixin, ScopedInlineMixin, TranslationStackedInline
):
    """The recommendations of a meeting, on the meeting's page; follow-ups are on their own page."""

    model = Recommendation
    classes = ("collapse",)
    formset = OrderedFormSet
    formfield_overrides = COMPACT_TEXT
    fields = (
        "order",
        "title",
        "text",
        "workshop",
        "session",
        "addressed_to",
        "theme",
        "priority",
        "due_date",
        "status",
        "related_projects",
        "related_associations",
        "published",
        "illustrative",
    )
    autocomplete_fields = ("addressed_to", "related_projects", "related_associations")
    ordering = ("order", "pk")
    show_change_link = True
    extra = 0


admin.site.unregister(Meeting)
# A meeting's versions keep its recommendations too, and each recommendation's
# versions its follow-ups.
history.register(RecommendationUpdate)
history.register(Recommendation, follow=("updates",))
history.register(Meeting, follow=(*meetings_admin.MEETING_PARTS, "recommendations"))


@admin.register(Meeting)
class MeetingAdmin(meetings_admin.MeetingAdmin):
    """The meeting page with its recommendations, after the certificates, before the photos."""

    _photos = meetings_admin.MeetingAdmin.inlines.index(meetings_admin.MeetingPhotoInline)
    inlines = (
        *meetings_admin.MeetingAdmin.inlines[:_photos],
        RecommendationInline,
        *meetings_admin.MeetingAdmin.inlines[_photos:],
    )


class RecommendationUpdateInline(ScopedInlineMixin, TranslationStackedInline):
    model = RecommendationUpdate
    formfield_overrides = COMPACT_TEXT
    fields = ("date", "status", "note", "evidence", "evidence_url")
    ordering = ("date", "pk")
    extra = 0


@admin.register(Recommendation)
class RecommendationAdmin(CommuneScopedAdmin, HistoryAdmin, TranslationAdmin):
    commune_path = "meeting__commune"
    list_display = (
        "title",
        "meeting",
        "addressed_to",
        "theme",
        "priority",
        "status",
        "due_date",
        "overdue",
        "published",
    )
    list_filter = (
        "status",
        "priority",
        "published",
        "illustrative",
        "theme",
        commune_drilldown("meeting__commune"),
    )
    list_select_related = ("meeting", "addressed_to", "theme")
    search_fields = (*translated("title", "text"), *translated("meeting__title"))
    date_hierarchy = "due_date"
    autocomplete_fields = (
        "meeting",
        "workshop",
        "session",
        "addressed_to",
        "related_projects",
        "related_associations",
    )
    readonly_fields = ("created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("meeting", "workshop", "session", "order", "title", "text")}),
        (
            _("Follow-up"),
            {"fields": ("addressed_to", "theme", "priority", "due_date", "status")},
        ),
        (_("Related"), {"fields": ("related_projects", "related_associations")}),
        (
            _("Publication"),
            {"fields": ("published", "illustrative", "created_at", "updated_at")},
        ),
    )
    inlines = (RecommendationUpdateInline,)

    @admin.display(boolean=True, description=_("overdue"))
    def overdue(self, obj):
        return obj.is_overdue

    def save_formset(self, request, form, formset, change):
        super().save_formset(request, form, formset, change)
        if formset.model is RecommendationUpdate:
            # The latest follow-up decides where the recommendation stands.
            sync_status(form.instance)


@admin.register(RecommendationUpdate)
class RecommendationUpdateAdmin(CommuneScopedAdmin, TranslationAdmin):
    commune_path = "recommendation__meeting__commune"
    list_display = ("recommendation", "date", "status", "has_evidence")
    list_filter = ("status",)
    list_select_related = ("recommendation",)
    search_fields = (*translated("note"), *translated("recommendation__title"))
    date_hierarchy = "date"
    autocomplete_fields = ("recommendation",)
    readonly_fields = ("created_at", "updated_at")
    fields = (
        "recommendation",
        "date",
        "status",
        "note",
        "evidence",
        "evidence_url",
        *readonly_fields,
    )

    @admin.display(boolean=True, description=_("evidence"))
    def has_evidence(self, obj):
        return bool(obj.evidence or obj.evidence_url)

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        sync_status(obj.recommendation)
        if change and "recommendation" in form.changed_data:
            # Moved to another recommendation: the one it left may stand elsewhere now.
            previous = Recommendation.objects.filter(pk=form.initial.get("recommendation")).first()
            if previous is not None:
                sync_status(previous)

    def delete_model(self, request, obj):
        recommendation = obj.recommendation
        super().delete_model(request, obj)
        sync_status(recommendation)

    def delete_queryset(self, request, queryset):
        recommendations = list(Recommendation.objects.filter(updates__in=queryset).distinct())
        super().delete_queryset(request, queryset)
        for recommendation in recommendations:
            sync_status(recommendation)
