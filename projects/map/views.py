"""The public development map: an HTML page that works without JavaScript,
and the GeoJSON its script draws from."""

import hashlib
import json
from urllib.parse import urlencode

from django.conf import settings
from django.core.cache import cache
from django.db.models import Max, Min
from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.translation import get_language
from django.views.decorators.http import require_safe

from portal.geo import MOROCCO_BOUNDS
from portal.models import version_stamps
from portal.pagecache import anonymous_page
from portal.paging import CachedCountPaginator, cached
from projects.models import Project

from . import geo
from .filters import filter_form

PAGE_SIZE = 50
# Facets with more choices than this are offered in the form's select only,
# not also as a list of links.
MAX_FILTER_LINKS = 24
GEOJSON_CACHE_SECONDS = 300
GEOJSON_MAX_AGE = 60
# Shown when nothing matches.
MOROCCO = geo.BBox(*MOROCCO_BOUNDS)


def mappable_projects(queryset=None):
    """Published projects that have a point on the map (of ``queryset``, or all)."""
    queryset = Project.objects.published() if queryset is None else queryset
    return queryset.filter(latitude__isnull=False, longitude__isnull=False)


def _url_with(base: str, params: dict[str, str]) -> str:
    return f"{base}?{urlencode(params)}" if params else base


def _filter_links(form, active: dict[str, str]) -> list[dict]:
    """Plain links for each small facet: one click filters, no JavaScript needed."""
    base = reverse("map:index")
    facets = []
    for name in ("status", "sector"):
        field = form.fields[name]
        choices = list(field.choices)
        if not 1 < len(choices) <= MAX_FILTER_LINKS + 1:  # the first is "all"
            continue
        links = []
        for value, label in choices:
            value = str(getattr(value, "value", value))  # ModelChoiceIteratorValue
            params = {key: val for key, val in active.items() if key != name}
            if value:
                params[name] = value
            links.append(
                {
                    "label": label,
                    "url": _url_with(base, params),
                    "current": active.get(name, "") == value,
                }
            )
        facets.append({"name": name, "label": field.label, "links": links})
    return facets


def _freeze_choices(form) -> None:
    """Query each model facet once; the select and the links then share the rows."""
    field = form.fields["sector"]
    field.choices = list(field.choices)


@require_safe
@anonymous_page("projects", "communes")
def map_index(request):
    form = filter_form(request.GET)
    valid = form.is_valid()
    _freeze_choices(form)
    active = form.normalised() if valid else {}
    projects = form.filter(mappable_projects()) if valid else mappable_projects().none()
    listed = mappable_projects(Project.objects.listed())
    listed = form.filter(listed) if valid else listed.none()
    page = CachedCountPaginator(listed.order_by("title", "pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    extent = cached(
        "extent",
        projects,
        lambda: projects.aggregate(
            min_lon=Min("longitude"),
            min_lat=Min("latitude"),
            max_lon=Max("longitude"),
            max_lat=Max("latitude"),
        ),
    )
    if extent["min_lon"] is None:
        bounds = MOROCCO.as_list()
    else:
        bounds = [float(extent[key]) for key in ("min_lon", "min_lat", "max_lon", "max_lat")]
    context = {
        "form": form,
        "page_obj": page,
        "filter_links": _filter_links(form, active),
        "filtered": bool(active),
        "page_query": urlencode(active),
        "geojson_url": _url_with(reverse("map:geojson"), active),
        "bounds": ",".join(f"{value:.5f}" for value in bounds),
        "statuses": Project.Status.choices,
    }
    return render(request, "map/index.html", context, status=200 if valid else 400)


def _bad_request(message: str) -> JsonResponse:
    response = JsonResponse(
        {"error": message}, status=400, json_dumps_params={"ensure_ascii": False}
    )
    patch_cache_control(response, no_store=True)
    return response


@require_safe
def projects_geojson(request):
    form = filter_form(request.GET)
    if not form.is_valid():
        return _bad_request(form.first_error())
    try:
        bbox = geo.parse_bbox(request.GET.get("bbox"))
        zoom = geo.parse_zoom(request.GET.get("zoom"))
    except geo.InvalidParameter as error:
        return _bad_request(str(error))

    projects = form.filter(mappable_projects())
    if bbox is not None:
        projects = bbox.filter(projects)
    # The answer is made of the projects and their sectors' names: the
    # stored version of "projects", which every write to either changes
    # (portal.models.Versioned), names it. An unchanged view costs that one
    # primary-key read, for a 304 or for the cached body alike.
    key = {
        "filters": form.normalised(),
        "bbox": bbox.as_list() if bbox else None,
        "zoom": zoom,
        "threshold": settings.MAP_CLUSTER_THRESHOLD,
        "language": get_language(),
        "version": version_stamps(*Project.version_names),
    }
    digest = hashlib.sha256(json.dumps(key, sort_keys=True).encode()).hexdigest()[:32]
    etag = f'"{digest}"'

    # No Last-Modified. The only dates it could give are the projects'
    # `updated_at`, and neither a deletion nor a renamed sector leaves a later
    # one: a client sending only If-Modified-Since would be told its stale
    # copy is current. So the ETag alone decides a 304, and it changes with
    # everything the answer is made of (the stored version); browsers and
    # caches revalidate with If-None-Match.
    response = get_conditional_response(request, etag=etag)
    if response is None:
        cache_key = f"map:geojson:v2:{digest}"
        body = cache.get(cache_key)
        if body is None:
            collection = geo.feature_collection(
                projects, count=projects.count(), bbox=bbox, zoom=zoom
            )
            body = geo.dumps(collection)
            cache.set(cache_key, body, GEOJSON_CACHE_SECONDS)
        response = HttpResponse(body, content_type="application/geo+json")
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=GEOJSON_MAX_AGE)
    return response
