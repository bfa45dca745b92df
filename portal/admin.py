"""Back office for communes, institutions and people, and the pieces every admin shares."""

from collections.abc import Callable, Iterable

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.exceptions import NotRegistered
from django.contrib.admin.utils import get_fields_from_path, quote
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.contrib.contenttypes import views as contenttype_views
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist, PermissionDenied
from django.db import models, transaction
from django.forms.models import BaseInlineFormSet
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django_tasks_db.models import DBTaskResult
from modeltranslation.admin import TranslationAdmin

from . import languages, mail, scope
from .links import site_url
from .models import Commune, Institution, OutgoingEmail, Person, StaffScope
from .slugs import slug_from, unique_slug


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


# --- Staff work for their communes ---------------------------------------------
#
# Every admin of a Sharaka model says how its rows reach a commune
# (``commune_path``); CommuneScopedAdmin then keeps a staff account to the
# communes it works for (portal.scope) on every page the admin serves: lists,
# change, delete and history pages, autocomplete answers, the choices of every
# form and inline, list filters and bulk actions. Superusers see everything.


def scoped_admin_of(model, admin_site=admin.site):
    """The model's admin when it is limited to communes, else None."""
    try:
        model_admin = admin_site.get_model_admin(model)
    except NotRegistered:
        return None
    return model_admin if isinstance(model_admin, CommuneScopedAdmin) else None


class ScopedChoices:
    """Choices of foreign keys and many-to-many fields limited to what the user may use.

    Used by every admin and inline: a commune field offers the user's
    communes, a meeting field their meetings, an association field the
    associations of their communes (plus shared rows: national institutions,
    people of no commune). A value outside them is refused by the form as an
    invalid choice, whatever the page sent. A value already saved on the row
    (linked by a superuser) stays valid, so saving the row again loses nothing.
    """

    def view_on_site(self, obj):
        """The record's public page on the site's own address (SITE_URL), not the
        Sites framework's placeholder domain."""
        if not hasattr(obj, "get_absolute_url"):
            return None
        return site_url(obj.get_absolute_url())

    def get_field_queryset(self, db, db_field, request):
        queryset = super().get_field_queryset(db, db_field, request)
        related_admin = scoped_admin_of(db_field.remote_field.model, self.admin_site)
        if related_admin is None:
            return queryset
        if queryset is None:
            queryset = db_field.remote_field.model._default_manager.using(db).all()
        return related_admin.limit_to_scope(request, queryset)

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if (
            formfield is not None
            and db_field.is_relation
            and scoped_admin_of(db_field.remote_field.model, self.admin_site) is not None
        ):
            formfield.keeps_saved_choice = True
        return formfield

    def get_form(self, request, obj=None, **kwargs):
        return keeping_saved_choices(super().get_form(request, obj, **kwargs))

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form = keeping_saved_choices(formset.form)
        return formset


def keeping_saved_choices(form_class):
    """``form_class`` whose limited choice fields also accept the row's saved values."""

    class KeepingSavedChoices(form_class):
        def __init__(self, *args, **kwargs):
            super().__init__(*args, **kwargs)
            if self.instance.pk is None:
                return
            for name, field in self.fields.items():
                if not getattr(field, "keeps_saved_choice", False):
                    continue
                saved = self.initial.get(name)
                if saved in (None, "", []):
                    continue
                if isinstance(saved, (list, tuple)):
                    saved = [getattr(item, "pk", item) for item in saved]
                else:
                    saved = [getattr(saved, "pk", saved)]
                model = field.queryset.model
                field.queryset = field.queryset | model._default_manager.filter(pk__in=saved)

    KeepingSavedChoices.__name__ = form_class.__name__
    return KeepingSavedChoices


