"""A route shows only the public stops (core/public.py): a stop whose attraction is unpublished,
expired or view-restricted is left out of every part of the route, as if it were not entered."""

import json
from datetime import timedelta

import pytest
from django.utils import timezone

from tests.tourism.plan_data import planned_stops


def hide(attraction, how):
    from wagtail.models import PageViewRestriction

    from tourism.models import AttractionPage

    if how == "unpublished":
        AttractionPage.objects.filter(pk=attraction.pk).update(live=False)
    elif how == "expired":
        yesterday = timezone.now() - timedelta(days=1)
        AttractionPage.objects.filter(pk=attraction.pk).update(expire_at=yesterday)
    else:
        PageViewRestriction.objects.create(
            page=attraction, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )


@pytest.fixture(params=["unpublished", "expired", "restricted"])
def hidden_stop(request, south_taihang):
    stop = next(stop for stop in planned_stops("south-taihang") if stop.plan_key == "baoquan")
    hide(stop, request.param)
    return stop


def test_route_page_leaves_out_a_stop_that_is_not_public(client, south_taihang, hidden_stop):
    from tourism.models import RoutePage

    route = RoutePage.objects.get(pk=south_taihang.pk)
    shown = [stop for stop in planned_stops("south-taihang") if stop != hidden_stop]
    assert route.itinerary.attractions == shown
    assert all(hidden_stop not in day.attractions for _title, day in route.day_plans())
    assert f"a={hidden_stop.slug}" not in "".join(query for _days, query in route.day_variants())

    body = client.get(f"/en/tourism/{route.slug}/").content.decode()
    assert f"/tourism/{hidden_stop.slug}/" not in body
    points = body[body.index('id="portal-map-points"') :]
    points = json.loads(points[points.index(">") + 1 : points.index("</script>")])
    assert [point["name"] for point in points] == [stop.title_en for stop in shown]
    for export in ("gpx", "geojson"):
        document = client.get(f"/en/tourism/{route.slug}/{export}/").content.decode()
        assert f"/tourism/{hidden_stop.slug}/" not in document


def test_tourism_index_counts_only_the_public_stops(client, south_taihang, hidden_stop):
    body = client.get("/en/tourism/").content.decode()
    count = len(planned_stops("south-taihang")) - 1
    card = body[body.index(f'href="/en/tourism/{south_taihang.slug}/"') :]
    assert card[: card.index("</li>")].count(f"{count} stops") == 1


def test_a_preview_shows_its_unsaved_stops(south_taihang):
    from tourism.models import RouteStop

    attraction = planned_stops("south-taihang")[0]
    preview = south_taihang.with_content_json(south_taihang.serializable_data())
    preview.stops.add(RouteStop(attraction=attraction, sort_order=99))
    assert preview.itinerary.attractions[-1] == attraction


def test_a_route_without_public_stops_shows_no_stops_or_map(client, south_taihang):
    from tourism.models import AttractionPage

    stops = [stop.pk for stop in planned_stops("south-taihang")]
    AttractionPage.objects.filter(pk__in=stops).update(live=False)
    response = client.get(f"/en/tourism/{south_taihang.slug}/")
    assert response.status_code == 200
    body = response.content.decode()
    assert 'id="stops-heading"' not in body
    assert "static-route-map" not in body and 'id="portal-map"' not in body
