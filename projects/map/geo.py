"""GeoJSON for the development map: bounding boxes, grid clustering, features.

Coordinates follow RFC 7946: every position is [longitude, latitude].

With many projects in view, points are grouped on the server into a grid
whose cell size follows the zoom level. The grouping is one SQL aggregation
(GROUP BY the cell, COUNT, AVG), so a country-wide view of 20,000 projects
never brings 20,000 rows into Python.
"""

import json
import math
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Avg, Count, F, FloatField, Max, Min, QuerySet
from django.db.models.functions import Cast, Floor
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from portal import languages

# A cell is about a quarter of a 256-pixel tile: ~64 pixels on screen.
CELLS_PER_TILE = 4
# Whatever bbox and zoom a client sends, a response never has more cells
# than this along each axis: the cell grows by powers of two instead.
MAX_CELLS_PER_AXIS = 40
MIN_ZOOM, MAX_ZOOM = 0, 22
DEFAULT_ZOOM = 6
COORDINATE_DECIMALS = 5  # about one metre


class InvalidParameter(ValueError):
    """A query parameter the map cannot use; the message is for the visitor."""


@dataclass(frozen=True)
class BBox:
    min_lon: float
    min_lat: float
    max_lon: float
    max_lat: float

    @property
    def width(self) -> float:
        return self.max_lon - self.min_lon

    @property
    def height(self) -> float:
        return self.max_lat - self.min_lat

    def as_list(self) -> list[float]:
        return [self.min_lon, self.min_lat, self.max_lon, self.max_lat]

    def filter(self, queryset: QuerySet) -> QuerySet:
        return queryset.filter(
            longitude__gte=self.min_lon,
            longitude__lte=self.max_lon,
            latitude__gte=self.min_lat,
            latitude__lte=self.max_lat,
        )


WORLD = BBox(-180.0, -90.0, 180.0, 90.0)


def parse_bbox(value: str | None) -> BBox | None:
    """Read `minLon,minLat,maxLon,maxLat`; None when absent."""
    if value is None or value.strip() == "":
        return None
    parts = value.split(",")
    if len(parts) != 4:
        raise InvalidParameter(
            _(
                "The bbox must be four numbers: west, south, east, north "
                "(minLon,minLat,maxLon,maxLat)."
            )
        )
    try:
        numbers = [float(part) for part in parts]
    except ValueError:
        raise InvalidParameter(_("The bbox must contain only numbers.")) from None
    if not all(math.isfinite(n) for n in numbers):
        raise InvalidParameter(_("The bbox must contain only numbers."))
    min_lon, min_lat, max_lon, max_lat = (round(n, 6) for n in numbers)
    if not (-180 <= min_lon <= 180 and -180 <= max_lon <= 180):
        raise InvalidParameter(_("Bbox longitudes must be between -180 and 180."))
    if not (-90 <= min_lat <= 90 and -90 <= max_lat <= 90):
        raise InvalidParameter(_("Bbox latitudes must be between -90 and 90."))
    if min_lon > max_lon or min_lat > max_lat:
        raise InvalidParameter(
            _("In the bbox, the west and south edges must not exceed the east and north edges.")
        )
    return BBox(min_lon, min_lat, max_lon, max_lat)


def parse_zoom(value: str | None) -> int:
    if value is None or value.strip() == "":
        return DEFAULT_ZOOM
    try:
        zoom = int(value)
    except ValueError:
        raise InvalidParameter(_("The zoom must be a whole number.")) from None
    if not MIN_ZOOM <= zoom <= MAX_ZOOM:
        raise InvalidParameter(
            _("The zoom must be between %(min)d and %(max)d.") % {"min": MIN_ZOOM, "max": MAX_ZOOM}
        )
    return zoom


def cell_size(zoom: int, bbox: BBox) -> float:
    """Grid cell in degrees: a fixed fraction of a tile at this zoom.

    The grid is anchored at (0, 0), so panning at one zoom level keeps every
    cluster where it was. Only a bbox far larger than its zoom implies gets
    coarser cells, by powers of two, to bound the number of clusters.
    """
    size = 360 / (2**zoom) / CELLS_PER_TILE
    while max(bbox.width, bbox.height) / size > MAX_CELLS_PER_AXIS:
        size *= 2
    return size


