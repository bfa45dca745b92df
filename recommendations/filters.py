import django_filters
from django.utils.translation import gettext_lazy as _

from meetings.models import Meeting
from portal.filters import TextSearchFilter, commune_filter, yes_no_select
from portal.models import Institution

from .models import Recommendation, Theme


class RecommendationFilter(django_filters.FilterSet):
    q = TextSearchFilter(label=_("Keyword"), fields=Recommendation.search_fields)
    commune = commune_filter("meeting__commune")
    meeting = django_filters.ModelChoiceFilter(
        label=_("Meeting"),
        queryset=Meeting.objects.published(),
        to_field_name="slug",
        empty_label=_("All meetings"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Recommendation.Status.choices, empty_label=_("All statuses")
    )
    theme = django_filters.ModelChoiceFilter(
        label=_("Theme"),
        queryset=Theme.objects.all(),
        to_field_name="slug",
        empty_label=_("All themes"),
    )
    addressed_to = django_filters.ModelChoiceFilter(
        label=_("Addressed to"),
        queryset=Institution.objects.filter(
            recommendations__published=True, recommendations__meeting__published=True
        ).distinct(),
        empty_label=_("All institutions"),
    )
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
