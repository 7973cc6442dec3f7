"""County and district boundaries on the maps, with every request to another host blocked: drawn
under the markers and credited, named in the page's language where a name fits, and a
"Citywide" opportunity's map is the whole city shaded, with no pin. Screenshots of both go to
artifacts/screenshots/ (gitignored)."""

import pytest

from core.i18n import page_url_in
from tests.browser.test_tourist import offline
from tests.browser.test_visuals import SCREENSHOTS

pytestmark = pytest.mark.browser

# The boundaries' paths, in a pane under the markers', and the part of the map they cover.
BOUNDARIES = """() => {
  const map = document.querySelector('#portal-map').getBoundingClientRect();
  const pane = document.querySelector('#portal-map .leaflet-counties-pane');
  const markers = document.querySelector('#portal-map .leaflet-marker-pane');
  const paths = [...pane.querySelectorAll('path')];
  const shaded = paths.filter(path => path.getAttribute('fill') !== 'none');
  const box = shaded.length ? shaded[0].getBoundingClientRect() : {width: 0, height: 0};
  return {
    shadedInside: shaded.length === 1 && box.left >= map.left && box.right <= map.right
      && box.top >= map.top && box.bottom <= map.bottom,
    under: Number(getComputedStyle(pane).zIndex) < Number(getComputedStyle(markers).zIndex),
    paths: paths.length,
    shaded: shaded.length,
    shadedShare: Math.max(box.width / map.width, box.height / map.height),
  };
}"""

# The county names shown, whether one covers another label or a marker, and whether one
# repeats a place's name shown beside it (辉县市 the county and 辉县市 its seat).
COUNTY_NAMES = """() => {
  const box = element => element.getBoundingClientRect();
  const overlap = (a, b) => a.left < b.right && b.left < a.right
    && a.top < b.bottom && b.top < a.bottom;
  const map = document.querySelector('#portal-map');
  const shown = [...map.querySelectorAll('.portal-map-county')]
    .filter(label => getComputedStyle(label).visibility === 'visible');
  const others = [...map.querySelectorAll('.portal-map-place, .leaflet-marker-icon')].map(box);
  return {
    names: shown.map(label => label.textContent),
    covering: shown.some((label, i) => others.concat(shown.filter((_, j) => j !== i).map(box))
      .some(other => overlap(box(label), other))),
    repeating: shown.some(label => [...map.querySelectorAll('.portal-map-place')]
      .some(place => getComputedStyle(place).visibility === 'visible'
        && place.textContent === label.textContent)),
  };
}"""


# What Baligou's map shows in each language: the name of its county, and the data's credit.
COUNTY_AND_CREDIT = {
    "zh-hans": ("辉县市", "区划界线：高德地图"),
    "en": ("Huixian", "Boundaries: AMap via pyecharts"),
}


@pytest.mark.parametrize("language", COUNTY_AND_CREDIT)
def test_an_attractions_map_draws_the_boundaries_offline(browser_page, live_site, language):
    from tourism.models import AttractionPage

    county, credit = COUNTY_AND_CREDIT[language]
    page = browser_page
    offline(page, live_site)
    page.goto(live_site.url + page_url_in(AttractionPage.objects.get(plan_key="baligou"), language))
    page.locator("#portal-map .leaflet-counties-pane path").first.wait_for()
    drawn = page.evaluate(BOUNDARIES)
    assert drawn["under"] and drawn["paths"] == 13 and drawn["shaded"] == 0
    labels = page.locator("#portal-map .portal-map-county")
    assert county in labels.evaluate_all("labels => labels.map(label => label.textContent)")
    assert credit in page.locator("#portal-map .leaflet-control-attribution").inner_text()
    assert page.locator("#portal-map .leaflet-marker-icon").count() == 1


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_a_citywide_opportunity_shows_the_city_shaded_and_no_pin(browser_page, live_site, language):
    from cooperation.models import OpportunityPage
    from core.models import County

    citywide = County.objects.get(plan_key="citywide")
    opportunity = next(
        page
        for page in OpportunityPage.objects.live().filter(counties=citywide)
        if list(page.counties.all()) == [citywide]
    )
    page = browser_page
    offline(page, live_site)
    page.goto(live_site.url + page_url_in(opportunity, language))
    page.locator("#portal-map .leaflet-counties-pane path").first.wait_for()
    page.locator("#portal-map .portal-map-place").first.wait_for()
    drawn = page.evaluate(BOUNDARIES)
    # The city, framed whole, filling the map's width or height to a quarter zoom step.
    assert drawn["shaded"] == 1 and drawn["shadedInside"] and drawn["shadedShare"] > 0.6
    assert page.locator("#portal-map .leaflet-marker-icon").count() == 0
    # Here each county's seat is labelled with the county's name, so a county's own name shows
    # only where its seat's label is hidden, and never over another label.
    names = page.evaluate(COUNTY_NAMES)
    assert not names["covering"] and not names["repeating"]
    width = page.viewport_size["width"]
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("#portal-map").screenshot(path=SCREENSHOTS / f"citywide-{language}-{width}.png")
    page.screenshot(
        path=SCREENSHOTS / f"opportunity-citywide-{language}-{width}.png", full_page=True
    )
    # Keyboard: the map itself takes the focus and pans with the arrow keys.
    page.locator("#portal-map").focus()
    before = page.evaluate(
        "document.querySelector('#portal-map .leaflet-map-pane').style.transform"
    )
    page.keyboard.press("ArrowLeft")
    page.wait_for_timeout(400)
    after = page.evaluate("document.querySelector('#portal-map .leaflet-map-pane').style.transform")
    assert before != after
