"""Every page type at 390 and 1280 px in both languages, with every request to another host
blocked: screenshots kept in artifacts/screenshots/ (gitignored), no sideways overflow, nothing
moved while the page loads (drawing a map included), map markers inside their map, and the
portal's own reference places and rivers drawn under them."""

from pathlib import Path

import pytest
from django.conf import settings

from core.i18n import page_url_in
from tests.browser.test_tourist import offline

pytestmark = pytest.mark.browser

SCREENSHOTS = Path(settings.BASE_DIR) / "artifacts" / "screenshots"
MARKERS_INSIDE_MAP = """() => {
  const map = document.querySelector('#portal-map').getBoundingClientRect();
  return [...document.querySelectorAll('#portal-map .leaflet-marker-icon')].every(marker => {
    const box = marker.getBoundingClientRect();
    return box.left >= map.left && box.right <= map.right
      && box.top >= map.top && box.bottom <= map.bottom;
  });
}"""
# A river line drawn where the map shows it, in a pane under the markers'.
RIVER_IN_VIEW = """() => {
  const map = document.querySelector('#portal-map').getBoundingClientRect();
  const rivers = document.querySelector('#portal-map .leaflet-rivers-pane');
  const markers = document.querySelector('#portal-map .leaflet-marker-pane');
  const under = Number(getComputedStyle(rivers).zIndex) < Number(getComputedStyle(markers).zIndex);
  return under && [...rivers.querySelectorAll('path')].some(path => {
    const box = path.getBoundingClientRect();
    return box.width > 0 && box.left < map.right && box.right > map.left
      && box.top < map.bottom && box.bottom > map.top;
  });
}"""
# The layout shifts so far (what Lighthouse's Cumulative Layout Shift adds up).
LAYOUT_SHIFT = """() => new Promise(resolve => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const shift of list.getEntries()) if (!shift.hadRecentInput) total += shift.value;
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => resolve(total), 100);
})"""


def page_paths(language):
    from cooperation.models import OpportunityPage
    from tourism.models import AttractionPage, RoutePage

    opportunity = (
        OpportunityPage.objects.live()
        .exclude(counties__plan_key="citywide")
        .filter(counties__isnull=False)
    ).first()
    indicators = f"/{language}/indicators/"
    return {
        "home": f"/{language}/",
        "listing": f"/{language}/opportunities/",
        "opportunity": page_url_in(opportunity, language),
        "route": page_url_in(RoutePage.objects.get(plan_key="south-taihang"), language),
        "attraction": page_url_in(AttractionPage.objects.live().first(), language),
        "indicators": indicators,
        "indicator": indicators + "{first_indicator}/",
    }


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_page_types_at_phone_and_desktop_widths(browser_page, live_site, language):
    from home.models import Indicator

    page = browser_page
    offline(page, live_site)
    width = page.viewport_size["width"]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    first_indicator = Indicator.objects.order_by("order").first().pk
    for name, path in page_paths(language).items():
        page.goto(live_site.url + path.format(first_indicator=first_indicator))
        if page.locator("#portal-map").count():
            page.locator("#portal-map .leaflet-marker-icon").first.wait_for()
            page.locator("#portal-map .portal-map-place").first.wait_for()
            assert page.evaluate(MARKERS_INSIDE_MAP), f"{name}: a marker is cut off"
        assert page.evaluate(LAYOUT_SHIFT) < 0.01, f"{name}: something moved while loading"
        page.screenshot(path=SCREENSHOTS / f"{name}-{language}-{width}.png", full_page=True)
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{name} overflows by {overflow}px at {width}px"


@pytest.mark.parametrize(
    ("language", "river", "credit"),
    [
        ("zh-hans", "黄河", "河流与渠道：GSHHG"),
        ("en", "Yellow River", "Rivers and canals: GSHHG"),
    ],
)
def test_the_yellow_river_is_drawn_and_credited_offline(
    browser_page, live_site, language, river, credit
):
    from tourism.models import RoutePage

    page = browser_page
    offline(page, live_site)
    route = RoutePage.objects.get(plan_key="yellow-river")
    page.goto(live_site.url + page_url_in(route, language))
    label = page.locator("#portal-map .leaflet-rivers-pane .portal-map-river")
    label.wait_for()
    assert label.inner_text() == river
    assert page.evaluate(RIVER_IN_VIEW)
    assert credit in page.locator("#portal-map .leaflet-control-attribution").inner_text()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    width = page.viewport_size["width"]
    page.locator("#portal-map").screenshot(path=SCREENSHOTS / f"rivers-{language}-{width}.png")


def test_without_javascript_a_map_leaves_no_empty_box(chromium, live_site):
    """The attraction's map box is in place before the map is drawn, so nothing below it moves;
    without JavaScript there is nothing to draw, and the box is not shown."""
    from tourism.models import AttractionPage

    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(live_site.url + page_url_in(AttractionPage.objects.live().first(), "en"))
    assert page.locator("#portal-map").count() == 1
    assert not page.locator(".portal-map-figure").is_visible()
    context.close()
