import django_filters
from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from portal.filters import TextSearchFilter
from portal.lookups import commune_filter

from .models import Petition

#: The public list's status filter: every status but the private draft.
PUBLIC_STATUSES = [
    (value, label) for value, label in Petition.Status.choices if value != Petition.Status.DRAFT
]


class PetitionFilter(django_filters.FilterSet):
    q = TextSearchFilter(label=_("Keyword"), fields=Petition.search_fields)
    commune = commune_filter("commune")
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=PUBLIC_STATUSES, empty_label=_("All statuses")
    )
    filer_kind = django_filters.ChoiceFilter(
        label=_("Filed by"), choices=Petition.FilerKind.choices, empty_label=_("Anyone")
    )
    deadline = django_filters.ChoiceFilter(
        label=_("Answer"),
        method="filter_deadline",
        empty_label=_("All"),
        choices=[
            ("awaiting", _("Awaiting an answer, within the deadline")),
            ("overdue", _("Overdue")),
            ("answered", _("Answered")),
        ],
        widget=forms.Select,
    )

    class Meta:
        model = Petition
        fields = ["q", "commune", "status", "filer_kind", "deadline"]

    def filter_deadline(self, queryset, name, value):
        today = timezone.localdate()
        if value == "awaiting":
            return queryset.awaiting_answer().filter(due_on__gte=today)
        if value == "overdue":
            return queryset.overdue(today)
        if value == "answered":
            return queryset.filter(decided_on__isnull=False)
        return queryset
