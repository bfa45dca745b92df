"""Moderation in the back office: staff read reports, hide and restore comments."""

from django.contrib import admin
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy

from portal.admin import CommuneScopedAdmin, ScopedInlineMixin, act_on_each
from portal.paging import CachedCountPaginator
from projects.models import Comment, CommentReport

HIDDEN = ngettext_lazy("%(count)d comment hidden.", "%(count)d comments hidden.", "count")
RESTORED = ngettext_lazy("%(count)d comment restored.", "%(count)d comments restored.", "count")


@admin.action(description=_("Hide the selected comments"), permissions=["change"])
def hide_selected(modeladmin, request, queryset):
    act_on_each(modeladmin, request, queryset.filter(hidden=False), Comment.hide, HIDDEN)


@admin.action(description=_("Restore the selected comments"), permissions=["change"])
def restore_selected(modeladmin, request, queryset):
    act_on_each(modeladmin, request, queryset.filter(hidden=True), Comment.restore, RESTORED)


class CommentReportInline(ScopedInlineMixin, admin.TabularInline):
    model = CommentReport
    extra = 0
    can_delete = False
    fields = ("created_at", "reporter", "reason", "text")
    readonly_fields = fields

    def has_add_permission(self, request, obj=None):
        return False


class ReportedFilter(admin.SimpleListFilter):
    title = _("reports")
    parameter_name = "reported"

    def lookups(self, request, model_admin):
        return [("yes", _("reported")), ("no", _("not reported"))]

    def queryset(self, request, queryset):
        if self.value() == "yes":
            return queryset.filter(report_count__gt=0)
        if self.value() == "no":
            return queryset.filter(report_count=0)
        return queryset


@admin.register(Comment)
class CommentAdmin(CommuneScopedAdmin):
    commune_path = "project__commune"
    # Its count is cached until the records change (portal.paging).
    paginator = CachedCountPaginator
    list_display = (
        "short_body",
        "project",
        "association",
        "author",
        "official",
        "hidden",
        "deleted",
        "report_count",
        "created_at",
    )
    # Hundreds of thousands of comments: the count of reports is stored on
    # each comment, the list is not counted whole a second time, and there
    # is no date drill-down (its years and months are a scan of every row).
    # A commune's comments are found by searching its name.
    list_filter = (ReportedFilter, "hidden", "official", "deleted")
    list_select_related = ("project", "association", "author")
    search_fields = ("body", "author__email", "association__name", "project__title")
    show_full_result_count = False
    actions = [hide_selected, restore_selected]
    inlines = [CommentReportInline]
    fields = (
        "project",
        "parent",
        "association",
        "author",
        "official",
        "body",
        "hidden",
        "deleted",
        "reviewed_at",
        "created_at",
        "updated_at",
    )
    # Staff moderate; they do not rewrite what associations said.
    readonly_fields = (
        "project",
        "parent",
        "association",
        "author",
        "official",
        "body",
        "deleted",
        "reviewed_at",
        "created_at",
        "updated_at",
    )

    def has_add_permission(self, request):
        return False

    @admin.display(description=_("text"))
    def short_body(self, obj):
        return obj.body[:80]

    def save_model(self, request, obj, form, change):
        # The hidden box in the change form is a staff decision, like the actions.
        if change and "hidden" in form.changed_data:
            if obj.hidden:
                obj.hide()
            else:
                obj.restore()
            return
        super().save_model(request, obj, form, change)


@admin.register(CommentReport)
class CommentReportAdmin(CommuneScopedAdmin):
    commune_path = "comment__project__commune"
    list_display = ("created_at", "comment", "reporter", "reason", "comment_hidden")
    list_filter = ("reason", "comment__hidden")
    list_select_related = ("comment", "reporter", "comment__association")
    search_fields = ("text", "comment__body", "reporter__email")
    readonly_fields = ("comment", "reporter", "reason", "text", "created_at")
    date_hierarchy = "created_at"

    def has_add_permission(self, request):
        return False

    def delete_model(self, request, obj):
        super().delete_model(request, obj)
        obj.comment.refresh_report_count()

    def delete_queryset(self, request, queryset):
        comments = {report.comment for report in queryset.select_related("comment")}
        super().delete_queryset(request, queryset)
        for comment in comments:
            comment.refresh_report_count()

    @admin.display(description=_("comment hidden"), boolean=True)
    def comment_hidden(self, obj):
        return obj.comment.hidden
