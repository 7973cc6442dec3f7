"""A Chinese-speaking tourist finds a route, sees its map and stops, and takes the GPX along.

Every request outside the live server is aborted, so the map must work without map tiles."""

import re
import xml.etree.ElementTree as ET

import pytest

from tests.browser.conftest import assert_no_axe_violations
from tests.tourism.plan_data import planned_stops

pytestmark = pytest.mark.browser

GPX = "{http://www.topografix.com/GPX/1/1}"
IN_MAP = "document.querySelector('#portal-map').contains(document.activeElement)"


def offline(page, server):
    """Only the portal answers: no map tiles, no CDN."""
    page.route(
        "**/*",
        lambda route: (
            route.continue_() if route.request.url.startswith(server.url) else route.abort()
        ),
    )


def test_tourist_follows_a_route_and_downloads_its_gpx(browser_page, live_site):
    from tourism.models import RoutePage

    route = RoutePage.objects.get(plan_key="south-taihang")
    stops = planned_stops(route.plan_key)
    page = browser_page
    offline(page, live_site)

    page.goto(f"{live_site.url}/zh-hans/")
    assert page.locator("html").get_attribute("lang") == "zh-Hans"
    page.locator('main a[href="/zh-hans/tourism/"]').first.click()
    page.wait_for_url("**/zh-hans/tourism/")
    page.locator("main").get_by_role("link", name=route.title_zh_hans).click()
    page.wait_for_url(f"**/zh-hans/tourism/{route.slug}/")

    assert page.locator('#portal-map[role="region"][aria-label]').is_visible()
    assert page.locator("#portal-map.leaflet-container").count() == 1
    assert page.locator("#portal-map .leaflet-marker-icon").count() == len(stops)
    assert page.locator("#portal-map .leaflet-overlay-pane path").count() == 1  # the line
    names = page.locator("ol.itinerary > li > a").all_inner_texts()
    assert names == [stop.title_zh_hans for stop in stops]
    marker_names = page.locator("#portal-map .leaflet-marker-icon").evaluate_all(
        "icons => icons.map(icon => icon.getAttribute('aria-label'))"
    )
    assert marker_names == [f"{n}. {stop.title_zh_hans}" for n, stop in enumerate(stops, 1)]

    with page.expect_download() as download_info:
        page.locator('main a[type="application/gpx+xml"][download]').click()
    download = download_info.value
    assert download.suggested_filename == f"{route.slug}.gpx"
    root = ET.parse(download.path()).getroot()
    points = root.findall(f"{GPX}rte/{GPX}rtept")
    assert [point.find(f"{GPX}name").text for point in points] == names
    assert float(points[0].get("lat")) == pytest.approx(float(stops[0].latitude))
    assert float(points[0].get("lon")) == pytest.approx(float(stops[0].longitude))

    # The map is not a keyboard trap: Tab leaves it after its controls and markers.
    page.locator("#portal-map").focus()
    for _ in range(len(stops) + 10):
        page.keyboard.press("Tab")
        if not page.evaluate(
            "document.querySelector('#portal-map').contains(document.activeElement)"
        ):
            break
    else:
        pytest.fail("Tab never left the map")


def test_tourism_pages_are_accessible_and_work_by_keyboard(browser_page, live_site):
    page = browser_page
    offline(page, live_site)
    for path in (
        "/zh-hans/tourism/",
        "/zh-hans/tourism/south-taihang/",
        "/en/tourism/south-taihang/",
    ):
        page.goto(f"{live_site.url}{path}")
        assert_no_axe_violations(page)
        # Nothing overflows sideways, on a phone either.
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")

    page.goto(f"{live_site.url}/en/tourism/plan/")
    for name in ("Bigan Temple", "Baligou"):
        page.get_by_label(name).focus()
        page.keyboard.press("Space")
    page.get_by_role("button", name="Plan my trip").focus()
    page.keyboard.press("Enter")
    # The trip options (start, first day, days) come before the picks in the query string.
    page.wait_for_url(re.compile(r"/plan/\?(?:.*&)?a="))
    assert page.locator("ol.itinerary > li > a").all_inner_texts() == ["Baligou", "Bigan Temple"]
    assert page.locator("#portal-map .leaflet-marker-icon").count() == 2
    assert page.get_by_role("button", name="Print itinerary").is_visible()
    assert_no_axe_violations(page)
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
