import xml.etree.ElementTree as ET

from tourism.static_map import Frame, route_svg

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
