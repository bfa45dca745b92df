import django_filters
from django.utils.translation import gettext_lazy as _

from portal.filters import TextSearchFilter, commune_filter

from .models import Meeting, MeetingSeries


class MeetingFilter(django_filters.FilterSet):
    q = TextSearchFilter(label=_("Keyword"), fields=Meeting.search_fields)
    commune = commune_filter()
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Meeting.Kind.choices, empty_label=_("All kinds")
    )
    series = django_filters.ModelChoiceFilter(
        label=_("Series"),
        queryset=MeetingSeries.objects.all(),
        to_field_name="slug",
        empty_label=_("All series"),
    )

    class Meta:
        model = Meeting
        fields = ["q", "commune", "kind", "series"]
