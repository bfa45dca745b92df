"""Back office for development plans, projects, their timeline and comments."""

from django import forms
from django.contrib import admin, messages
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from portal.admin import KeepLinkedRecordsMixin, translated

from .models import (
    Comment,
    DevelopmentPlan,
    Project,
    ProjectDocument,
    ProjectPhoto,
    ProjectUpdate,
    Sector,
)


@admin.register(DevelopmentPlan)
class DevelopmentPlanAdmin(TranslationAdmin):
    list_display = ("title", "kind", "commune", "start_year", "end_year")
    list_filter = ("kind", "commune")
    list_select_related = ("commune",)
    search_fields = translated("title")
    autocomplete_fields = ("commune",)
    fields = ("commune", "kind", "title", "start_year", "end_year", "description")


@admin.register(Sector)
class SectorAdmin(TranslationAdmin):
    list_display = ("name", "slug")
    search_fields = (*translated("name"), "slug")
    prepopulated_fields = {"slug": ("name_fr",)}
    fields = ("name", "slug")


class ProjectPhotoInline(TranslationTabularInline):
    model = ProjectPhoto
    fields = ("image", "caption", "order")
    extra = 0


class ProjectDocumentInline(TranslationTabularInline):
    model = ProjectDocument
    fields = ("title", "file")
    extra = 0


class ProjectUpdateInline(TranslationStackedInline):
    model = ProjectUpdate
    fields = ("date", "title", "body", "progress", "status")
    extra = 0


@admin.register(Project)
class ProjectAdmin(KeepLinkedRecordsMixin, TranslationAdmin):
    list_display = (
        "title",
        "commune",
        "sector",
        "status",
        "progress",
        "budget",
        "start_date",
        "published",
    )
    list_filter = ("status", "published", "sector", "commune", "plan")
    list_select_related = ("commune", "sector")
    search_fields = (*translated("title", "location_name"), "slug")
    date_hierarchy = "start_date"
    autocomplete_fields = ("commune", "plan", "funders", "contracting_institution")
    prepopulated_fields = {"slug": ("title_fr",)}
    readonly_fields = ("created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("title", "slug", "commune", "plan", "sector")}),
        (_("Progress"), {"fields": ("status", "progress", "start_date", "end_date")}),
        (_("Money"), {"fields": ("budget", "funders", "contracting_institution")}),
        (_("Place"), {"fields": ("location_name", "latitude", "longitude")}),
        (_("Texts"), {"fields": ("summary", "description")}),
        (_("Publication"), {"fields": ("published", "created_at", "updated_at")}),
    )
    inlines = (ProjectUpdateInline, ProjectPhotoInline, ProjectDocumentInline)
    keep_linked = ("recommendations",)


@admin.register(ProjectPhoto)
class ProjectPhotoAdmin(TranslationAdmin):
    list_display = ("__str__", "project", "order")
    list_select_related = ("project",)
    search_fields = (*translated("caption"), *translated("project__title"))
    autocomplete_fields = ("project",)
    fields = ("project", "image", "caption", "order")


@admin.register(ProjectDocument)
class ProjectDocumentAdmin(TranslationAdmin):
    list_display = ("title", "project", "file")
    list_select_related = ("project",)
    search_fields = (*translated("title"), *translated("project__title"))
    autocomplete_fields = ("project",)
    fields = ("project", "title", "file")


@admin.register(ProjectUpdate)
class ProjectUpdateAdmin(TranslationAdmin):
    list_display = ("title", "project", "date", "progress", "status")
    list_filter = ("status",)
    list_select_related = ("project",)
    search_fields = (*translated("title", "body"), *translated("project__title"))
    date_hierarchy = "date"
    autocomplete_fields = ("project",)
    fields = ("project", "date", "title", "body", "progress", "status")


class CommentAdminForm(forms.ModelForm):
    def clean(self):
        cleaned_data = super().clean()
        if not cleaned_data.get("official") and not cleaned_data.get("association"):
            self.add_error(
                "association",
                _(
                    "Choose the association the comment is written for, "
                    "or mark it as an official answer of the council."
                ),
            )
        return cleaned_data


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    form = CommentAdminForm
    list_display = (
        "excerpt",
        "project",
        "association",
        "author",
        "official",
        "hidden",
        "deleted",
        "created_at",
    )
    list_filter = ("hidden", "official", "deleted")
    list_select_related = ("project", "association", "author")
    search_fields = ("body", *translated("project__title"), *translated("association__name"))
    date_hierarchy = "created_at"
    autocomplete_fields = ("project", "association", "parent")
    readonly_fields = ("author", "created_at", "updated_at")
    fields = (
        "project",
        "association",
        "parent",
        "body",
        "official",
        "hidden",
        "deleted",
        *readonly_fields,
    )
    actions = ("hide", "restore")

    @admin.display(description=_("text"))
    def excerpt(self, obj):
        return Truncator(obj.body).chars(80)

    def save_model(self, request, obj, form, change):
        # An answer written in the back office is signed by the staff member.
        if not change:
            obj.author = request.user
        super().save_model(request, obj, form, change)

    @admin.action(description=_("Hide the selected comments"), permissions=["change"])
    def hide(self, request, queryset):
        count = queryset.filter(hidden=False).update(hidden=True, updated_at=timezone.now())
        self.message_user(
            request,
            ngettext("%(count)d comment hidden.", "%(count)d comments hidden.", count)
            % {"count": count},
            messages.SUCCESS,
        )

    @admin.action(description=_("Restore the selected comments"), permissions=["change"])
    def restore(self, request, queryset):
        count = queryset.filter(hidden=True).update(hidden=False, updated_at=timezone.now())
        self.message_user(
            request,
            ngettext("%(count)d comment restored.", "%(count)d comments restored.", count)
            % {"count": count},
            messages.SUCCESS,
        )
