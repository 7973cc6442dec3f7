"""The county and district boundaries under every map (static/maps/counties.geojson, from
ECharts' map of 新乡): valid GeoJSON in Xinxiang's extent with both names, the plan's attractions
and the seats of government in the counties they belong to, the Yellow River along the city's
edge, and the map include that draws, credits and shades them."""

import json
from decimal import Decimal

import pytest
import yaml
from django.contrib.staticfiles import finders

from cooperation.county_map import county_seats
from plan.plan_loader import CONTENT_DIR
from tests.geography import XINXIANG_LATITUDES, XINXIANG_LONGITUDES, law_of_cosines_km
from tests.maps.test_map_include import render_map
from tests.maps.test_rivers import km_to_line, lines

COUNTIES = "maps/counties.geojson"
# The outlines are on a grid of 1/1024° and simplified by about 200 m: they may pass the box
# around the city's published extent by this much.
MARGIN_DEGREES = 0.01
NAMES = {
    "410702": ("红旗区", "Hongqi District"),
    "410703": ("卫滨区", "Weibin District"),
    "410704": ("凤泉区", "Fengquan District"),
    "410711": ("牧野区", "Muye District"),
    "410721": ("新乡县", "Xinxiang County"),
    "410724": ("获嘉县", "Huojia County"),
    "410725": ("原阳县", "Yuanyang County"),
    "410726": ("延津县", "Yanjin County"),
    "410727": ("封丘县", "Fengqiu County"),
    "410781": ("卫辉市", "Weihui"),
    "410782": ("辉县市", "Huixian"),
    "410783": ("长垣市", "Changyuan"),  # 长垣县 (410728) until 2019
}
# Where the plan's attractions are, by hand: the Taihang scenic areas in Huixian, the Yellow
# River sites in Fengqiu, and the Pingyuan demonstration zone's sites, in no county of their own
# here, in Yuanyang County.
ATTRACTIONS = {
    "baligou": "410782",
    "baoquan": "410782",
    "wanxianshan": "410782",
    "jiaoding-mountain": "410782",
    "baiquan": "410782",
    "baiquan-academy": "410782",
    "bigan-temple": "410781",
    "luwangling": "410704",
    "chenqiao-post-station": "410727",
    "tongwaxiang": "410727",
    "caogang-dike-works": "410727",
    "chenqiao-wetland": "410727",
    "qinglong-lake": "410727",
    "xuetanggang-temple": "410783",
    "linglong-pagoda": "410725",
    "yuanwu-city-god-temple": "410725",
    "jiantu-alliance-site": "410725",
}
# WDBII's Yellow River touches the city from about here to the city's eastern end.
YELLOW_RIVER_WEST, YELLOW_RIVER_EAST = 113.6, 115.02


@pytest.fixture
def boundaries():
    """{code: feature}, read for each test (tests take the city out of it)."""
    path = finders.find(COUNTIES)
    assert path, "counties.geojson is not among the static files"
    with open(path, encoding="utf-8") as data:
        collection = json.load(data)
    return {feature["properties"]["code"]: feature for feature in collection["features"]}


def outline(feature):
    return feature["geometry"]["coordinates"][0]


def contains(ring, lat, lon):
    """Ray casting: whether (lat, lon) lies inside the closed ring [[lon, lat]]."""
    inside = False
    for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False):
        if (y1 > lat) != (y2 > lat) and lon < x1 + (lat - y1) * (x2 - x1) / (y2 - y1):
            inside = not inside
    return inside


def signed_area(ring):
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in zip(ring, ring[1:], strict=False))


