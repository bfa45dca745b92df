"""Template helpers shared by the development map and the small maps."""

from django import template
from django.conf import settings
from django.utils.html import format_html

register = template.Library()


@register.simple_tag
def map_tile_attributes():
    """data- attributes telling the map script where tiles come from."""
    return format_html(
        'data-tile-url="{}" data-tile-attribution="{}"',
        settings.MAP_TILE_URL,
        settings.MAP_TILE_ATTRIBUTION,
    )


@register.simple_tag
def itinerary(stops):
    """The located stops of a site visit, in order, for the itinerary map.

    Returns {"id": <unique element id>, "points": [...]}; stops whose project
    has no coordinates are left out, and only published projects are linked.
    """
    stops = list(stops)
    points = []
    for stop in stops:
        project = stop.project
        if project.latitude is None or project.longitude is None:
            continue
        points.append(
            {
                "order": stop.order,
                "title": project.title,
                "lat": float(project.latitude),
                "lng": float(project.longitude),
                "url": project.get_absolute_url() if project.published else "",
                # The stop's item in the list beside the map (meetings/includes/_itinerary.html).
                "anchor": f"stop-{stop.pk}",
            }
        )
    visit_id = stops[0].visit_id if stops else 0
    return {"id": f"itinerary-points-{visit_id}", "points": points}
