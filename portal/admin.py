"""Back office for communes, institutions and people, and the pieces every admin shares."""

from collections.abc import Callable, Iterable

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import quote
from django.db import models, transaction
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from modeltranslation.admin import TranslationAdmin

from . import languages
from .models import Commune, Institution, Person, SearchWord


def translated(*names: str) -> tuple[str, ...]:
    """Every language's column of each translated field, for search_fields.

    Searching the bare name would only look in the interface language; staff
    type Arabic while the interface is in French, and the other way round.
    """
    return tuple(languages.columns(*names))


def act_on_each(modeladmin, request, objects: Iterable, act: Callable, done) -> int:
    """The loop of a bulk action: ``act`` on each object, in one transaction, then one message.

    ``act(obj)`` returns False when the object needed no change, so it is not
    counted. ``done`` is an ``ngettext_lazy`` message with a ``count``
    placeholder ("%(count)d comment hidden."). Returns how many changed.
    """
    with transaction.atomic():
        count = sum(act(obj) is not False for obj in objects)
    modeladmin.message_user(
        request, done % {"count": count}, messages.SUCCESS if count else messages.INFO
    )
    return count


# Inline rows carry every text in three languages: short text boxes keep a
# whole meeting's page readable (they grow as staff type, and can be resized).
COMPACT_TEXT = {models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 60})}}


class KeepLinkedRecordsMixin:
    """Refuse deletion while records that hang on the object through a many-to-many exist.

    PROTECT only guards foreign keys; a recommendation that names a project or
    an association would silently lose that link. Listing those records as
    "protected" makes the delete page and the bulk action refuse, exactly as
    for a PROTECT foreign key. ``keep_linked`` names the reverse accessors.
    """

    keep_linked: tuple[str, ...] = ()

    def get_deleted_objects(self, objs, request):
        to_delete, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        protected = list(protected)
        for obj in objs:
            for accessor in self.keep_linked:
                for linked in getattr(obj, accessor).all():
                    protected.append(self._describe_linked(linked))
        return to_delete, model_count, perms_needed, protected

    def _describe_linked(self, obj):
        opts = obj._meta
        label = capfirst(opts.verbose_name)
        url = reverse(
            f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_change",
            args=(quote(obj.pk),),
        )
        return format_html('{}: <a href="{}">{}</a>', label, url, obj)


class TitledBy:
    """Fetch, with the rows, what each inline row's title (its __str__) shows."""

    titled_by: tuple[str, ...] = ()

    def get_queryset(self, request):
        return super().get_queryset(request).select_related(*self.titled_by)


def in_use_filter(accessor: str) -> type[admin.SimpleListFilter]:
    """A filter for a list of names (sectors, themes, fields): in use by ``accessor`` or not.

    Staff tidy such lists by finding the names nothing uses any more.
    """

    class InUseFilter(admin.SimpleListFilter):
        title = _("in use")
        parameter_name = "in_use"

        def lookups(self, request, model_admin):
            return (("yes", _("Yes")), ("no", _("No")))

        def queryset(self, request, queryset):
            if self.value() in ("yes", "no"):
                used = queryset.filter(**{f"{accessor}__isnull": False}).values("pk")
                if self.value() == "yes":
                    return queryset.filter(pk__in=used)
                return queryset.exclude(pk__in=used)
            return queryset

    return InUseFilter


@admin.register(Commune)
class CommuneAdmin(TranslationAdmin):
    list_display = ("name", "region", "province", "has_centre", "website")
    list_filter = ("region",)
    search_fields = (*translated("name", "region", "province"), "slug")
    prepopulated_fields = {"slug": ("name_fr",)}
    fieldsets = (
        (None, {"fields": ("name", "slug", "aliases", "region", "province")}),
        (_("Centre on the map"), {"fields": ("latitude", "longitude")}),
        (_("Identity"), {"fields": ("logo", "website")}),
    )

    @admin.display(boolean=True, description=_("centre on the map"))
    def has_centre(self, obj):
        return obj.latitude is not None and obj.longitude is not None


@admin.register(Institution)
class InstitutionAdmin(TranslationAdmin):
    list_display = ("name", "acronym", "kind", "commune", "country")
    list_filter = ("kind", "commune")
    list_select_related = ("commune",)
    search_fields = (*translated("name"), "acronym", "country")
    autocomplete_fields = ("commune",)
    fields = ("name", "acronym", "aliases", "kind", "commune", "country", "website", "logo")


@admin.register(Person)
class PersonAdmin(TranslationAdmin):
    list_display = ("full_name", "role", "institution", "commune", "illustrative")
    list_filter = ("illustrative", "commune", "institution__kind")
    list_select_related = ("institution", "commune")
    search_fields = (*translated("full_name", "role"), "institution__acronym")
    autocomplete_fields = ("institution", "commune")
    fields = ("full_name", "aliases", "role", "institution", "commune", "illustrative")


@admin.register(SearchWord)
class SearchWordAdmin(admin.ModelAdmin):
    """The words the search knows, to look at: the search itself keeps the table.

    Staff check here whether a spelling is known before adding it to a
    record's other spellings. Nobody adds, changes or deletes a word by hand:
    ``rebuild_search_index`` rebuilds the table from the records.
    """

    list_display = ("word", "length")
    list_filter = ("length",)
    search_fields = ("word",)
    fields = ("word", "length")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