def test_the_city_and_its_twelve_counties_with_both_names_in_xinxiang(boundaries):
    path = finders.find(COUNTIES)
    with open(path, encoding="utf-8") as data:
        collection = json.load(data)
    assert collection["type"] == "FeatureCollection"
    assert "echarts-china-cities-pypkg" in collection["source"]
    assert "AMap" in collection["licence"]
    city = boundaries.pop("410700")
    assert (city["properties"]["name_zh"], city["properties"]["name_en"]) == (
        "新乡市",
        "Xinxiang City",
    )
    assert {code: (f["properties"]["name_zh"], f["properties"]["name_en"]) for code, f in
            boundaries.items()} == NAMES  # fmt: skip
    (south, north), (west, east) = XINXIANG_LATITUDES, XINXIANG_LONGITUDES
    for feature in [city, *boundaries.values()]:
        assert feature["type"] == "Feature" and feature["geometry"]["type"] == "Polygon"
        ring = outline(feature)
        assert len(ring) > 3 and ring[0] == ring[-1]
        assert signed_area(ring) > 0  # counter-clockwise, as RFC 7946 asks
        for lon, lat in ring:
            assert west - MARGIN_DEGREES <= lon <= east + MARGIN_DEGREES
            assert south - MARGIN_DEGREES <= lat <= north + MARGIN_DEGREES
            assert -Decimal(str(lon)).as_tuple().exponent <= 5
        label_lon, label_lat = feature["properties"]["label"]
        assert contains(ring, label_lat, label_lon), feature["properties"]["name_en"]


def test_the_city_outline_follows_the_counties_borders(boundaries):
    """Every point of the city's outline is a point of a county, and the counties cover the
    city: their areas add up to its own, within 1 % (the slivers of a grid cell between them)."""
    city = boundaries.pop("410700")
    counties = {tuple(point) for feature in boundaries.values() for point in outline(feature)}
    assert set(map(tuple, outline(city))) <= counties
    total = sum(signed_area(outline(feature)) for feature in boundaries.values())
    assert total == pytest.approx(signed_area(outline(city)), rel=0.01)


def test_the_plans_attractions_lie_in_their_counties(boundaries):
    data = yaml.safe_load((CONTENT_DIR / "tourism.yaml").read_text(encoding="utf-8"))
    places = {a["key"]: (a["lat"], a["lon"]) for a in data["attractions"]}
    city = outline(boundaries["410700"])
    for key, (lat, lon) in places.items():
        assert contains(city, lat, lon), key
    for key, code in ATTRACTIONS.items():
        lat, lon = places[key]
        inside = [c for c, f in boundaries.items() if f["properties"]["kind"] == "county"
                  and contains(outline(f), lat, lon)]  # fmt: skip
        assert inside == [code], key


def test_each_seat_of_government_lies_in_the_area_its_county_is_shaded_as(boundaries):
    by_key = {feature["properties"]["key"]: feature for feature in boundaries.values()}
    for key, (lat, lon) in county_seats().items():
        assert contains(outline(by_key[key]), lat, lon), key


def test_the_yellow_river_runs_along_the_citys_southern_and_eastern_edge(boundaries):
    path = finders.find("maps/rivers.geojson")
    with open(path, encoding="utf-8") as data:
        rivers = json.load(data)["features"]
    (river,) = [f for f in rivers if f["properties"].get("name", {}).get("en") == "Yellow River"]
    edge = [(lat, lon) for lon, lat in outline(boundaries["410700"])]
    points = [
        point
        for line in lines(river)
        for point in line
        if YELLOW_RIVER_WEST <= point[1] <= YELLOW_RIVER_EAST
    ]
    assert len(points) > 50
    for point in points:
        assert km_to_line(point, edge) < 3, point
    # and the edge is the city's southern one: the river is far from the northern mountains
    assert law_of_cosines_km(points[0], (35.8, 113.6)) > 80


def test_a_map_of_an_area_alone_is_shown_whole_and_shaded(boundaries):
    """No points, the whole city: the map is shown, framed on the city's outline."""
    html = render_map("en", [], ["citywide"])
    assert '<figure class="portal-map-figure">' in html  # not hidden
    assert 'data-areas="citywide"' in html
    lons, lats = zip(*outline(boundaries["410700"]), strict=True)
    box = f'data-area-box="{min(lats)},{min(lons)},{max(lats)},{max(lons)}"'
    assert box in html
    assert '<figure class="portal-map-figure" hidden>' in render_map("en", [])