def _localized(row: dict, field: str) -> str:
    """The current language's text, falling back like modeltranslation does."""
    fallbacks = settings.MODELTRANSLATION_FALLBACK_LANGUAGES
    for language in [get_language() or settings.LANGUAGE_CODE, *fallbacks]:
        value = row.get(f"{field}_{language.split('-')[0]}")
        if value:
            return value
    return ""


def _text_fields(prefix: str, name: str) -> list[str]:
    return languages.columns(name, prefix=prefix)


def _point(lon, lat) -> dict:
    return {
        "type": "Point",
        "coordinates": [
            round(float(lon), COORDINATE_DECIMALS),
            round(float(lat), COORDINATE_DECIMALS),
        ],
    }


def project_features(queryset: QuerySet) -> list[dict]:
    """One Point feature per project, with the properties the popup shows."""
    fields = [
        "id",
        "slug",
        "status",
        "progress",
        "latitude",
        "longitude",
        *_text_fields("", "title"),
        *_text_fields("sector__", "name"),
    ]
    features = []
    for row in queryset.order_by("pk").values(*fields):
        features.append(
            {
                "type": "Feature",
                "id": row["id"],
                "geometry": _point(row["longitude"], row["latitude"]),
                "properties": {
                    "id": row["id"],
                    "title": _localized(row, "title"),
                    "status": row["status"],
                    "sector": _localized(row, "sector__name"),
                    "progress": row["progress"],
                    # Same URL as Project.get_absolute_url(), without a model instance.
                    "url": reverse("projects:detail", kwargs={"slug": row["slug"]}),
                },
            }
        )
    return features


def cluster_features(queryset: QuerySet, cell: float) -> list[dict]:
    """Grid clusters computed in the database; lone projects stay plain points."""
    cells = (
        queryset.order_by()
        .annotate(
            cell_x=Floor(Cast(F("longitude"), FloatField()) / cell),
            cell_y=Floor(Cast(F("latitude"), FloatField()) / cell),
        )
        .values("cell_x", "cell_y")
        .annotate(
            count=Count("pk"),
            lon=Avg(Cast(F("longitude"), FloatField())),
            lat=Avg(Cast(F("latitude"), FloatField())),
            min_lon=Min("longitude"),
            min_lat=Min("latitude"),
            max_lon=Max("longitude"),
            max_lat=Max("latitude"),
            some_pk=Min("pk"),
        )
        .order_by("cell_y", "cell_x")
    )
    features = []
    lone_pks = []
    for group in cells:
        if group["count"] == 1:
            lone_pks.append(group["some_pk"])
            continue
        features.append(
            {
                "type": "Feature",
                "geometry": _point(group["lon"], group["lat"]),
                "bbox": [
                    round(float(group[key]), COORDINATE_DECIMALS)
                    for key in ("min_lon", "min_lat", "max_lon", "max_lat")
                ],
                "properties": {"cluster": True, "count": group["count"]},
            }
        )
    if lone_pks:
        features.extend(project_features(queryset.filter(pk__in=lone_pks)))
    return features


def feature_collection(queryset: QuerySet, *, count: int, bbox: BBox | None, zoom: int) -> dict:
    """The map's answer for the projects in view (`queryset`, already narrowed
    to the filters and the bbox).

    `count` is the number of projects in `queryset`, already known to the
    caller (it is part of the data version).
    """
    if count > settings.MAP_CLUSTER_THRESHOLD:
        features = cluster_features(queryset, cell_size(zoom, bbox or WORLD))
        clustered = True
    else:
        features = project_features(queryset)
        clustered = False
    collection = {"type": "FeatureCollection", "features": features}
    # Foreign members (RFC 7946 §6.1): how many projects matched, and whether grouped.
    collection["total"] = count
    collection["clustered"] = clustered
    return collection


def dumps(collection: dict) -> str:
    return json.dumps(collection, ensure_ascii=False, separators=(",", ":"))
