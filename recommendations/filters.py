import django_filters
from django.utils.translation import gettext_lazy as _

from meetings.filters import MEETINGS
from portal.filters import TextSearchFilter, yes_no_select
from portal.lookups import INSTITUTIONS, LookupFilter, commune_filter

from .models import Recommendation, Theme


class RecommendationFilter(django_filters.FilterSet):
    q = TextSearchFilter(label=_("Keyword"), fields=Recommendation.search_fields)
    commune = commune_filter("meeting__commune")
    meeting = LookupFilter(label=_("Meeting"), lookup=MEETINGS)
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Recommendation.Status.choices, empty_label=_("All statuses")
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        empty_label=_("All themes"),
    )
    addressed_to = LookupFilter(label=_("Addressed to"), lookup=INSTITUTIONS)
    overdue = django_filters.BooleanFilter(
        label=_("Due date"),
        method="filter_overdue",
        widget=yes_no_select(_("Overdue only"), _("Not overdue")),
    )

    class Meta:
        model = Recommendation
        fields = ["q", "commune", "meeting", "status", "theme", "addressed_to", "overdue"]

    def filter_overdue(self, queryset, name, value):
        if value is None:
            return queryset
        overdue = queryset.overdue()
        return overdue if value else queryset.exclude(pk__in=overdue.values("pk"))
