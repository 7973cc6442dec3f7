"""A tourist plans three days from a date, in an order without backtracking, and prints it."""

import re
from itertools import permutations

import pytest

from tourism.geo import path_km

pytestmark = [pytest.mark.browser, pytest.mark.django_db]

PLACES = ["baiquan", "baoquan", "wanxianshan", "baligou"]


def test_three_day_trip_from_a_date_prints_its_days_and_static_maps(browser_page, live_site):
    from tourism.models import AttractionPage, RoutePage

    attractions = {a.slug: a for a in AttractionPage.objects.filter(slug__in=PLACES)}
    page = browser_page
    page.goto(f"{live_site.url}/en/tourism/plan/")
    for slug in PLACES:
        page.locator(f"#pick-{slug}").check()
    page.get_by_label("Start at").select_option("baiquan")
    page.get_by_label("First day").fill("2027-05-01")
    page.get_by_label("Number of days").select_option("3")
    page.get_by_role("button", name="Plan my trip").click()
    page.wait_for_url("**/plan/?*a=*")

    days = page.locator(".trip-days h3")
    assert days.count() == 3
    assert "1 May 2027" in days.nth(0).inner_text()
    assert "3 May 2027" in days.nth(2).inner_text()

    # The overall order starts at Baiquan and is the shortest one (no backtracking).
    names = page.locator(".route-stops .itinerary > li > a").all_inner_texts()
    by_title = {a.title_en: a for a in attractions.values()}
    assert names[0] == "Baiquan" and sorted(names) == sorted(by_title)

    def km(order):
        return path_km([(float(by_title[n].latitude), float(by_title[n].longitude)) for n in order])

    shortest = min(km(["Baiquan", *rest]) for rest in permutations(names[1:]))
    assert km(names) == pytest.approx(shortest)

    assert not page.locator(".trip-days figure.day-map").first.is_visible()  # print only
    assert page.locator(".portal-map-figure").is_visible()  # the interactive map, on screen
    page.emulate_media(media="print")
    assert page.locator(".trip-days").is_visible()
    assert not page.locator("form.trip-form").is_visible()
    assert not page.locator(".portal-map-figure").is_visible()
    assert page.locator("figure.static-route-map").is_visible()  # prints in its place
    day_maps = page.locator(".trip-days figure.day-map")
    assert day_maps.count() == 3 and all(day_maps.nth(i).is_visible() for i in range(3))
    assert_print_names_nothing_it_hides(page)

    # A route's page prints the same way.
    route = RoutePage.objects.get(plan_key="south-taihang")
    page.goto(f"{live_site.url}/en/tourism/{route.slug_en}/")
    assert page.locator("figure.static-route-map").is_visible()
    assert not page.locator(".portal-map-figure").is_visible()
    assert_print_names_nothing_it_hides(page)


def assert_print_names_nothing_it_hides(page):
    """What prints mentions no button, link or form that printing hides, nor an interactive map."""
    printed = page.locator("main").inner_text()
    assert not re.search(r"\b(on the map|map on this page|click|press)\b", printed, re.I)
    hidden = page.locator("main").evaluate(
        """main => [...main.querySelectorAll("a, button, label")]
            .filter(element => !element.checkVisibility())
            .map(element => element.innerText.trim())
            .filter(text => text.length > 3)"""
    )
    shown = {text.strip() for text in page.locator("main a:visible").all_inner_texts()}
    assert hidden and not [text for text in hidden if text not in shown and text in printed]
