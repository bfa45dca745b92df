"""Who changed what and when: versions of records (django-reversion) and their differences.

Each save in the back office stores a version of the record, and of the
parts it follows (a meeting's sessions, speeches, stops…), with who saved it.
The history page of a record lists its versions, newest first, each with the
fields that changed since the version before it (old and new value) and the
parts that were added, removed or changed. Only superusers restore a version
(or a deleted record): a restore can delete the parts added since.
"""

from dataclasses import dataclass, field

import reversion
from django.contrib.admin.utils import quote, unquote
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import models
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import formats
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from modeltranslation.translator import translator
from reversion.admin import VersionAdmin
from reversion.models import Version

#: Fields that say nothing a person changed (derived or automatic).
UNTRACKED_FIELDS = {"search_text", "created_at", "updated_at"}
VERSIONS_PER_PAGE = 20


@dataclass
class FieldChange:
    label: str
    old: str
    new: str


@dataclass
class PartChange:
    kind: str  # the part's model, e.g. "speech"
    name: str
    action: str  # added, removed, changed
    changes: list[FieldChange] = field(default_factory=list)


@dataclass
class HistoryEntry:
    version: Version
    changes: list[FieldChange]
    parts: list[PartChange]
    first: bool
    restore_url: str | None = None


def tracked_fields(model) -> list:
    untracked = set(UNTRACKED_FIELDS)
    if model in translator.get_registered_models():
        # A translated field's own column repeats one language's: each
        # language's column (title_ar, title_fr…) is shown instead.
        untracked |= set(translator.get_options_for_model(model).fields)
    return [
        f
        for f in [*model._meta.concrete_fields, *model._meta.many_to_many]
        if f.editable and not f.primary_key and f.name not in untracked
    ]


def display(model_field, value) -> str:
    """A stored value as a person reads it: a choice's label, a record's name, a date."""
    if value in (None, "", []):
        return "—"
    if model_field.many_to_many:
        related = model_field.related_model._base_manager.filter(pk__in=value)
        return ", ".join(str(obj) for obj in related) or "—"
    if model_field.is_relation:
        obj = model_field.related_model._base_manager.filter(pk=value).first()
        return str(obj) if obj is not None else _("#%(id)s (deleted)") % {"id": value}
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.BooleanField):
        return _("Yes") if value else _("No")
    if isinstance(value, models.fields.files.FieldFile) or isinstance(
        model_field, models.FileField
    ):
        return str(getattr(value, "name", value))
    return str(formats.localize(value))


def field_changes(model, old: dict, new: dict) -> list[FieldChange]:
    changes = []
    for model_field in tracked_fields(model):
        key = model_field.attname
        before, after = old.get(key), new.get(key)
        if model_field.many_to_many:
            before, after = sorted(before or []), sorted(after or [])
        if before == after or (before in (None, "") and after in (None, "")):
            continue
        changes.append(
            FieldChange(
                label=capfirst(str(model_field.verbose_name)),
                old=display(model_field, before),
                new=display(model_field, after),
            )
        )
    return changes


def _safe_field_dict(version) -> dict:
    # A version stored before a field existed (or after one was removed)
    # cannot always be read back; its differences are then left out.
    try:
        return version.field_dict
    except Exception:  # noqa: BLE001 (reversion raises several kinds)
        return {}


def part_changes(main: Version, previous: Version | None) -> list[PartChange]:
    """The followed parts added, removed or changed between two revisions of a record."""

    def parts_of(version):
        if version is None:
            return {}
        return {
            (part.content_type_id, part.object_id): part
            for part in version.revision.version_set.select_related("content_type")
            if (part.content_type_id, part.object_id) != (main.content_type_id, main.object_id)
        }

    now, before = parts_of(main), parts_of(previous)
    result = []
    for key, part in now.items():
        model = part.content_type.model_class()
        if model is None:
            continue
        kind = capfirst(str(model._meta.verbose_name))
        if key not in before:
            if previous is not None:
                result.append(PartChange(kind, part.object_repr, _("added")))
            continue
        changes = field_changes(model, _safe_field_dict(before[key]), _safe_field_dict(part))
        if changes:
            result.append(PartChange(kind, part.object_repr, _("changed"), changes))
    for key, part in before.items():
        if key not in now:
            model = part.content_type.model_class()
            kind = capfirst(str(model._meta.verbose_name)) if model else ""
            result.append(PartChange(kind, part.object_repr, _("removed")))
    return result


class HistoryAdmin(VersionAdmin):
    """Versions on every save; a history page with differences; restores by superusers."""

    object_history_template = "admin/sharaka/object_history.html"
    change_list_template = "admin/sharaka/change_list.html"
    history_latest_first = True

    def history_view(self, request, object_id, extra_context=None):
        obj = self.get_object(request, unquote(object_id))
        if not self.has_view_or_change_permission(request, obj):
            raise PermissionDenied
        versions = (
            Version.objects.get_for_object(obj)
            .select_related("revision__user", "content_type")
            .order_by("-revision__date_created", "-pk")
        )
        paginator = Paginator(versions, VERSIONS_PER_PAGE)
        page = paginator.get_page(request.GET.get("p"))
        # The version before the oldest on this page, to compare it with.
        start = page.start_index() if paginator.count else 0
        window = list(versions[max(start - 1, 0) : start - 1 + VERSIONS_PER_PAGE + 1])
        opts = self.model._meta
        entries = []
        for index, version in enumerate(window[: len(page.object_list)]):
            previous = window[index + 1] if index + 1 < len(window) else None
            old = _safe_field_dict(previous) if previous else {}
            entry = HistoryEntry(
                version=version,
                changes=field_changes(self.model, old, _safe_field_dict(version)),
                parts=part_changes(version, previous),
                first=previous is None,
            )
            if request.user.is_superuser:
                entry.restore_url = reverse(
                    f"{self.admin_site.name}:{opts.app_label}_{opts.model_name}_revision",
                    args=(quote(version.object_id), version.pk),
                )
            entries.append(entry)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Change history: %s") % obj,
            "subtitle": None,
            "entries": entries,
            "page_obj": page,
            "module_name": str(capfirst(opts.verbose_name_plural)),
            "object": obj,
            "opts": opts,
            "app_label": opts.app_label,
            "preserved_filters": self.get_preserved_filters(request),
            **(extra_context or {}),
        }
        request.current_app = self.admin_site.name
        return TemplateResponse(request, self.object_history_template, context)

    # Restoring a version (or a deleted record) is for superusers only.

    def revision_view(self, request, object_id, version_id, extra_context=None):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().revision_view(request, object_id, version_id, extra_context)

    def recover_view(self, request, version_id, extra_context=None):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().recover_view(request, version_id, extra_context)

    def recoverlist_view(self, request, extra_context=None):
        if not request.user.is_superuser:
            raise PermissionDenied
        return super().recoverlist_view(request, extra_context)


def register(model, follow: tuple[str, ...] = ()) -> None:
    """Keep versions of ``model`` and, in each, of the parts named by ``follow``.

    Registering again replaces the earlier registration, so an app above can
    add its own parts to a record of an app below (a meeting's recommendations).
    """
    if reversion.is_registered(model):
        reversion.unregister(model)
    exclude = [f.name for f in model._meta.concrete_fields if f.name == "search_text"]
    reversion.register(model, follow=follow, exclude=exclude)