class AnyOneLanguage:
    """Texts in any one language, and a slug made from the title when staff leave it empty.

    A required text (a title, a theme, a name) is asked in at least one
    language, whichever the staff member writes in; the Arabic box stays the
    first. An empty slug is made from the title: the French or English one,
    else the Arabic one transliterated (portal.slugs), unique among the rows.
    """

    def formfield_for_dbfield(self, db_field, request, **kwargs):
        formfield = super().formfield_for_dbfield(db_field, request, **kwargs)
        if formfield is None:
            return formfield
        original = getattr(db_field, "translated_field", None)
        if original is not None and not original.blank:
            formfield.required = False
            formfield.one_language_of = original
        if db_field.name == "slug":
            formfield.required = False
        return formfield

    def get_form(self, request, obj=None, **kwargs):
        form = super().get_form(request, obj, **kwargs)
        sources = self.get_prepopulated_fields(request, obj).get("slug", ())
        return in_any_one_language(form, sources)

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form = in_any_one_language(formset.form, ())
        return formset


def in_any_one_language(form_class, slug_sources):
    """``form_class`` that asks each required text in one language at least and fills the slug."""

    class InAnyOneLanguage(form_class):
        def clean(self):
            cleaned = super().clean()
            groups = {}
            for name, field in self.fields.items():
                original = getattr(field, "one_language_of", None)
                if original is not None:
                    groups.setdefault(original, []).append(name)
            for original, names in groups.items():
                if not any(str(cleaned.get(name) or "").strip() for name in names):
                    self.add_error(
                        names[0],
                        _("Give the %(field)s in at least one language.")
                        % {"field": original.verbose_name},
                    )
            if "slug" in self.fields and not cleaned.get("slug") and slug_sources:
                cleaned["slug"] = self.made_slug(slug_sources, cleaned)
            return cleaned

        def made_slug(self, sources, cleaned):
            texts = []
            for source in sources:
                original = source.rsplit("_", 1)[0] if source[-3:-2] == "_" else source
                texts += [cleaned.get(column) for column in languages.columns(original)]
            # French and English words first, Arabic transliterated last.
            texts = texts[1:] + texts[:1] if len(texts) == len(languages.codes()) else texts
            model = self._meta.model
            max_length = model._meta.get_field("slug").max_length
            return unique_slug(
                model, slug_from(*texts), max_length=max_length, exclude_pk=self.instance.pk
            )

    InAnyOneLanguage.__name__ = form_class.__name__
    return InAnyOneLanguage


def error_summary(adminform, inline_admin_formsets) -> list[dict]:
    """Every error of a failed save, each with where it is and the id of its field.

    Shown at the top of the page, so a long page (a whole meeting) tells
    what is wrong and jumps to it, instead of one "correct the errors below".
    """
    if adminform is None:
        return []
    entries = []

    def add(form, where, fallback_anchor):
        for name, messages_ in form.errors.items():
            if name in form.fields:
                bound = form[name]
                anchor = bound.id_for_label or bound.auto_id or fallback_anchor
                label = str(bound.label)
            else:
                anchor, label = fallback_anchor, ""
            place = ": ".join(part for part in (where, label) if part)
            for message in messages_:
                entries.append({"where": place, "message": message, "anchor": anchor})

    add(adminform.form, "", f"{adminform.form._meta.model._meta.model_name}_form")
    for inline in inline_admin_formsets:
        formset = inline.formset
        heading = str(capfirst(inline.opts.verbose_name_plural))
        for message in formset.non_form_errors():
            entries.append(
                {"where": heading, "message": message, "anchor": f"{formset.prefix}-group"}
            )
        for index, form in enumerate(formset.forms):
            if form.errors:
                add(form, f"{heading} #{index + 1}", f"{formset.prefix}-{index}")
    return entries


class ScopedRelatedFieldListFilter(admin.RelatedFieldListFilter):
    """A list filter on a related record that offers only the user's communes' records."""

    def field_choices(self, field, request, model_admin):
        related_admin = scoped_admin_of(field.related_model, model_admin.admin_site)
        queryset = related_admin.limit_to_scope(request, field.related_model._default_manager.all())
        ordering = self.field_admin_ordering(field, request, model_admin)
        if ordering:
            queryset = queryset.order_by(*ordering)
        return [(obj.pk, str(obj)) for obj in queryset]


