"""GPX, GeoJSON and iCalendar downloads, parsed the way a GPS app or calendar would read them."""

import json
import re
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from tests.tourism.plan_data import planned_stops
from tourism.exports import _escape, _fold

GPX = "{http://www.topografix.com/GPX/1/1}"


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_gpx_has_a_waypoint_per_stop_and_the_route_in_order(client, routes, language):
    for route in routes:
        response = client.get(f"/{language}/tourism/{route.slug}/gpx/")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/gpx+xml")
        assert response["Content-Disposition"] == f'attachment; filename="{route.slug}.gpx"'
        root = ET.fromstring(response.content)
        assert root.tag == f"{GPX}gpx"
        assert root.get("version") == "1.1"
        stops = planned_stops(route.plan_key)
        title = getattr(route, f"title_{language.replace('-', '_')}")
        assert root.find(f"{GPX}metadata/{GPX}name").text == title
        waypoints = root.findall(f"{GPX}wpt")
        route_points = root.findall(f"{GPX}rte/{GPX}rtept")
        assert len(waypoints) == len(route_points) == len(stops)
        for stop, waypoint, point in zip(stops, waypoints, route_points, strict=True):
            for element in (waypoint, point):
                assert float(element.get("lat")) == pytest.approx(float(stop.latitude))
                assert float(element.get("lon")) == pytest.approx(float(stop.longitude))
            name = getattr(stop, f"title_{language.replace('-', '_')}")
            assert waypoint.find(f"{GPX}name").text == name
            assert point.find(f"{GPX}name").text == name


def test_geojson_is_points_and_a_line_in_longitude_latitude_order(client, routes):
    for route in routes:
        response = client.get(f"/en/tourism/{route.slug}/geojson/")
        assert response["Content-Type"].startswith("application/geo+json")
        assert response["Content-Disposition"] == f'attachment; filename="{route.slug}.geojson"'
        collection = json.loads(response.content)
        assert collection["type"] == "FeatureCollection"
        points = [f for f in collection["features"] if f["geometry"]["type"] == "Point"]
        lines = [f for f in collection["features"] if f["geometry"]["type"] == "LineString"]
        stops = planned_stops(route.plan_key)
        expected = [[float(s.longitude), float(s.latitude)] for s in stops]
        assert [p["geometry"]["coordinates"] for p in points] == expected
        assert [p["properties"]["name"] for p in points] == [s.title_en for s in stops]
        assert len(lines) == 1
        assert lines[0]["geometry"]["coordinates"] == expected


@pytest.fixture
def calendar(client, tourism_index):
    response = client.get("/en/tourism/calendar/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/calendar")
    assert response["Content-Disposition"] == 'attachment; filename="xinxiang-events.ics"'
    return response.content


def unfold(content):
    return content.decode().replace("\r\n ", "")


def test_calendar_lines_end_in_crlf_and_fit_75_octets(calendar):
    assert calendar.endswith(b"\r\n")
    lines = calendar.split(b"\r\n")[:-1]
    assert all(b"\n" not in line and b"\r" not in line for line in lines)
    assert all(len(line) <= 75 for line in lines)


def test_calendar_structure_and_required_properties(calendar):
    text = unfold(calendar)
    lines = text.split("\r\n")[:-1]
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-1] == "END:VCALENDAR"
    assert "VERSION:2.0" in lines
    assert any(line.startswith("PRODID:") for line in lines)
    assert text.count("BEGIN:VEVENT") == text.count("END:VEVENT") >= 1
    for event in re.findall(r"BEGIN:VEVENT\r\n(.*?)END:VEVENT", text, re.S):
        names = {line.split(":")[0].split(";")[0] for line in event.split("\r\n") if line}
        assert {"UID", "DTSTAMP", "DTSTART", "SUMMARY", "DESCRIPTION", "URL"} <= names


def test_calendar_has_china_tourism_day_yearly_on_19_may(calendar):
    text = unfold(calendar)
    events = re.findall(r"BEGIN:VEVENT\r\n(.*?)END:VEVENT", text, re.S)
    event = next(event for event in events if "SUMMARY:China Tourism Day" in event)
    start = re.search(r"DTSTART;VALUE=DATE:(\d{4})(\d\d)(\d\d)", event)
    assert start.group(2, 3) == ("05", "19")
    assert date(*map(int, start.groups())) >= date.today().replace(day=1, month=1)
    assert "RRULE:FREQ=YEARLY" in event


@pytest.mark.parametrize(
    ("month", "day", "listed"),
    [(None, None, False), (None, 19, False), (5, None, False), (5, 19, True)],
)
def test_only_events_with_a_month_and_a_day_recur_in_the_calendar(
    client, tourism_index, month, day, listed
):
    from tourism.models import EventPage

    event = EventPage.objects.live().filter(start_date=None).first()
    EventPage.objects.filter(pk=event.pk).update(month=month, day=day)
    text = unfold(client.get("/en/tourism/calendar/").content)
    assert (f"UID:event-{event.pk}@" in text) is listed


def test_editor_dates_become_an_all_day_event(client, tourism_index):
    from tourism.models import EventDate, EventPage

    forum = EventPage.objects.get(plan_key="yellow-river-forum")
    EventDate.objects.create(event=forum, start_date=date(2031, 9, 20), end_date=date(2031, 9, 22))
    forum.save()
    text = unfold(client.get("/en/tourism/calendar/").content)
    block = text[text.index(_escape(forum.title_en)) - 400 :]
    assert "DTSTART;VALUE=DATE:20310920\r\nDTEND;VALUE=DATE:20310923\r\n" in block


def test_text_is_escaped():
    assert _escape("a,b;c\\d\ne") == "a\\,b\\;c\\\\d\\ne"


def test_folding_never_splits_a_chinese_character():
    line = "DESCRIPTION:" + "新乡已举办万仙山国际攀岩节，" * 20
    folded = _fold(line)
    parts = folded.encode().split(b"\r\n")
    assert len(parts) > 1
    assert all(len(part) <= 75 for part in parts)
    assert all(part.startswith(b" ") for part in parts[1:])
    for part in parts:
        part.decode()  # each physical line is valid UTF-8 on its own
    assert folded.replace("\r\n ", "") == line
