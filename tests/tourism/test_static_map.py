import xml.etree.ElementTree as ET

from tourism.static_map import Frame, border_lines, river_lines, route_svg, thinned

SVG = "{http://www.w3.org/2000/svg}"
# Two stops 0.2 km apart and one far away, like the South Taihang route's start.
POINTS = [(35.43, 113.45), (35.4318, 113.45), (35.20, 113.80)]


def test_every_stop_is_drawn_inside_the_picture_with_its_number():
    svg = ET.fromstring(route_svg(POINTS, ["A", "B", "C"], title="Route", width=390, height=300))
    circles = svg.findall(f".//{SVG}circle")
    assert len(circles) == 3
    for circle in circles:
        assert 11 <= float(circle.get("cx")) <= 390 - 11
        assert 11 <= float(circle.get("cy")) <= 300 - 11
    numbers = [text.text for text in svg.findall(f".//{SVG}g/{SVG}text")]
    assert numbers == ["1", "2", "3"]
    assert svg.find(f"{SVG}title").text == "Route"
    assert svg.find(f".//{SVG}polyline") is not None


def test_a_single_point_is_centred_and_names_are_escaped():
    document = route_svg([(35.3, 113.9)], ["<A & B>"], title="x", numbered=False)
    svg = ET.fromstring(document)
    circle = svg.find(f".//{SVG}circle")
    assert (float(circle.get("cx")), float(circle.get("cy"))) == (320.0, 200.0)
    assert svg.find(f".//{SVG}g/{SVG}title").text == "<A & B>"
    assert svg.find(f".//{SVG}polyline") is None


def test_north_is_up_and_east_is_right():
    frame = Frame.fit(POINTS, 600, 400, 20)
    (x1, y1), (x3, y3) = frame.xy(POINTS[0]), frame.xy(POINTS[2])
    assert x3 > x1 and y3 > y1  # the third stop lies south-east of the first


def test_rivers_are_drawn_under_the_stops_as_far_as_the_picture_shows_them():
    crossing = [(35.6, 113.6), (35.0, 113.6)]  # both ends outside, crossing the picture
    far = [(34.0, 116.0), (34.1, 116.2)]
    svg = ET.fromstring(route_svg(POINTS, ["A", "B", "C"], title="Route", rivers=[crossing, far]))
    river, route = svg.findall(f"{SVG}polyline")
    assert river.get("stroke") != route.get("stroke")
    assert len(river.get("points").split()) == 2
    children = list(svg)
    assert children.index(river) < children.index(route) < children.index(svg.find(f"{SVG}g"))


def test_the_yellow_river_route_map_shows_the_river_data():
    """Three of the Yellow River route's stops (plan data) frame the river's stretch in the city."""
    stops = [(34.925, 114.67), (35.305, 113.86), (34.915, 114.575)]
    svg = ET.fromstring(route_svg(stops, ["A", "B", "C"], title="Route", rivers=river_lines()))
    assert len(svg.findall(f"{SVG}polyline")) > 2  # rivers and the route's line


def test_county_boundaries_are_drawn_dashed_under_the_rivers():
    """Baligou, Baoquan and Baiquan (plan data), and a border crossing the picture."""
    stops = [(35.5979, 113.5572), (35.4678, 113.4714), (35.4760, 113.7860)]
    border = [(35.6, 113.5), (35.3, 113.7)]
    svg = ET.fromstring(
        route_svg(stops, ["A", "B", "C"], title="Route", rivers=river_lines(), borders=[border])
    )
    lines = svg.findall(f"{SVG}polyline")
    assert lines[0].get("stroke-dasharray") and lines[0].get("stroke") == "#7a8793"
    assert all(not line.get("stroke-dasharray") for line in lines[1:])
    # Each border once, though two counties share it.
    edges = [frozenset(leg) for line in border_lines() for leg in zip(line, line[1:], strict=False)]
    assert len(edges) == len(set(edges)) > 1000


def test_a_border_is_thinned_to_a_point_every_few_pixels_keeping_its_ends():
    run = [(0, 0), (1, 0), (2, 1), (6, 1), (7, 1), (7.5, 1)]
    assert thinned(run, 3) == [(0, 0), (2, 1), (6, 1), (7.5, 1)]
    assert thinned(run, 0) == run