class CommuneScopedAdmin(AnyOneLanguage, ScopedChoices, admin.ModelAdmin):
    """An admin whose rows belong to communes, shown and changed only by their staff.

    ``commune_path`` leads from the model to its commune (``"commune"``,
    ``"meeting__commune"``, ``"pk"`` for communes themselves); ``None`` for a
    list shared by every commune (sectors, themes). With
    ``shared_when_empty``, rows whose commune is empty are shared as well.
    Shared rows can be seen, chosen and added by every staff account, and are
    changed or deleted by superusers only: a change would show on every
    commune's pages.

    A record of another commune answers 404 on its change, delete and history
    pages; new records can only be made in the user's communes (the form's
    commune or parent choices offer nothing else); bulk actions act only on the
    rows the user may change.
    """

    commune_path: str | None = None
    shared_when_empty: bool = False
    change_form_template = "admin/sharaka/change_form.html"

    class Media:
        js = ("js/admin-workspace.js",)

    # Which communes, and whether a row is shared -----------------------------

    def limit_to_scope(self, request, queryset):
        """The rows of ``queryset`` the user may see and choose."""
        if self.commune_path is None:
            return queryset
        return scope.filter_queryset(
            queryset, request.user, self.commune_path, shared_when_empty=self.shared_when_empty
        )

    def limit_to_changeable(self, request, queryset):
        """The rows of ``queryset`` the user may change: shared rows only for superusers."""
        if request.user.is_superuser:
            return queryset
        if self.commune_path is None:
            return queryset.none()
        return scope.filter_queryset(queryset, request.user, self.commune_path)

    def commune_id_of(self, obj):
        return None if self.commune_path is None else scope.commune_id_of(obj, self.commune_path)

    def may_change(self, request, obj) -> bool:
        if request.user.is_superuser:
            return True
        commune_id = self.commune_id_of(obj)
        return commune_id is not None and scope.covers(request.user, commune_id)

    def works_somewhere(self, request) -> bool:
        return scope.has_scope(request.user)

    # The pages ------------------------------------------------------------------

    def get_queryset(self, request):
        return self.limit_to_scope(request, super().get_queryset(request))

    def get_object(self, request, object_id, from_field=None):
        # Out of the user's communes, or not there at all: the same 404, so a
        # guessed address tells nothing about another commune's records.
        obj = super().get_object(request, object_id, from_field)
        if obj is None:
            raise Http404(_("No such record in your communes."))
        return obj

    def has_add_permission(self, request, *args, **kwargs):
        return super().has_add_permission(request, *args, **kwargs) and self.works_somewhere(
            request
        )

    def has_change_permission(self, request, obj=None):
        allowed = super().has_change_permission(request, obj)
        return allowed and (obj is None or self.may_change(request, obj))

    def has_delete_permission(self, request, obj=None):
        allowed = super().has_delete_permission(request, obj)
        return allowed and (obj is None or self.may_change(request, obj))

    def get_list_filter(self, request):
        """Filters on communes, meetings, plans… list only the user's communes' records."""
        chosen = []
        for entry in super().get_list_filter(request):
            if isinstance(entry, str):
                try:
                    last = get_fields_from_path(self.model, entry)[-1]
                except (FieldDoesNotExist, admin.utils.NotRelationField):
                    last = None
                if last is not None and last.is_relation and last.related_model:
                    if scoped_admin_of(last.related_model, self.admin_site) is not None:
                        entry = (entry, ScopedRelatedFieldListFilter)
            chosen.append(entry)
        return chosen

    def get_changeform_initial_data(self, request):
        """A new record starts in the user's commune when they work for exactly one."""
        initial = super().get_changeform_initial_data(request)
        ids = scope.commune_ids(request.user)
        if self.commune_path == "commune" and ids and len(ids) == 1:
            initial.setdefault("commune", next(iter(ids)))
        return initial

    def response_action(self, request, queryset, *args, **kwargs):
        # Selected rows outside what the user may change (another commune's,
        # shared ones) are left out, whatever ids the form sent.
        return super().response_action(
            request, self.limit_to_changeable(request, queryset), *args, **kwargs
        )

    def save_model(self, request, obj, form, change):
        # The form's choices already keep the record in the user's communes;
        # this is the last word, in case a form leaves a field out.
        if not request.user.is_superuser:
            commune_id = self.commune_id_of(obj)
            shared = commune_id is None and (self.shared_when_empty or self.commune_path is None)
            if change and not self.may_change(request, obj):
                raise PermissionDenied
            if not change and not shared and not scope.covers(request.user, commune_id):
                raise PermissionDenied
        super().save_model(request, obj, form, change)

    def render_change_form(self, request, context, *args, **kwargs):
        context["error_summary"] = error_summary(
            context.get("adminform"), context.get("inline_admin_formsets", ())
        )
        # A browser never sends a chosen file twice: after a failed save, say so.
        context["files_not_kept"] = bool(context["error_summary"] and request.FILES)
        return super().render_change_form(request, context, *args, **kwargs)


