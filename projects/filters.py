import django_filters
from django.utils.translation import gettext_lazy as _

from portal.filters import TextSearchFilter
from portal.lookups import Lookup, LookupFilter, commune_filter

from .models import DevelopmentPlan, Project, Sector


def plan_label(plan) -> str:
    # Every commune has its "PAC 2022–2027": the commune tells them apart.
    return f"{plan.commune} — {plan}"


PLANS = Lookup(
    key="plans",
    queryset=lambda: DevelopmentPlan.objects.select_related("commune"),
    search_fields=("title", "commune__name_ar", "commune__name_fr", "commune__name_en"),
    describe=plan_label,
    not_found=_(
        "No development plan matches “%(text)s”. Type the name of its commune, or part of it."
    ),
    ambiguous=_("Several development plans match “%(text)s”: choose one below."),
)


class ProjectFilter(django_filters.FilterSet):
    q = TextSearchFilter(label=_("Title or keyword"), fields=Project.search_fields)
    commune = commune_filter()
    plan = LookupFilter(label=_("Development plan"), lookup=PLANS)
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
