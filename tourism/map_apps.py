"""Links that open a place in the map apps Chinese visitors use. Amap (高德) expects GCJ-02 and
Baidu Maps expects BD-09, the two obfuscated datums Chinese maps must use; our coordinates are
WGS84. The conversions are prcoords' (public domain)."""

from urllib.parse import urlencode

from prcoords import Coords, gcj_bd, wgs_gcj


def to_gcj02(lat, lon):
    gcj = wgs_gcj(Coords(float(lat), float(lon)))
    return gcj.lat, gcj.lon


def gcj02_to_bd09(lat, lon):
    bd = gcj_bd(Coords(float(lat), float(lon)))
    return bd.lat, bd.lon


def to_bd09(lat, lon):
    """WGS84 → BD-09: Baidu's offset is defined on top of GCJ-02."""
    return gcj02_to_bd09(*to_gcj02(lat, lon))


def amap_url(lat, lon, name):
    """Amap's public URI API: a marker with the place's name (opens the app on phones)."""
    gcj_lat, gcj_lon = to_gcj02(lat, lon)
    query = urlencode(
        {
            "position": f"{gcj_lon:.6f},{gcj_lat:.6f}",
            "name": name,
            "src": "xinxiang-portal",
            "coordinate": "gaode",
            "callnative": 1,
        }
    )
    return f"https://uri.amap.com/marker?{query}"


def baidu_url(lat, lon, name):
    """Baidu Maps' web URI API: a marker in BD-09 with the place's name."""
    bd_lat, bd_lon = to_bd09(lat, lon)
    query = urlencode(
        {
            "location": f"{bd_lat:.6f},{bd_lon:.6f}",
            "title": name,
            "content": name,
            "coord_type": "bd09ll",
            "output": "html",
            "src": "webapp.xinxiang-portal",
        }
    )
    return f"https://api.map.baidu.com/marker?{query}"


def map_app_links(attraction):
    """{"amap": URL, "baidu": URL} for an attraction."""
    lat, lon, name = attraction.latitude, attraction.longitude, attraction.title
    return {"amap": amap_url(lat, lon, name), "baidu": baidu_url(lat, lon, name)}
