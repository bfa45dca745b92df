"""Back office for development plans, projects and their timeline (comments: see comments/)."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from portal.admin import COMPACT_TEXT, KeepLinkedRecordsMixin, in_use_filter, translated

from .comments import admin as comments_admin  # noqa: F401 (registers its own admins)
from .models import (
    DevelopmentPlan,
    Project,
    ProjectDocument,
    ProjectPhoto,
    ProjectUpdate,
    Sector,
)
from .widgets import ProjectLocationForm


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
    list_filter = (in_use_filter("projects"),)
    search_fields = (*translated("name"), "slug")
    prepopulated_fields = {"slug": ("name_fr",)}
    fields = ("name", "slug")


class ProjectPhotoInline(TranslationTabularInline):
    model = ProjectPhoto
    formfield_overrides = COMPACT_TEXT
    fields = ("image", "caption", "order")
    extra = 0


class ProjectDocumentInline(TranslationTabularInline):
    model = ProjectDocument
    formfield_overrides = COMPACT_TEXT
    fields = ("title", "file")
    extra = 0


class ProjectUpdateInline(TranslationStackedInline):
    model = ProjectUpdate
    formfield_overrides = COMPACT_TEXT
    fields = ("date", "title", "body", "progress", "status")
    extra = 0


@admin.register(Project)
class ProjectAdmin(KeepLinkedRecordsMixin, TranslationAdmin):
    # Staff place the project by clicking on a map; the fields stay editable.
    form = ProjectLocationForm
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
    list_filter = ("status", "published", "illustrative", "sector", "commune", "plan")
    list_select_related = ("commune", "sector")
    search_fields = (*translated("title", "location_name"), "slug")
    date_hierarchy = "start_date"
    autocomplete_fields = ("commune", "plan", "funders", "contracting_institution")
    prepopulated_fields = {"slug": ("title_fr",)}
    readonly_fields = ("created_at", "updated_at")
    fieldsets = (
        (None, {"fields": ("title", "slug", "aliases", "commune", "plan", "sector")}),
        (_("Progress"), {"fields": ("status", "progress", "start_date", "end_date")}),
        (_("Money"), {"fields": ("budget", "funders", "contracting_institution")}),
        (_("Place"), {"fields": ("location_name", "latitude", "longitude")}),
        (_("Texts"), {"fields": ("summary", "description")}),
        (
            _("Publication"),
            {"fields": ("published", "illustrative", "created_at", "updated_at")},
        ),
    )
    inlines = (ProjectUpdateInline, ProjectPhotoInline, ProjectDocumentInline)
    keep_linked = ("recommendations",)


@admin.register(ProjectPhoto)
class ProjectPhotoAdmin(TranslationAdmin):
    list_display = ("__str__", "project", "order")
    list_filter = ("project__commune", "project__sector")
    list_select_related = ("project",)
    search_fields = (*translated("caption"), *translated("project__title"))
    autocomplete_fields = ("project",)
    fields = ("project", "image", "caption", "order")


@admin.register(ProjectDocument)
class ProjectDocumentAdmin(TranslationAdmin):
    list_display = ("title", "project", "file")
    list_filter = ("project__commune", "project__sector")
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
