"""Static maps of numbered stops, for print, for visitors without JavaScript and for share cards.

No background map is drawn: only the stops, the line joining them in order, a scale bar and,
when given, the rivers and the county boundaries under them (static/maps/rivers.geojson and
counties.geojson), so the picture needs no tiles.
"""

from dataclasses import dataclass
from functools import cache
from math import cos, radians
from xml.sax.saxutils import escape

from core.static_geojson import static_features
from tourism.geo import haversine_km

LINE_COLOUR = "#0d5c8c"
RIVER_COLOUR = "#8db8d8"
BORDER_COLOUR = "#7a8793"  # as on the interactive map
MARKER_RADIUS = 11
# Nice round lengths for the scale bar, in km.
SCALE_STEPS = (0.5, 1, 2, 5, 10, 20, 50, 100, 200)


@dataclass(frozen=True)
class Frame:
    """Pixel coordinates of (lat, lon) points in a width × height box, keeping their shape."""

    width: int
    height: int
    padding: int
    south: float
    west: float
    x_scale: float  # pixels per degree of longitude
    y_scale: float  # pixels per degree of latitude
    x_offset: float
    y_offset: float

    @classmethod
    def fit(cls, points, width, height, padding):
        """An equirectangular frame centred on `points` (at least one), scaled to fit them."""
        lats = [lat for lat, _lon in points]
        lons = [lon for _lat, lon in points]
        south, north, west, east = min(lats), max(lats), min(lons), max(lons)
        # A degree of longitude is shorter than one of latitude by cos(latitude).
        squash = cos(radians((south + north) / 2))
        span_x = max((east - west) * squash, 1e-3)  # one point: about 100 m across
        span_y = max(north - south, 1e-3)
        scale = min((width - 2 * padding) / span_x, (height - 2 * padding) / span_y)
        return cls(
            width,
            height,
            padding,
            south,
            west,
            scale * squash,
            scale,
            (width - (east - west) * scale * squash) / 2,
            (height - (north - south) * scale) / 2,
        )

    def xy(self, point):
        lat, lon = point
        return (
            round(self.x_offset + (lon - self.west) * self.x_scale, 1),
            round(self.height - self.y_offset - (lat - self.south) * self.y_scale, 1),
        )

    def may_show(self, a, b):
        """Whether the leg between pixels `a` and `b` may cross the picture (their bounding box
        overlaps it)."""
        (ax, ay), (bx, by) = a, b
        return (
            min(ax, bx) <= self.width
            and max(ax, bx) >= 0
            and min(ay, by) <= self.height
            and max(ay, by) >= 0
        )

    def km_per_pixel(self):
        centre = (self.south, self.west)
        return haversine_km(centre, (self.south, self.west + 1 / self.x_scale))


def scale_bar(frame, max_pixels):
    """(km, pixels) of the longest round length that fits in `max_pixels`."""
    km_per_pixel = frame.km_per_pixel()
    fitting = [km for km in SCALE_STEPS if km / km_per_pixel <= max_pixels]
    km = fitting[-1] if fitting else SCALE_STEPS[0]
    return km, round(km / km_per_pixel, 1)


@cache
def river_lines():
    """Every line of static/maps/rivers.geojson as [(lat, lon)]."""
    return tuple(
        [(lat, lon) for lon, lat in line]
        for feature in static_features("maps/rivers.geojson")
        for line in feature["geometry"]["coordinates"]
    )


@cache
def border_lines():
    """The borders of the counties and districts in static/maps/counties.geojson as lines of
    [(lat, lon)], each border once (a border two counties share is in both their outlines)."""
    seen, lines = set(), []
    for feature in static_features("maps/counties.geojson"):
        if feature["properties"]["kind"] != "county":
            continue
        for ring in feature["geometry"]["coordinates"]:
            points = [(lat, lon) for lon, lat in ring]
            line = []
            for a, b in zip(points, points[1:], strict=False):
                if frozenset((a, b)) in seen:
                    if len(line) > 1:
                        lines.append(line)
                    line = []
                    continue
                seen.add(frozenset((a, b)))
                line = line or [a]
                line.append(b)
            if len(line) > 1:
                lines.append(line)
    return tuple(lines)


