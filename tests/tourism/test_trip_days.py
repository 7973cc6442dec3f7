"""The trip planner's order is the shortest from the chosen start (checked against brute force),
its days have dates and that day's events, and the days come as an iCalendar file."""

import random
import re
from datetime import date
from itertools import permutations

import pytest

from tourism.geo import EXACT_LIMIT, path_km, visiting_order

SOUTH_TAIHANG = ["baiquan", "baoquan", "wanxianshan", "baligou"]


def brute_force_km(points, start):
    others = [p for i, p in enumerate(points) if i != start]
    return min(path_km([points[start], *order]) for order in permutations(others))


@pytest.mark.parametrize("count", range(1, 9))
def test_order_is_the_shortest_path_from_the_start(count):
    generator = random.Random(count)
    for _trial in range(5):
        points = [(35 + generator.random(), 113.5 + generator.random()) for _point in range(count)]
        start = generator.randrange(count)
        order = visiting_order(points, start)
        assert order[0] == start and sorted(order) == list(range(count))
        assert path_km([points[i] for i in order]) == pytest.approx(brute_force_km(points, start))


@pytest.mark.slow  # compares with all 362,880 orders of nine stops
def test_the_exact_search_covers_ten_stops():
    generator = random.Random(10)
    points = [(35 + generator.random(), 113.5 + generator.random()) for _point in range(10)]
    assert EXACT_LIMIT >= 10
    order = visiting_order(points, 0)
    best = min(
        path_km([points[0], *(points[i] for i in rest)]) for rest in permutations(range(1, 10))
    )
    assert path_km([points[i] for i in order]) == pytest.approx(best)


def stop_names(body):
    itinerary = body[body.index('class="itinerary"') : body.index('class="itinerary-total"')]
    return re.findall(r'<a href="[^"]+">([^<]+)</a>', itinerary)


def test_south_taihang_from_baiquan_without_backtracking(client, tourism_index):
    from tourism.models import AttractionPage

    query = "&".join(f"a={slug}" for slug in SOUTH_TAIHANG) + "&start=baiquan"
    body = client.get(f"/zh-hans/tourism/plan/?{query}").content.decode()
    names = stop_names(body)
    assert names[0] == "百泉"
    places = {a.title_zh_hans: a for a in AttractionPage.objects.filter(slug__in=SOUTH_TAIHANG)}
    points = [(float(places[n].latitude), float(places[n].longitude)) for n in names]
    assert path_km(points) == pytest.approx(brute_force_km(points, 0))


def test_three_days_from_a_date_with_that_days_events_and_a_calendar(client, tourism_index):
    from tourism.models import EventDate, EventPage

    event = EventPage.objects.live().filter(attraction__isnull=False).first()
    EventDate.objects.create(event=event, start_date=date(2027, 5, 2))
    query = "&".join(f"a={slug}" for slug in SOUTH_TAIHANG) + "&date=2027-05-01&days=3"
    body = client.get(f"/en/tourism/plan/?{query}").content.decode()
    days = body[body.index('class="trip-days"') :]
    assert re.findall(r"<h3>Day (\d)", days) == ["1", "2", "3"]
    assert '<time datetime="2027-05-01">' in days and '<time datetime="2027-05-03">' in days
    day_two = days[days.index("<h3>Day 2") : days.index("<h3>Day 3")]
    assert event.title_en in day_two and event.title_en not in days.replace(day_two, "")
    assert "Print itinerary" in body
    # Each day prints its own map, with that day's stops only.
    maps = re.findall(r'<figure class="day-map" hidden>(.*?)</figure>', days, re.S)
    day_lists = re.findall(r'<ol class="itinerary">(.*?)</ol>', days, re.S)
    assert len(maps) == len(day_lists) == 3
    for day_map, day_list in zip(maps, day_lists, strict=True):
        assert day_map.count("<circle") == day_list.count("<li>") > 0
    assert "<title>Map of day 2</title>" in maps[1]
    assert 'date=2027-05-01&amp;days=3">Link to this trip' in body  # the shareable link
    ics = client.get(f"/en/tourism/plan/ics/?{query}")
    assert ics.status_code == 200 and ics["Content-Type"].startswith("text/calendar")
    text = ics.content.decode()
    assert re.findall(r"DTSTART;VALUE=DATE:(\d+)", text) == ["20270501", "20270502", "20270503"]
    assert text.count("BEGIN:VEVENT") == 3


@pytest.mark.parametrize("query", ["date=yesterday", "days=9", "days=x", "start=nowhere"])
def test_bad_options_are_ignored_with_a_message_or_default(client, tourism_index, query):
    response = client.get(f"/en/tourism/plan/?a=baligou&a=baoquan&{query}")
    assert response.status_code == 200
    assert len(stop_names(response.content.decode())) == 2


def test_calendar_needs_a_first_day(client, tourism_index):
    assert client.get("/en/tourism/plan/ics/?a=baligou&a=baoquan").status_code == 400


def test_routes_offer_one_two_and_three_day_plans(client, south_taihang):
    body = client.get(f"/en/tourism/{south_taihang.slug_en}/").content.decode()
    links = re.findall(r'href="(/en/tourism/plan/\?[^"]+days=(\d))">\d days?</a>', body)
    assert [days for _url, days in links] == ["1", "2", "3"]
    first = south_taihang.itinerary.attractions[0]
    three_days = client.get(links[2][0].replace("&amp;", "&")).content.decode()
    assert re.findall(r"<h3>Day (\d)", three_days) == ["1", "2", "3"]
    assert stop_names(three_days)[0] == first.title_en


@pytest.mark.parametrize("stops", [1, 2])
def test_a_short_route_is_offered_over_as_many_days_as_it_has_stops(client, south_taihang, stops):
    from tourism.models import AttractionPage

    after = [attraction.pk for attraction in south_taihang.itinerary.attractions[stops:]]
    AttractionPage.objects.filter(pk__in=after).update(live=False)
    body = client.get(f"/en/tourism/{south_taihang.slug_en}/").content.decode()
    offered = re.findall(r'href="/en/tourism/plan/\?[^"]+days=(\d)">\d days?</a>', body)
    assert offered == [str(days) for days in range(1, stops + 1)]


def test_events_keep_a_date_per_year_and_show_the_next(client, tourism_index):
    from tourism.models import EventDate, EventPage

    event = EventPage.objects.live().get(plan_key="yellow-river-forum")
    assert not event.dates.exists() and event.start_date is None  # the plan gives no date
    EventDate.objects.create(event=event, start_date=date(2020, 9, 20), end_date=date(2020, 9, 22))
    EventDate.objects.create(event=event, start_date=date(2099, 9, 19), end_date=date(2099, 9, 21))
    event.save()
    assert (event.start_date, event.end_date) == (date(2099, 9, 19), date(2099, 9, 21))
    assert event.next_date(date(2030, 1, 1)) == date(2099, 9, 19)
    assert event.occurs_on(date(2020, 9, 21)) and not event.occurs_on(date(2020, 9, 23))
    body = client.get(event.get_url()).content.decode()
    assert '<time datetime="2099-09-19">' in body