class OrderedFormSet(BaseInlineFormSet):
    """Rows numbered by an ``order`` field: an empty number takes the next one, and rows
    can swap numbers in one save (dragged on the page, or typed by hand).

    Each row is checked against the other rows of the page, not against the
    numbers they had before the save: two stops that swap numbers are saved
    through temporary numbers, so a unique (visit, order) constraint holds.
    """

    ORDER_FIELD = "order"
    TEMPORARY_OFFSET = 20000

    def add_fields(self, form, index):
        super().add_fields(form, index)
        if self.ORDER_FIELD in form.fields:
            form.fields[self.ORDER_FIELD].required = False

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        if self.ORDER_FIELD in form.fields:
            # Checked across the page's rows below, not against the old numbers.
            exclusions = form._get_validation_exclusions

            def without_order():
                return {*exclusions(), self.ORDER_FIELD}

            form._get_validation_exclusions = without_order
        return form

    def kept_forms(self):
        return [
            form
            for form in self.forms
            if hasattr(form, "cleaned_data")
            and form.cleaned_data
            and not self._should_delete_form(form)
            and (form.instance.pk is not None or form.has_changed())
        ]

    def clean(self):
        super().clean()
        if any(self.errors) or self.ORDER_FIELD not in self.form.base_fields:
            return
        kept = self.kept_forms()
        numbers = [f.cleaned_data.get(self.ORDER_FIELD) for f in kept]
        taken = [n for n in numbers if n is not None]
        next_number = max(taken, default=0) + 1
        for form in kept:
            if form.cleaned_data.get(self.ORDER_FIELD) is None:
                form.cleaned_data[self.ORDER_FIELD] = next_number
                setattr(form.instance, self.ORDER_FIELD, next_number)
                next_number += 1
        if self.model_orders_are_unique():
            seen = {}
            for form in kept:
                number = form.cleaned_data[self.ORDER_FIELD]
                if number in seen:
                    form.add_error(
                        self.ORDER_FIELD,
                        _("Number %(number)s is used by two rows; give each row its own.")
                        % {"number": number},
                    )
                seen[number] = form

    def model_orders_are_unique(self) -> bool:
        return any(
            isinstance(constraint, models.UniqueConstraint)
            and self.ORDER_FIELD in constraint.fields
            for constraint in self.model._meta.constraints
        )

    def save(self, commit=True):
        if commit and self.model_orders_are_unique():
            moving = [
                form.instance.pk
                for form in self.initial_forms
                if form.instance.pk is not None
                and (self.ORDER_FIELD in form.changed_data or self._should_delete_form(form))
            ]
            if moving:
                self.model._default_manager.filter(pk__in=moving).update(
                    **{self.ORDER_FIELD: models.F(self.ORDER_FIELD) + self.TEMPORARY_OFFSET}
                )
        return super().save(commit=commit)


class ScopedInlineMixin(AnyOneLanguage, ScopedChoices):
    """Inlines: choices limited like their page's (the rows belong to the page's record)."""


