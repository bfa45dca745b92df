import django_filters
from django.utils.translation import gettext_lazy as _

from portal.filters import TextSearchFilter, yes_no_select
from portal.lookups import commune_filter

from .models import Association, FieldOfActivity


class AssociationFilter(django_filters.FilterSet):
    q = TextSearchFilter(label=_("Name or keyword"), fields=Association.search_fields)
    commune = commune_filter()
    field = django_filters.ModelChoiceFilter(
        label=_("Field of activity"),
        field_name="fields_of_activity",
        queryset=FieldOfActivity.objects.all(),
        to_field_name="slug",
        empty_label=_("All fields"),
    )
    verified = django_filters.BooleanFilter(
        label=_("Verified by staff"),
        widget=yes_no_select(_("Verified only"), _("Not verified")),
    )

    class Meta:
        model = Association
        fields = ["q", "commune", "field", "verified"]
