"""\"Build my trip\": a GET form of every attraction, answered with an order and distances."""

import re
import xml.etree.ElementTree as ET

import pytest

from tests.geography import legs_km
from tourism.itinerary import MAX_TRIP_PICKS

GPX = "{http://www.topografix.com/GPX/1/1}"


def stop_names(body):
    itinerary = body[body.index('class="itinerary"') : body.index('class="itinerary-total"')]
    return re.findall(r'<a href="[^"]+">([^<]+)</a>', itinerary)


def test_form_offers_every_attraction_grouped_by_county(client, tourism_index):
    from tourism.models import AttractionPage

    body = client.get("/en/tourism/plan/").content.decode()
    form = body[body.index('<form class="trip-form') : body.index("</form>")]
    assert 'method="get"' in form
    assert form.count('type="checkbox" name="a"') == AttractionPage.objects.live().count()
    assert form.count("<fieldset>") == len(
        set(AttractionPage.objects.values_list("county", flat=True))
    )
    assert "<legend>" in form
    assert 'class="itinerary"' not in body


def test_picks_come_back_west_to_east_with_distances(client, tourism_index):
    from tourism.models import AttractionPage

    # Three places far apart along a west-east line: the order must follow the longitude.
    picks = AttractionPage.objects.filter(slug__in=["tongwaxiang", "baligou", "bigan-temple"])
    expected = sorted(picks, key=lambda attraction: attraction.longitude)
    body = client.get("/en/tourism/plan/?a=tongwaxiang&a=baligou&a=bigan-temple").content.decode()
    assert stop_names(body) == [attraction.title_en for attraction in expected]
    legs = re.findall(r"([\d.]+) km from the previous stop \(straight line\)", body)
    shown = [float(km) for km in legs]
    known = legs_km(expected)
    assert shown == pytest.approx(known, abs=0.5)
    total = float(re.search(r"Total: ([\d.]+) km in straight lines", body).group(1))
    assert total == pytest.approx(sum(known), abs=0.5)
    for slug in ("tongwaxiang", "baligou", "bigan-temple"):
        assert f'value="{slug}" id="pick-{slug}" checked' in body


def test_trip_has_a_shareable_link_and_gpx(client, tourism_index):
    body = client.get("/en/tourism/plan/?a=bigan-temple&a=baligou").content.decode()
    query = "a=baligou&amp;a=bigan-temple"
    assert f'href="/en/tourism/plan/?{query}"' in body
    assert f'href="/en/tourism/plan/gpx/?{query}" type="application/gpx+xml" download' in body
    response = client.get("/en/tourism/plan/gpx/?a=bigan-temple&a=baligou")
    assert response["Content-Disposition"] == 'attachment; filename="xinxiang-trip.gpx"'
    root = ET.fromstring(response.content)
    names = [element.text for element in root.findall(f"{GPX}rte/{GPX}rtept/{GPX}name")]
    assert names == ["Baligou", "Bigan Temple"]
    assert len(root.findall(f"{GPX}wpt")) == 2


def test_a_shared_link_opens_the_same_trip_in_chinese(client, tourism_index):
    body = client.get("/zh-hans/tourism/plan/?a=baligou&a=bigan-temple").content.decode()
    assert stop_names(body) == ["八里沟", "比干庙"]


@pytest.mark.parametrize(
    "query",
    [
        "a=no-such-place&a=baligou&a=baligou",
        "a=%3Cscript%3Ealert(1)%3C/script%3E&a=baligou",
        "a=&a=baligou&b=1",
        "a=baligou&a=china-tourism-day",  # an event, not an attraction
    ],
)
def test_bad_keys_are_ignored(client, tourism_index, query):
    response = client.get(f"/en/tourism/plan/?{query}")
    assert response.status_code == 200
    body = response.content.decode()
    assert stop_names(body) == ["Baligou"]
    assert "<script>alert(1)" not in body


def test_too_many_picks_gets_a_clear_message(client, tourism_index):
    query = "&".join(["a=baligou"] * (MAX_TRIP_PICKS + 1))
    response = client.get(f"/en/tourism/plan/?{query}")
    assert response.status_code == 200
    body = response.content.decode()
    assert f"Please choose at most {MAX_TRIP_PICKS} places; you chose {MAX_TRIP_PICKS + 1}." in body
    assert 'role="alert"' in body
    assert 'class="itinerary"' not in body
    assert client.get(f"/en/tourism/plan/gpx/?{query}").status_code == 200


def test_every_attraction_at_once(client, tourism_index):
    from tourism.models import AttractionPage

    slugs = list(AttractionPage.objects.live().values_list("slug", flat=True))
    body = client.get("/en/tourism/plan/?" + "&".join(f"a={s}" for s in slugs)).content.decode()
    assert len(stop_names(body)) == len(slugs)
