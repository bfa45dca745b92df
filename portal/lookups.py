"""Filters whose choices grow with the data: a text box resolved on the server.

A list filtered by commune cannot offer 1,500 communes in a drop-down, nor a
tracker every meeting of the country. Such a filter is a text box instead:
the visitor types a name (in any language, spelled any way the site search
accepts) or the record's short code, and the server finds the record:

* the short code (a slug, or an institution's number) picks it at once, so
  every link that filters (``?commune=guelmim``) keeps working;
* otherwise the words are looked for in the record's names: one match is
  the filter; several are offered as links to choose from; none is an error
  in the visitor's language, and the list is shown unfiltered.

Where JavaScript runs, ``static/js/suggest.js`` turns the box into
search-as-you-type from the site's suggestion addresses (``portal/site``),
which answer with the same :class:`Lookup`.
"""

import re

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.urls import reverse_lazy
from django.utils.translation import gettext_lazy as _

from .models import Commune, Institution
from .search import MAX_QUERY_LENGTH, filter_queryset_by_text
from .text import query_terms

#: Candidates offered when a name matches several records.
MAX_CANDIDATES = 8
#: Suggestions answered while the visitor types.
MAX_SUGGESTIONS = 10

# A name has at least one letter: "17" is nobody's name, only a wrong code.
_LETTER = re.compile(r"[^\W\d_]")


class Lookup:
    """How a filter finds a record from what a visitor typed.

    ``queryset``: a callable giving the records one may pick; ``to_field``:
    the short code in addresses; ``search_fields``: the names looked in
    (translated fields in every language); ``key``: the kind's name in the
    suggestion address; ``describe``: a record's label in suggestions and
    candidates (``str`` by default); ``not_found`` and ``ambiguous``: whole
    sentences with a ``%(text)s`` placeholder, the field's messages.
    """

    def __init__(
        self,
        *,
        key,
        queryset,
        search_fields,
        not_found,
        ambiguous,
        to_field="slug",
        describe=str,
        order_by=(),
    ):
        self.key = key
        self.not_found = not_found
        self.ambiguous = ambiguous
        self._queryset = queryset
        self.search_fields = list(search_fields)
        self.to_field = to_field
        self.describe = describe
        self.order_by = order_by

    def queryset(self):
        return self._queryset()

    def by_code(self, value: str):
        if self.to_field == "pk" and not value.isdigit():
            return None
        return self.queryset().filter(**{self.to_field: value}).first()

    def matching(self, text: str):
        """Records whose names hold every word of ``text``, in the lookup's order."""
        if not _LETTER.search(text) or not query_terms(text):
            return self.queryset().none()
        queryset = filter_queryset_by_text(self.queryset(), self.search_fields, text)
        return queryset.order_by(*self.order_by) if self.order_by else queryset

    def code(self, obj) -> str:
        return str(getattr(obj, self.to_field))

    def choices(self, records) -> list[dict]:
        return [{"value": self.code(obj), "label": self.describe(obj)} for obj in records]


class LookupField(forms.CharField):
    """A text box that resolves to one record of ``lookup`` (see the module's notes).

    After ``clean()``, ``candidates`` holds the choices offered when the text
    named several records, and ``resolved`` the record found.
    """

    widget = forms.TextInput

    def __init__(self, *, lookup: Lookup, **kwargs):
        self.lookup = lookup
        self.candidates: list[dict] = []
        self.resolved = None
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", MAX_QUERY_LENGTH)
        super().__init__(**kwargs)

    def widget_attrs(self, widget):
        attrs = super().widget_attrs(widget)
        attrs.update(
            {
                "autocomplete": "off",
                "spellcheck": "false",
                # The site layer serves the suggestions (portal/site/suggest.py).
                "data-suggest-url": reverse_lazy("portal:suggest", args=[self.lookup.key]),
            }
        )
        return attrs

    def clean(self, value):
        text = super().clean(value)
        self.candidates, self.resolved = [], None
        if not text:
            return None
        found = self.lookup.by_code(text)
        if found is None:
            matches = list(self.lookup.matching(text)[: MAX_CANDIDATES + 1])
            if len(matches) == 1:
                found = matches[0]
            elif matches:
                self.candidates = self.lookup.choices(matches[:MAX_CANDIDATES])
                raise ValidationError(
                    self.lookup.ambiguous, code="ambiguous", params={"text": text}
                )
            else:
                raise ValidationError(
                    self.lookup.not_found, code="not_found", params={"text": text}
                )
        self.resolved = found
        return found

    @property
    def resolved_label(self) -> str:
        return self.lookup.describe(self.resolved) if self.resolved is not None else ""


class LookupFilter(django_filters.Filter):
    """A django-filter filter on a :class:`LookupField`."""

    field_class = LookupField

    def filter(self, qs, value):
        if value is None:
            return qs
        return qs.filter(**{self.field_name: value})


def commune_label(commune) -> str:
    """A commune's name with its province: several communes share a name."""
    return f"{commune.name} — {commune.province}" if commune.province else commune.name


COMMUNES = Lookup(
    key="communes",
    queryset=Commune.objects.all,
    search_fields=("name",),
    describe=commune_label,
    not_found=_("No commune is named “%(text)s”. Check the spelling, or type only part of it."),
    ambiguous=_("Several communes match “%(text)s”: choose one below."),
)

INSTITUTIONS = Lookup(
    key="institutions",
    queryset=Institution.objects.all,
    search_fields=("name", "acronym"),
    to_field="pk",
    not_found=_("No institution is named “%(text)s”. Check the spelling, or type only part of it."),
    ambiguous=_("Several institutions match “%(text)s”: choose one below."),
)


def commune_filter(field_name: str = "commune") -> LookupFilter:
    """The commune of every public list, named by its slug (``?commune=guelmim``) or typed."""
    return LookupFilter(label=_("Commune"), field_name=field_name, lookup=COMMUNES)
