"""The development map's filters: commune, plan, sector and status.

One small form serves both the HTML page (rendered as a GET form) and the
GeoJSON endpoint (where an invalid value is a 400 with the form's message).
Communes, plans and sectors are named by their slugs, as on the projects
list and in the exports: ``?commune=guelmim`` means the same everywhere.
"""

from django import forms
from django.utils.translation import gettext_lazy as _

from portal.lookups import COMMUNES, LookupField
from projects.filters import PLANS
from projects.models import Project, Sector

FILTER_NAMES = ("commune", "plan", "sector", "status")


class MapFilterForm(forms.Form):
    # Communes and plans are typed, not picked from a list of thousands
    # (see portal.lookups).
    commune = LookupField(label=_("Commune"), lookup=COMMUNES)
    plan = LookupField(label=_("Development plan"), lookup=PLANS)
    sector = forms.ModelChoiceField(
        label=_("Sector"),
        queryset=Sector.objects.all(),
        to_field_name="slug",
        required=False,
        empty_label=_("All sectors"),
        error_messages={"invalid_choice": _("Unknown sector: choose one from the list.")},
    )
    status = forms.ChoiceField(
        label=_("Status"),
        choices=[("", _("All statuses")), *Project.Status.choices],
        required=False,
        error_messages={"invalid_choice": _("Unknown status: choose one from the list.")},
    )

    def filter(self, queryset):
        """Narrow a queryset of projects by the valid, non-empty filters."""
        data = self.cleaned_data
        if data.get("commune"):
            queryset = queryset.filter(commune=data["commune"])
        if data.get("plan"):
            queryset = queryset.filter(plan=data["plan"])
        if data.get("sector"):
            queryset = queryset.filter(sector=data["sector"])
        if data.get("status"):
            queryset = queryset.filter(status=data["status"])
        return queryset

    def normalised(self) -> dict[str, str]:
        """The active filters as strings, for cache keys and query strings."""
        result = {}
        for name in FILTER_NAMES:
            value = self.cleaned_data.get(name)
            if value:
                result[name] = getattr(value, "slug", value)
        return result

    def first_error(self) -> str:
        for errors in self.errors.values():
            return str(errors[0])
        return ""


def filter_form(query) -> MapFilterForm:
    """A bound filter form reading only the filter parameters of a query string."""
    return MapFilterForm({name: query.get(name, "") for name in FILTER_NAMES})
