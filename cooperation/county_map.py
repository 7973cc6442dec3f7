"""Where an opportunity's counties are on its map: the seat of each county's government as a
marker, and the county itself (or the whole city) as an area to shade."""

from functools import cache
from pathlib import Path

import yaml
from django.conf import settings

from core.models import County

SEATS_FILE = Path(settings.BASE_DIR) / "content" / "county_seats.yaml"
# "Citywide" is the whole city, not the point of its government's seat: it gets no marker, and
# the city's outline is shaded instead.
CITYWIDE = "citywide"


@cache
def county_seats():
    """{county plan_key: (lat, lon)}; read once per process, the file changes only with a deploy."""
    with open(SEATS_FILE, encoding="utf-8") as handle:
        seats = yaml.safe_load(handle)
    return {key: (seat["lat"], seat["lon"]) for key, seat in seats.items()}


def markers(counties):
    seats = county_seats()
    return [
        {"name": str(county), "lat": seats[county.plan_key][0], "lon": seats[county.plan_key][1]}
        for county in counties
        if county.plan_key in seats and county.plan_key != CITYWIDE
    ]


def areas(counties):
    """The keys of the counties whose outline the map shades (static/maps/counties.geojson has
    every county and district, and "citywide" is the city's); a development zone has none."""
    return [
        county.plan_key
        for county in counties
        if county.kind != County.Kind.ZONE or county.plan_key == CITYWIDE
    ]