def thinned(run, pixels):
    """`run` without the points closer than `pixels` to the last one kept, and its end point."""
    kept = [run[0]]
    for x, y in run[1:-1]:
        if abs(x - kept[-1][0]) + abs(y - kept[-1][1]) >= pixels:
            kept.append((x, y))
    kept.append(run[-1])
    return kept


def visible_runs(frame, line):
    """The pixel runs of `line` [(lat, lon)] made of the legs that may cross the picture."""
    xys = [frame.xy(point) for point in line]
    crossing = [frame.may_show(a, b) for a, b in zip(xys, xys[1:], strict=False)]
    runs, run = [], []
    for i, leg in enumerate(crossing):
        if leg:
            run = run or [xys[i]]
            run.append(xys[i + 1])
        elif run:
            runs.append(run)
            run = []
    return [*runs, run] if run else runs


def route_svg(
    points, labels, *, title, width=640, height=400, numbered=True, rivers=(), borders=()
):
    """An SVG document of `points` [(lat, lon)] in order, each marked with its number (or a dot
    when `numbered` is false) and joined by a line; `labels` [str] are the stops' names, given as
    each marker's tooltip. `title` names the picture for screen readers. `rivers` and, under
    them, `borders` [[(lat, lon)]] are drawn under it all, as far as the picture shows them."""
    frame = Frame.fit(points, width, height, padding=2 * MARKER_RADIUS + 8)
    xys = [frame.xy(point) for point in points]
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img">',
        f"<title>{escape(title)}</title>",
        f'<rect width="{width}" height="{height}" fill="#f4f7f9"/>',
    ]
    # Borders thinned to a point every 5 pixels or more: they are for orientation, and would
    # otherwise triple the picture's size.
    for lines, style, pixels in (
        (borders, f'stroke="{BORDER_COLOUR}" stroke-width="1" stroke-dasharray="5 3"', 5),
        (rivers, f'stroke="{RIVER_COLOUR}" stroke-width="2"', 0),
    ):
        for line in lines:
            for run in visible_runs(frame, line):
                path = " ".join(f"{x},{y}" for x, y in thinned(run, pixels))
                parts.append(
                    f'<polyline points="{path}" fill="none" {style} stroke-linejoin="round"/>'
                )
    if len(xys) > 1:
        path = " ".join(f"{x},{y}" for x, y in xys)
        parts.append(
            f'<polyline points="{path}" fill="none" stroke="{LINE_COLOUR}" '
            'stroke-width="3" stroke-linejoin="round" opacity="0.8"/>'
        )
    for number, ((x, y), label) in enumerate(zip(xys, labels, strict=True), start=1):
        parts.append(
            f"<g><title>{escape(f'{number}. {label}' if numbered else label)}</title>"
            f'<circle cx="{x}" cy="{y}" r="{MARKER_RADIUS}" fill="{LINE_COLOUR}" '
            'stroke="#fff" stroke-width="2"/>'
        )
        if numbered:
            parts.append(
                f'<text x="{x}" y="{y}" dy="0.35em" text-anchor="middle" fill="#fff" '
                f'font-family="sans-serif" font-size="12" font-weight="bold">{number}</text>'
            )
        parts.append("</g>")
    km, pixels = scale_bar(frame, width / 4)
    left, base = 12, height - 12
    parts.append(
        f'<path d="M{left},{base - 6}V{base}H{left + pixels}V{base - 6}" fill="none" '
        'stroke="#222" stroke-width="2"/>'
        f'<text x="{left}" y="{base - 10}" font-family="sans-serif" font-size="12" '
        f'fill="#222">{km:g} km</text>'
    )
    parts.append("</svg>")
    return "".join(parts)
