"""Pieces shared by the public list filters."""

from functools import reduce
from operator import or_

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def text_search(
    queryset, value: str, translated: tuple[str, ...] = (), plain: tuple[str, ...] = ()
):
    """Rows where `value` appears in any language version of `translated` or in `plain`."""
    value = (value or "").strip()
    if not value:
        return queryset
    languages = [code for code, _name in settings.LANGUAGES]
    lookups = [Q(**{f"{field}__icontains": value}) for field in plain]
    for field in translated:
        lookups.extend(Q(**{f"{field}_{code}__icontains": value}) for code in languages)
    return queryset.filter(reduce(or_, lookups))


def yes_no_select(yes_label, no_label):
    return forms.Select(choices=[("", _("All")), ("true", yes_label), ("false", no_label)])
