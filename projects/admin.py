"""Back office for development plans, projects and their timeline (comments: see comments/)."""

import re

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import (
    TranslationAdmin,
    TranslationStackedInline,
    TranslationTabularInline,
)

from portal import history
from portal.admin import (
    COMPACT_TEXT,
    CommuneScopedAdmin,
    KeepLinkedRecordsMixin,
    OrderedFormSet,
    ScopedInlineMixin,
    commune_drilldown,
    in_use_filter,
    translated,
)
from portal.history import HistoryAdmin
from portal.paging import CachedCountPaginator

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

for _part in (ProjectUpdate, ProjectPhoto, ProjectDocument):
    history.register(_part)
history.register(Project, follow=("updates", "photos", "documents"))


@admin.register(DevelopmentPlan)
class DevelopmentPlanAdmin(CommuneScopedAdmin, TranslationAdmin):
    commune_path = "commune"
    list_display = ("title", "kind", "commune", "start_year", "end_year")
    list_filter = ("kind", commune_drilldown())
    list_select_related = ("commune",)
    search_fields = translated("title")
    autocomplete_fields = ("commune",)
    fields = ("commune", "kind", "title", "start_year", "end_year", "description")

    def get_search_results(self, request, queryset, search_term):
        """A year in the search ("2012", "2010-2015") finds the plans in force that year."""
        years = [int(year) for year in re.findall(r"\b(1[89]\d\d|2\d\d\d)\b", search_term)]
        if not years:
            return super().get_search_results(request, queryset, search_term)
        words = re.sub(r"\b(1[89]\d\d|2\d\d\d)\b|[-–—/]", " ", search_term).strip()
        queryset, duplicates = super().get_search_results(request, queryset, words)
        for year in years:
            queryset = queryset.filter(start_year__lte=year, end_year__gte=year)
        return queryset, duplicates


@admin.register(Sector)
class SectorAdmin(CommuneScopedAdmin, TranslationAdmin):
    commune_path = None  # one list for every commune
    list_display = ("name", "slug")
    list_filter = (in_use_filter("projects"),)
    search_fields = (*translated("name"), "slug")
    prepopulated_fields = {"slug": ("name_fr",)}
    fields = ("name", "slug")


class ProjectPhotoInline(ScopedInlineMixin, TranslationTabularInline):
    model = ProjectPhoto
    formset = OrderedFormSet
    formfield_overrides = COMPACT_TEXT
    fields = ("image", "caption", "order")
    extra = 0


class ProjectDocumentInline(ScopedInlineMixin, TranslationTabularInline):
    model = ProjectDocument
    formfield_overrides = COMPACT_TEXT
    fields = ("title", "file")
    extra = 0


class ProjectUpdateInline(ScopedInlineMixin, TranslationStackedInline):
    model = ProjectUpdate
    formfield_overrides = COMPACT_TEXT
    fields = ("date", "title", "body", "progress", "status")
    extra = 0


@admin.register(Project)
class ProjectAdmin(CommuneScopedAdmin, KeepLinkedRecordsMixin, HistoryAdmin, TranslationAdmin):
    commune_path = "commune"
    # Its count is cached until the records change (portal.paging).
    paginator = CachedCountPaginator
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
    # Plans, one or more per commune, are found by searching, not listed.
    list_filter = ("status", "published", "illustrative", "sector", commune_drilldown())
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
class ProjectPhotoAdmin(CommuneScopedAdmin, TranslationAdmin):
    commune_path = "project__commune"
    list_display = ("__str__", "project", "order")
    list_filter = (commune_drilldown("project__commune"), "project__sector")
    list_select_related = ("project",)
    search_fields = (*translated("caption"), *translated("project__title"))
    autocomplete_fields = ("project",)
    fields = ("project", "image", "caption", "order")


@admin.register(ProjectDocument)
class ProjectDocumentAdmin(CommuneScopedAdmin, TranslationAdmin):
    commune_path = "project__commune"
    list_display = ("title", "project", "file")
    list_filter = (commune_drilldown("project__commune"), "project__sector")
    list_select_related = ("project",)
    search_fields = (*translated("title"), *translated("project__title"))
    autocomplete_fields = ("project",)
    fields = ("project", "title", "file")


@admin.register(ProjectUpdate)
class ProjectUpdateAdmin(CommuneScopedAdmin, TranslationAdmin):
    commune_path = "project__commune"
    list_display = ("title", "project", "date", "progress", "status")
    list_filter = ("status",)
    list_select_related = ("project",)
    search_fields = (*translated("title", "body"), *translated("project__title"))
    date_hierarchy = "date"
    autocomplete_fields = ("project",)
    fields = ("project", "date", "title", "body", "progress", "status")
