"""Pieces shared by the public list filters."""

import django_filters
from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from .search import MAX_QUERY_LENGTH, filter_queryset_by_text
from .text import query_terms


def validate_search_query(value: str) -> None:
    """Refuse a query that is too long, or that has no word to look for."""
    if len(value) > MAX_QUERY_LENGTH:
        raise ValidationError(
            _("Your search is too long. Please use at most %(max)d characters."),
            code="too_long",
            params={"max": MAX_QUERY_LENGTH},
        )
    if value.strip() and not query_terms(value):
        raise ValidationError(_("Please type at least one word to search for."), code="no_words")


class TextSearchFilter(django_filters.CharFilter):
    """The `q` box of a list: the site search's Arabic-aware matching, within the list.

    `fields` are field names of the list's model; translated fields are searched
    in every language (see `portal.search.filter_queryset_by_text`). A query that
    is too long or has no word makes the filter form invalid: the list page shows
    the message next to the box, and the search is not applied.
    """

    def __init__(self, *args, fields, **kwargs):
        self.search_fields = list(fields)
        kwargs.setdefault("validators", [validate_search_query])
        kwargs.setdefault("widget", forms.SearchInput(attrs={"maxlength": MAX_QUERY_LENGTH}))
        super().__init__(*args, **kwargs)

    def filter(self, qs, value):
        if not value:
            return qs
        return filter_queryset_by_text(qs, self.search_fields, value)


def yes_no_select(yes_label, no_label):
    return forms.Select(choices=[("", _("All")), ("true", yes_label), ("false", no_label)])
