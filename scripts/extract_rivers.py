"""Make static/maps/rivers.geojson: the rivers and canals of GSHHG (its WDBII river layer) in
Xinxiang's extent, drawn under every map's markers. The file is committed, so the site needs no
GMT; run this again only to rebuild it (docs/base-map-data.md says what it holds and why).

Usage: python3 scripts/extract_rivers.py
Needs GMT 6 and GSHHG's full resolution (Debian: apt-get install gmt gmt-gshhg-full).

GMT's dump mode (`coast -M`) writes whole 1° bins, and lines are cut at every bin edge: the
pieces are joined again, clipped to the box, then simplified with GMT's Douglas-Peucker.
"""

import json
import subprocess
import tempfile
from pathlib import Path

OUTPUT = Path(__file__).resolve().parent.parent / "static" / "maps" / "rivers.geojson"
# Xinxiang's published extent (34°53′–35°50′ N, 113°23′–115°01′ E) and about 3 km more: the
# Yellow River is the city's southern boundary and dips just south of the rounded 34°53′.
WEST, EAST, SOUTH, NORTH = 113.35, 115.06, 34.85, 35.88
# WDBII classes (GMT's `coast -I` documentation); the others have no line in the box.
CLASSES = {
    1: "permanent major river",
    2: "additional major river",
    3: "additional river",
    4: "minor river",
    8: "major canal",
    9: "minor canal",
    10: "irrigation canal",
}
# The one permanent major river in the box is the Yellow River, which the plan names; GSHHG
# names no line, so no other line gets a name.
NAMES = {1: {"zh-hans": "黄河", "en": "Yellow River"}}
TOLERANCE = "50e"  # metres: far finer than WDBII's own accuracy
DECIMALS = 4  # about 10 m


def run(*command, text=""):
    # In a scratch folder: GMT leaves a gmt.history file where it runs.
    with tempfile.TemporaryDirectory() as scratch:
        return subprocess.run(
            command, input=text, capture_output=True, text=True, check=True, cwd=scratch
        ).stdout


def read_segments(text):
    """GMT's multi-segment text: a `>` line starts each segment (GMT omits it when there is one)."""
    segments = [[]]
    for line in text.splitlines():
        if line.startswith(">"):
            segments.append([])
        elif line.strip():
            segments[-1].append(tuple(float(value) for value in line.split()[:2]))
    return [segment for segment in segments if len(segment) > 1]


def join(segments):
    """Chain the pieces that share an end point, in either direction."""
    lines = []
    for segment in segments:
        for line in lines:
            if line[-1] == segment[0]:
                line.extend(segment[1:])
            elif line[-1] == segment[-1]:
                line.extend(reversed(segment[:-1]))
            elif line[0] == segment[-1]:
                line[:0] = segment[:-1]
            elif line[0] == segment[0]:
                line[:0] = list(reversed(segment[1:]))
            else:
                continue
            break
        else:
            lines.append(list(segment))
    return lines if len(lines) == len(segments) else join(lines)


def inside(point):
    lon, lat = point
    return WEST <= lon <= EAST and SOUTH <= lat <= NORTH


def crossing(a, b):
    """Where the leg from `a` (inside) to `b` (outside) leaves the box."""
    t = 1.0
    for start, end, low, high in ((a[0], b[0], WEST, EAST), (a[1], b[1], SOUTH, NORTH)):
        if end < low:
            t = min(t, (low - start) / (end - start))
        elif end > high:
            t = min(t, (high - start) / (end - start))
    return (a[0] + t * (b[0] - a[0]), a[1] + t * (b[1] - a[1]))


def clip(line):
    """The parts of `line` inside the box. A leg with both ends outside is dropped: with a
    vertex every few hundred metres, it could only cut a sliver off a corner of the box."""
    parts, current = [], []
    for previous, point in zip([None, *line], line, strict=False):
        if inside(point):
            if not current and previous is not None:
                current.append(crossing(point, previous))
            current.append(point)
        elif current:
            current.append(crossing(previous, point))
            parts.append(current)
            current = []
    if current:
        parts.append(current)
    return [part for part in parts if len(part) > 1]


def simplified(lines):
    text = "".join(">\n" + "".join(f"{lon} {lat}\n" for lon, lat in line) for line in lines)
    rounded = []
    for line in read_segments(run("gmt", "simplify", f"-T{TOLERANCE}", text=text)):
        points = [[round(lon, DECIMALS), round(lat, DECIMALS)] for lon, lat in line]
        points = [p for i, p in enumerate(points) if i == 0 or p != points[i - 1]]
        if len(points) > 1:
            rounded.append(points)
    return rounded


def features():
    region = f"-R{WEST}/{EAST}/{SOUTH}/{NORTH}"
    for number, kind in CLASSES.items():
        segments = read_segments(run("gmt", "coast", region, f"-I{number}", "-M", "-Df"))
        lines = [part for line in join(segments) for part in clip(line)]
        if not lines:
            continue
        properties = {"class": number, "kind": kind}
        if number in NAMES:
            properties["name"] = NAMES[number]
        yield {
            "type": "Feature",
            "geometry": {"type": "MultiLineString", "coordinates": simplified(lines)},
            "properties": properties,
        }


def main():
    gshhg = run("dpkg-query", "-W", "-f=${Version}", "gmt-gshhg-full").split("-")[0]
    collection = {
        "type": "FeatureCollection",
        "source": f"GSHHG {gshhg} (WDBII rivers), Wessel & Smith; extracted with GMT "
        f"{run('gmt', '--version').strip()} by scripts/extract_rivers.py",
        "licence": "LGPL-3.0-or-later",
        "features": list(features()),
    }
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(
        json.dumps(collection, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8"
    )
    for feature in collection["features"]:
        lines = feature["geometry"]["coordinates"]
        print(feature["properties"]["kind"], len(lines), "lines", sum(map(len, lines)), "points")
    print(OUTPUT, OUTPUT.stat().st_size, "bytes")


if __name__ == "__main__":
    main()
