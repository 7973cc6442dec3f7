"""WGS84 → GCJ-02 → BD-09 against published reference points: the eviltransform project's test
values (Shanghai, Shenzhen, Beijing) and the coordtransform project's README example (Beijing)."""

from urllib.parse import parse_qs, urlparse

import pytest

from tourism.geo import haversine_km
from tourism.map_apps import amap_url, baidu_url, gcj02_to_bd09, to_bd09, to_gcj02

ONE_METRE_KM = 0.001

# wgs lat, wgs lon, gcj lat, gcj lon
GCJ_REFERENCES = [
    (31.1774276, 121.5272106, 31.17530398364597, 121.531541859215),
    (22.543847, 113.912316, 22.540796131694766, 113.9171764808363),
    (39.911954, 116.377817, 39.91334545536069, 116.38404722455657),
]
# wgs lat, wgs lon → gcj (coordtransform's wgs84togcj02); gcj lat, gcj lon → bd (gcj02tobd09)
COORDTRANSFORM_GCJ = (39.915, 116.404, 39.91640428150164, 116.41024449916938)
COORDTRANSFORM_BD = (39.915, 116.404, 39.92133699351021, 116.41036949371029)


@pytest.mark.parametrize(
    ("lat", "lon", "gcj_lat", "gcj_lon"), [*GCJ_REFERENCES, COORDTRANSFORM_GCJ]
)
def test_gcj02_within_a_metre_of_the_reference(lat, lon, gcj_lat, gcj_lon):
    assert haversine_km(to_gcj02(lat, lon), (gcj_lat, gcj_lon)) < ONE_METRE_KM


def test_bd09_within_a_metre_of_the_reference():
    gcj_lat, gcj_lon, bd_lat, bd_lon = COORDTRANSFORM_BD
    assert haversine_km(gcj02_to_bd09(gcj_lat, gcj_lon), (bd_lat, bd_lon)) < ONE_METRE_KM


def test_bd09_from_wgs84_goes_through_gcj02():
    lat, lon, gcj_lat, gcj_lon = COORDTRANSFORM_GCJ
    assert haversine_km(to_bd09(lat, lon), gcj02_to_bd09(gcj_lat, gcj_lon)) < ONE_METRE_KM


def test_the_offset_is_hundreds_of_metres_in_xinxiang():
    """The reason for the links: a WGS84 point drawn on Amap lands visibly off (~0.5 km)."""
    city_hall = (35.30323, 113.92683)
    assert 0.2 < haversine_km(city_hall, to_gcj02(*city_hall)) < 1.0


def test_links_carry_converted_coordinates_and_the_name():
    amap = parse_qs(urlparse(amap_url(35.3, 113.9, "八里沟")).query)
    lon, lat = map(float, amap["position"][0].split(","))
    assert haversine_km((lat, lon), to_gcj02(35.3, 113.9)) < ONE_METRE_KM
    assert amap["name"] == ["八里沟"]
    baidu = parse_qs(urlparse(baidu_url(35.3, 113.9, "八里沟")).query)
    lat, lon = map(float, baidu["location"][0].split(","))
    assert haversine_km((lat, lon), to_bd09(35.3, 113.9)) < ONE_METRE_KM
    assert baidu["coord_type"] == ["bd09ll"] and baidu["title"] == ["八里沟"]