#: A staff account working for up to this many communes finds them listed in the
#: commune filter without the region and province steps.
COMMUNES_LISTED_AT_ONCE = 12


def commune_drilldown(path: str = "commune") -> type[admin.SimpleListFilter]:
    """A commune filter for a list of ``path``'s records that never lists every commune.

    At national size a plain filter would print some 1,500 links in every
    list's sidebar. This one goes down a level at a time: the regions, then
    the provinces of the chosen region, then the communes of the chosen
    province (one parameter, ``commune=r:…``, ``p:…`` or ``c:<id>``), so each
    step offers a few dozen choices at most. A staff account is offered only
    the places of the communes it works for.
    """
    prefix = f"{path}__" if path else ""

    class CommuneDrillDown(admin.SimpleListFilter):
        title = _("commune")
        parameter_name = f"{path or 'commune'}_place"

        def lookups(self, request, model_admin):
            level, _sep, key = (self.value() or "").partition(":")
            places = scope.filter_queryset(Commune.objects.order_by(), request.user, "pk")
            if level == "c":
                commune = places.filter(pk=key).first() if key.isdigit() else None
                level, key = ("p", commune.province_ar) if commune else ("", "")
            if level == "p":
                commune = places.filter(province_ar=key).first()
                region = commune.region_ar if commune else ""
                communes = places.filter(province_ar=key).order_by("name", "pk")
                return [
                    (f"r:{region}", f"↑ {commune.region if commune else region}"),
                    (f"p:{key}", commune.province if commune else key),
                    *((f"c:{c.pk}", f"· {c.name}") for c in communes),
                ]
            if level == "r":
                provinces = (
                    places.filter(region_ar=key)
                    .values_list("province_ar", flat=True)
                    .distinct()
                    .order_by("province_ar")
                )
                return [(f"r:{key}", key), *((f"p:{p}", f"· {p}") for p in provinces if p)]
            # The few communes a staff account works for are offered at once,
            # without the steps.
            ids = scope.commune_ids(request.user)
            if ids is not None and len(ids) <= COMMUNES_LISTED_AT_ONCE:
                return [(f"c:{c.pk}", c.name) for c in places.order_by("name", "pk")]
            regions = places.values_list("region_ar", flat=True).distinct().order_by("region_ar")
            return [(f"r:{r}", r) for r in regions if r]

        def queryset(self, request, queryset):
            level, _sep, key = (self.value() or "").partition(":")
            if level == "r":
                return queryset.filter(**{f"{prefix}region_ar": key})
            if level == "p":
                return queryset.filter(**{f"{prefix}province_ar": key})
            if level == "c" and key.isdigit():
                return queryset.filter(**{f"{prefix}pk": key})
            return queryset

    return CommuneDrillDown


@admin.register(Commune)
class CommuneAdmin(CommuneScopedAdmin, TranslationAdmin):
    """Staff keep their own communes' details up to date; superusers add and remove communes.

    The name, slug, province and region decide which staff work for a commune
    (and its address): only superusers change them.
    """

    commune_path = "pk"
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

    def has_add_permission(self, request):
        return request.user.is_superuser

    def has_delete_permission(self, request, obj=None):
        return request.user.is_superuser

    def get_readonly_fields(self, request, obj=None):
        if request.user.is_superuser:
            return self.readonly_fields
        return (*self.readonly_fields, *languages.columns("name", "region", "province"), "slug")

    def get_prepopulated_fields(self, request, obj=None):
        return self.prepopulated_fields if request.user.is_superuser else {}


@admin.register(Institution)
class InstitutionAdmin(CommuneScopedAdmin, TranslationAdmin):
    commune_path = "commune"
    shared_when_empty = True
    list_display = ("name", "acronym", "kind", "commune", "country")
    list_filter = ("kind", commune_drilldown())
    list_select_related = ("commune",)
    search_fields = (*translated("name"), "acronym", "country")
    autocomplete_fields = ("commune",)
    fields = ("name", "acronym", "aliases", "kind", "commune", "country", "website", "logo")


