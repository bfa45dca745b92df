"""Admin location picker: latitude and longitude stay plain inputs, editable
by hand, and a map next to them fills both with a click."""

from django import forms
from django.conf import settings
from django.utils.html import format_html
from django.utils.translation import gettext as _

from portal.geo import MOROCCO_BOUNDS

from .models import Project


class LocationPickerWidget(forms.NumberInput):
    """The longitude input followed by a map that writes into both inputs.

    Put it on the longitude field; `latitude_name` names the sibling field
    (its input id is derived from this one's, so form prefixes work).
    """

    def __init__(self, attrs=None, latitude_name="latitude"):
        self.latitude_name = latitude_name
        super().__init__(attrs={"step": "0.000001", **(attrs or {})})

    @property
    def media(self):
        return forms.Media(
            css={"all": ["vendor/leaflet/leaflet.css", "css/map.css"]},
            js=["vendor/leaflet/leaflet.js", "js/leaflet-setup.js", "js/location-picker.js"],
        )

    def render(self, name, value, attrs=None, renderer=None):
        attrs = {**(attrs or {})}
        longitude_id = attrs.get("id") or f"id_{name}"
        attrs["id"] = longitude_id
        field_name = name.rsplit("-", 1)[-1]
        latitude_id = longitude_id[: len(longitude_id) - len(field_name)] + self.latitude_name
        field = super().render(name, value, attrs, renderer)
        picker = format_html(
            '<div class="location-picker" role="region" aria-label="{label}"'
            ' data-latitude-input="{lat}" data-longitude-input="{lng}"'
            ' data-default-bounds="{bounds}" data-tile-url="{tile_url}"'
            ' data-tile-attribution="{attribution}" data-label-marker="{marker}"></div>'
            '<p class="location-picker-help">{help}</p>',
            label=_("Map to pick the project's location"),
            lat=latitude_id,
            lng=longitude_id,
            bounds=",".join(str(edge) for edge in MOROCCO_BOUNDS),  # where a new project starts
            tile_url=settings.MAP_TILE_URL,
            attribution=settings.MAP_TILE_ATTRIBUTION,
            marker=_("Project location: drag to move"),
            help=_(
                "Click the map to fill in the latitude and longitude, or type them: "
                "the marker follows."
            ),
        )
        return field + picker


class ProjectLocationForm(forms.ModelForm):
    """Base form for the Project admin: the location picker on the coordinates."""

    class Meta:
        model = Project
        # The admin's fieldsets choose which fields show; a narrower list here
        # would hide the rest of the project from the admin's change form.
        fields = "__all__"  # noqa: DJ007
        widgets = {
            "latitude": forms.NumberInput(attrs={"step": "0.000001"}),
            "longitude": LocationPickerWidget(),
        }
