"""The county and district boundaries every map draws (static/maps/counties.geojson, made by
scripts/extract_boundaries.py), and the box around those a map highlights."""

from functools import cache

from core.static_geojson import static_features

COUNTIES = "maps/counties.geojson"


@cache
def extents():
    """{area key (a county's plan_key, "citywide" for the city): (south, west, north, east)}."""
    boxes = {}
    for feature in static_features(COUNTIES):
        lons, lats = zip(*feature["geometry"]["coordinates"][0], strict=True)
        boxes[feature["properties"]["key"]] = (min(lats), min(lons), max(lats), max(lons))
    return boxes


def extent(keys):
    """The box around the areas `keys`, or None when the file has none of them."""
    boxes = [extents()[key] for key in keys if key in extents()]
    if not boxes:
        return None
    south, west, north, east = zip(*boxes, strict=True)
    return (min(south), min(west), max(north), max(east))
