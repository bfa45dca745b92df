import django_filters
from django.utils.translation import gettext_lazy as _

from portal.filters import TextSearchFilter
from portal.lookups import Lookup, LookupFilter, commune_filter

from .models import Meeting, MeetingSeries


def meeting_label(meeting) -> str:
    return f"{meeting.title} ({meeting.start_date:%Y-%m-%d})"


MEETINGS = Lookup(
    key="meetings",
    queryset=Meeting.objects.published,
    search_fields=Meeting.search_fields,
    describe=meeting_label,
    order_by=("-start_date", "pk"),
    not_found=_("No published meeting matches “%(text)s”. Try other words from its title."),
    ambiguous=_("Several meetings match “%(text)s”: choose one below."),
)

SERIES = Lookup(
    key="series",
    queryset=MeetingSeries.objects.all,
    search_fields=("title",),
    not_found=_("No series of meetings matches “%(text)s”. Try other words from its title."),
    ambiguous=_("Several series of meetings match “%(text)s”: choose one below."),
)


class MeetingFilter(django_filters.FilterSet):
    q = TextSearchFilter(label=_("Keyword"), fields=Meeting.search_fields)
    commune = commune_filter()
    kind = django_filters.ChoiceFilter(
        label=_("Kind"), choices=Meeting.Kind.choices, empty_label=_("All kinds")
    )
    series = LookupFilter(label=_("Series"), lookup=SERIES)

    class Meta:
        model = Meeting
        fields = ["q", "commune", "kind", "series"]
