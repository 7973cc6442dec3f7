"""The tourism section as a tourist reads it: routes, stops, distances, days, events, downloads."""

import re

import pytest
import yaml

from plan.plan_loader import CONTENT_DIR
from tests.geography import inside_xinxiang, legs_km
from tests.tourism.plan_data import planned_stops

# First view after a publish (the body rendered, not read from the fragment cache). Routing reads
# the pages a URL names in one query (core/routing.py); the breadcrumbs read the ancestors the
# meta tags already read.
PAGE_QUERY_BUDGET = 18


def test_every_route_has_ordered_stops_inside_xinxiang(routes):
    assert len(routes) >= 3
    for route in routes:
        stops = route.itinerary.attractions
        assert stops == planned_stops(route.plan_key)
        assert len(stops) >= 2
        for stop in stops:
            assert inside_xinxiang(stop.latitude, stop.longitude), stop


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_route_page_within_query_budget(client, routes, language, django_assert_max_num_queries):
    for route in routes:
        with django_assert_max_num_queries(PAGE_QUERY_BUDGET):
            response = client.get(f"/{language}/tourism/{route.slug}/")
        assert response.status_code == 200


@pytest.mark.parametrize(
    "url", ["/zh-hans/tourism/", "/en/tourism/", "/en/tourism/plan/", "/en/tourism/plan/?a=baligou"]
)
def test_tourism_pages_within_query_budget(
    client, tourism_index, url, django_assert_max_num_queries
):
    with django_assert_max_num_queries(PAGE_QUERY_BUDGET):
        assert client.get(url).status_code == 200


def test_route_page_lists_stops_in_order_with_straight_line_distances(client, south_taihang):
    body = client.get("/en/tourism/south-taihang/").content.decode()
    stops = planned_stops("south-taihang")
    itinerary = body[body.index('class="itinerary"') : body.index('class="itinerary-total"')]
    positions = [itinerary.index(f">{stop.title_en}</a>") for stop in stops]
    assert positions == sorted(positions)
    legs = legs_km(stops)
    shown = re.findall(r"([\d.]+) km from the previous stop \(straight line\)", itinerary)
    assert [float(km) for km in shown] == pytest.approx(legs, abs=0.051)
    total = re.search(r"Total: ([\d.]+) km in straight lines", body).group(1)
    assert float(total) == pytest.approx(sum(legs), abs=0.051)


def test_route_page_shows_days_events_and_practical_notes(client, south_taihang):
    body = client.get("/en/tourism/south-taihang/").content.decode()
    days = body[body.index('id="days-heading"') :]
    assert "Day 1: Baiquan and Baoquan" in days and "Day 4: Jiaoding Mountain" in days
    events = body[body.index('id="events-heading"') : body.index('id="practical-heading"')]
    assert "Wanxianshan International Rock Climbing Festival" in events
    assert "Taihang on the Cliffs" in events
    assert "Bigan Birthday" not in events
    assert "winding mountain roads" in body


def test_events_held_at_a_stop_appear_on_routes_through_it(client, tourism_index):
    # The Bigan ceremony is held at Bigan Temple; it belongs to the Grand Canal route.
    body = client.get("/en/tourism/grand-canal/").content.decode()
    assert "Bigan Birthday Commemoration" in body


def test_route_page_map_is_an_enhancement_with_a_text_alternative(client, south_taihang):
    body = client.get("/zh-hans/tourism/south-taihang/").content.decode()
    assert re.search(r'<figure class="portal-map-figure" hidden>', body)
    assert re.search(r'id="portal-map"[^>]*role="region"[^>]*aria-label="[^"]+"', body)
    assert 'aria-describedby="portal-map-note"' in body and 'id="portal-map-note"' in body
    # Without JavaScript (and in print) a static map shows the numbered stops.
    static_map = body[body.index('<figure class="static-route-map"') :]
    static_map = static_map[: static_map.index("</figure>")]
    assert static_map.count("<circle") == len(south_taihang.itinerary)
    assert 'data-replaces="static-route-map"' in body
    assert "/static/vendor/leaflet/leaflet.js" in body
    assert "//unpkg" not in body and "cdn" not in body.lower()
    assert '<link rel="stylesheet" href="/static/css/print.css" media="print">' in body


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_route_downloads_are_advertised_and_linked(client, routes, language):
    for route in routes:
        body = client.get(f"/{language}/tourism/{route.slug}/").content.decode()
        head = body[: body.index("</head>")]
        base = f"/{language}/tourism/{route.slug}/"
        assert f'<link rel="alternate" type="application/gpx+xml" href="{base}gpx/"' in head
        assert f'<link rel="alternate" type="application/geo+json" href="{base}geojson/"' in head
        assert f'href="{base}gpx/" type="application/gpx+xml" download' in body
        assert f'href="{base}geojson/" type="application/geo+json" download' in body


def test_tourism_index_offers_routes_calendar_and_trip_planner(client, routes):
    body = client.get("/en/tourism/").content.decode()
    head = body[: body.index("</head>")]
    assert '<link rel="alternate" type="text/calendar" href="/en/tourism/calendar/"' in head
    assert 'href="/en/tourism/calendar/" type="text/calendar" download' in body
    assert 'href="/en/tourism/plan/"' in body
    for route in routes:
        assert f'href="/en/tourism/{route.slug}/"' in body
    assert "have no date yet, so they are not in the calendar file" in body
    assert "Date not yet announced" in body


def test_each_day_shows_the_distance_between_its_stops(client, south_taihang):
    from tourism.models import AttractionPage

    data = yaml.safe_load((CONTENT_DIR / "tourism.yaml").read_text(encoding="utf-8"))
    route = next(route for route in data["routes"] if route["key"] == "south-taihang")
    body = client.get("/en/tourism/south-taihang/").content.decode()
    days = body[body.index('id="days-heading"') :]
    for day in route["days"]:
        stops = [AttractionPage.objects.get(plan_key=key) for key in day["stops"]]
        km = sum(legs_km(stops))
        if len(stops) > 1:
            shown = re.findall(r"([\d.]+) km between the day's stops \(straight line\)", days)
            assert any(float(value) == pytest.approx(km, abs=0.051) for value in shown)
