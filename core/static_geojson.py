"""The GeoJSON files the portal serves as static files (static/maps/), which the server reads
too: to frame a map, or to draw a static one."""

import json
from functools import cache

from django.contrib.staticfiles import finders


@cache
def static_features(path):
    """The features of the static file `path` (e.g. "maps/rivers.geojson"), read once per
    process: the files change only with a deploy."""
    with open(finders.find(path), encoding="utf-8") as data:
        return json.load(data)["features"]
