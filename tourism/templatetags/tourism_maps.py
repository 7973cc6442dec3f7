from django import template
from django.utils.safestring import mark_safe

from tourism.itinerary import position
from tourism.map_apps import map_app_links
from tourism.static_map import border_lines, river_lines, route_svg

register = template.Library()


@register.inclusion_tag("tourism/includes/map_app_links.html")
def open_in_map_apps(attraction):
    """ "Open in Amap / Baidu Maps" links for one place, converted to the datums the apps use."""
    return {"attraction": attraction, "links": map_app_links(attraction)}


@register.simple_tag
def static_route_map(itinerary, title):
    """The itinerary's stops over the rivers and county boundaries as an inline SVG, for print
    and for visitors without JavaScript."""
    legs = itinerary.legs
    svg = route_svg(
        [position(leg.attraction) for leg in legs],
        [leg.attraction.title for leg in legs],
        title=title,
        numbered=len(legs) > 1,
        rivers=river_lines(),
        borders=border_lines(),
    )
    return mark_safe(svg)  # noqa: S308 - route_svg escapes every text it writes
