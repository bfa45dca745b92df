import django_filters
from django.utils.translation import gettext_lazy as _

from portal.filters import TextSearchFilter, commune_filter

from .models import DevelopmentPlan, Project, Sector


class ProjectFilter(django_filters.FilterSet):
    q = TextSearchFilter(label=_("Title or keyword"), fields=Project.search_fields)
    commune = commune_filter()
    plan = django_filters.ModelChoiceFilter(
        label=_("Development plan"),
        queryset=DevelopmentPlan.objects.select_related("commune"),
        to_field_name="slug",
        empty_label=_("All plans"),
    )
    sector = django_filters.ModelChoiceFilter(
        label=_("Sector"),
        queryset=Sector.objects.all(),
        to_field_name="slug",
        empty_label=_("All sectors"),
    )
    status = django_filters.ChoiceFilter(
        label=_("Status"), choices=Project.Status.choices, empty_label=_("All statuses")
    )

    class Meta:
        model = Project
        fields = ["q", "commune", "plan", "sector", "status"]
