"""The rivers and canals under every map (static/maps/rivers.geojson, from GSHHG): valid
GeoJSON in Xinxiang's extent, offered by the map include, and the line named the Yellow River runs
where the plan's riverside attractions are."""

import json
from decimal import Decimal

import pytest
import yaml
from django.contrib.staticfiles import finders

from plan.plan_loader import CONTENT_DIR
from tests.geography import XINXIANG_LATITUDES, XINXIANG_LONGITUDES, law_of_cosines_km

RIVERS = "maps/rivers.geojson"
# The Yellow River is the city's southern boundary and dips about 1 km south of its published
# 34°53′, so the lines may pass the box by this much.
MARGIN_DEGREES = 0.03
# On the dike or in the Yellow River's wetlands, by the plan's own descriptions.
RIVERSIDE = ("caogang-dike-works", "tongwaxiang", "chenqiao-wetland", "qinglong-lake")
# Taihang mountain scenic areas in the north-west, far from the river.
MOUNTAINS = ("baligou", "baoquan", "wanxianshan", "jiaoding-mountain")


@pytest.fixture(scope="module")
def rivers():
    path = finders.find(RIVERS)
    assert path, "rivers.geojson is not among the static files"
    with open(path, encoding="utf-8") as data:
        return json.load(data)


def attractions():
    data = yaml.safe_load((CONTENT_DIR / "tourism.yaml").read_text(encoding="utf-8"))
    return {a["key"]: (a["lat"], a["lon"]) for a in data["attractions"]}


def lines(feature):
    return [[(lat, lon) for lon, lat in line] for line in feature["geometry"]["coordinates"]]


def km_to_line(point, line):
    """Shortest distance to `line`, on points every ~100 m along each leg."""
    nearest = float("inf")
    for (lat1, lon1), (lat2, lon2) in zip(line, line[1:], strict=False):
        steps = max(1, int(law_of_cosines_km((lat1, lon1), (lat2, lon2)) / 0.1))
        for i in range(steps + 1):
            t = i / steps
            along = (lat1 + t * (lat2 - lat1), lon1 + t * (lon2 - lon1))
            nearest = min(nearest, law_of_cosines_km(point, along))
    return nearest


def test_rivers_are_lines_in_xinxiang_with_their_source_and_licence(rivers):
    assert rivers["type"] == "FeatureCollection"
    assert rivers["licence"] == "LGPL-3.0-or-later" and "GSHHG" in rivers["source"]
    (south, north), (west, east) = XINXIANG_LATITUDES, XINXIANG_LONGITUDES
    classes = set()
    for feature in rivers["features"]:
        assert feature["geometry"]["type"] == "MultiLineString"
        classes.add(feature["properties"]["class"])
        for line in feature["geometry"]["coordinates"]:
            assert len(line) >= 2
            for lon, lat in line:
                assert west - MARGIN_DEGREES <= lon <= east + MARGIN_DEGREES
                assert south - MARGIN_DEGREES <= lat <= north + MARGIN_DEGREES
                assert -Decimal(str(lon)).as_tuple().exponent <= 5
                assert -Decimal(str(lat)).as_tuple().exponent <= 5
    assert classes >= {1, 9}  # the Yellow River and at least one canal


def test_the_yellow_river_runs_by_the_plans_riverside_attractions(rivers):
    named = [f for f in rivers["features"] if "name" in f["properties"]]
    assert [f["properties"]["name"] for f in named] == [{"zh-hans": "黄河", "en": "Yellow River"}]
    river = lines(named[0])
    places = attractions()
    for key in RIVERSIDE:
        assert min(km_to_line(places[key], line) for line in river) < 5, key
    for key in MOUNTAINS:
        assert min(km_to_line(places[key], line) for line in river) > 40, key
