from django import template
from django.conf import settings

from maps.boundaries import extent

register = template.Library()


@register.inclusion_tag("maps/map.html", takes_context=True)
def portal_map(context, points, label, caption, *, line=False, max_zoom=13, replaces="", areas=()):
    """A map of `points` [{name, lat, lon, url?, number?}] drawn by static/js/portal-map.js, its
    box in place before it is drawn (and hidden without JavaScript); `replaces` is the id of what
    it stands in for without JavaScript, shown until the map is drawn. `areas` are the keys of
    the counties (or "citywide") to highlight, in maps/counties.geojson; the map shows them
    whole, and is drawn for them even without points. One map per page (its element is
    #portal-map)."""
    area_box = extent(areas)
    return {
        "points": points,
        "areas": " ".join(areas) if area_box else "",
        "area_box": ",".join(map(str, area_box or ())),
        "label": label,
        "caption": caption,
        "line": line,
        "max_zoom": max_zoom,
        "replaces": replaces,
        "tiles": settings.MAP_TILE_URL,
        "attribution": settings.MAP_TILE_ATTRIBUTION,
        "LANGUAGE_CODE": context.get("LANGUAGE_CODE"),
    }