@admin.register(Person)
class PersonAdmin(CommuneScopedAdmin, TranslationAdmin):
    commune_path = "commune"
    shared_when_empty = True
    list_display = ("full_name", "role", "institution", "commune", "illustrative")
    list_filter = ("illustrative", commune_drilldown(), "institution__kind")
    list_select_related = ("institution", "commune")
    search_fields = (*translated("full_name", "role"), "institution__acronym")
    autocomplete_fields = ("institution", "commune")
    fields = ("full_name", "aliases", "role", "institution", "commune", "illustrative")


def view_on_site(request, content_type_id, object_id):
    """The admin's "view on site" address (``/admin/r/…``), limited like the admin pages.

    Django's own answers any staff account with the address of any record,
    an unpublished one of another commune included; this one asks the
    record's admin first, so another commune's record answers 404.
    """
    content_type = get_object_or_404(ContentType, pk=content_type_id)
    model = content_type.model_class()
    model_admin = scoped_admin_of(model) if model is not None else None
    if model_admin is None:
        return contenttype_views.shortcut(request, content_type_id, object_id)
    obj = model_admin.get_object(request, object_id)
    if not model_admin.has_view_or_change_permission(request, obj):
        raise PermissionDenied
    address = model_admin.get_view_on_site_url(obj)
    if not address:
        raise Http404(_("This record has no public page."))
    return redirect(address)


# --- Accounts: superusers say which communes each staff account works for --------


class StaffScopeInline(admin.TabularInline):
    model = StaffScope
    fields = ("level", "commune", "area")
    autocomplete_fields = ("commune",)
    extra = 0
    verbose_name = _("commune, province or region of work")
    verbose_name_plural = _(
        "communes of work (a staff account that is not a superuser sees only their records)"
    )


User = get_user_model()
if admin.site.is_registered(User):
    admin.site.unregister(User)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    inlines = (*UserAdmin.inlines, StaffScopeInline)
    list_display = (*UserAdmin.list_display, "is_superuser", "works_for")

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("staff_scopes__commune")

    @admin.display(description=_("communes of work"))
    def works_for(self, obj):
        return ", ".join(str(scope) for scope in obj.staff_scopes.all()) or "—"


# --- e-mails ---------------------------------------------------------------

# The task queue's own rows are the machinery behind the e-mails below, in
# English only and with their arguments raw: staff follow the e-mails instead.
if admin.site.is_registered(DBTaskResult):
    admin.site.unregister(DBTaskResult)

REQUEUED = ngettext_lazy(
    "%(count)d e-mail will be sent again.", "%(count)d e-mails will be sent again.", "count"
)


def _send_again(email: OutgoingEmail) -> bool:
    if not email.requeue():
        return False
    mail.schedule(email)
    return True


@admin.action(description=_("Send the selected e-mails again"), permissions=["change"])
def send_again(modeladmin, request, queryset):
    act_on_each(modeladmin, request, queryset.unsent(), _send_again, REQUEUED)


@admin.register(OutgoingEmail)
class OutgoingEmailAdmin(CommuneScopedAdmin):
    """What the site has e-mailed, and what is still waiting or has failed.

    Read only: an e-mail is written by the action that sends it. Staff may
    send failed ones again once the mail server is back. Staff see the
    e-mails about their communes' records; account e-mails (sign-up,
    password) belong to no commune and only superusers see them.
    """

    commune_path = "commune"

    list_display = ("created_at", "to", "subject", "status", "attempts", "next_attempt_at")
    list_select_related = ("commune",)
    list_filter = ("status", "kind", "language", "commune")
    search_fields = ("to", "subject")
    date_hierarchy = "created_at"
    actions = [send_again]
    fields = (
        "to",
        "subject",
        "body",
        "kind",
        "language",
        "commune",
        "status",
        "attempts",
        "created_at",
        "last_attempt_at",
        "next_attempt_at",
        "sent_at",
        "last_error",
    )
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        # The list's action needs "change"; an e-mail itself is never edited.
        return obj is None and super().has_change_permission(request)
