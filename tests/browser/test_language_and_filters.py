"""A visitor from abroad lands in a language they read and keeps the one they choose; filter
links are readable plan keys, old id links still work, and phones get the results first."""

import pytest

from tests.browser.conftest import PHONE
from tests.browser.test_investor import open_filters

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.mark.parametrize(
    ("locale", "landing"),
    [("de-DE", "/en/"), ("ja-JP", "/en/"), ("zh-TW", "/zh-hans/"), ("en-GB", "/en/")],
)
def test_browser_language_picks_the_site_language_and_a_switch_is_remembered(
    chromium, live_site, locale, landing
):
    context = chromium.new_context(locale=locale)
    page = context.new_page()
    page.goto(f"{live_site.url}/")
    assert page.url == f"{live_site.url}{landing}"
    other = "简体中文" if landing == "/en/" else "English"
    page.locator(".language-switcher").get_by_role("link", name=other, exact=True).click()
    switched = "/zh-hans/" if landing == "/en/" else "/en/"
    page.wait_for_url(f"{live_site.url}{switched}")
    page.goto(f"{live_site.url}/")
    assert page.url == f"{live_site.url}{switched}"
    context.close()


def test_filters_use_plan_keys_and_old_id_links_redirect(browser_page, live_site):
    from cooperation.models import OpportunityIndexPage, StrategyAreaPage
    from core.models import Sector

    index = OpportunityIndexPage.objects.get()
    listing_url = f"{live_site.url}/en/{index.slug_en}/"
    page = browser_page
    page.goto(listing_url)
    open_filters(page)
    page.get_by_label("Advanced manufacturing (").check()
    page.get_by_role("button", name="Show opportunities").click()
    page.wait_for_url("**?group=advanced-manufacturing**")
    assert page.locator(".opportunity-results .card").count() > 0

    area = StrategyAreaPage.objects.get(plan_key="yangtze-river-delta")
    sector = Sector.objects.get(plan_key="new-materials")
    page.goto(f"{listing_url}?area={area.pk}&sector={sector.pk}")
    assert page.url == f"{listing_url}?area=yangtze-river-delta&sector=new-materials"
    open_filters(page)
    assert page.get_by_label("Yangtze River Delta (", exact=False).first.is_checked()


def test_on_a_phone_the_filters_fold_above_the_results_with_the_count(chromium, live_site):
    from cooperation.models import OpportunityIndexPage, OpportunityPage

    index = OpportunityIndexPage.objects.get()
    context = chromium.new_context(viewport=PHONE)
    page = context.new_page()
    page.goto(f"{live_site.url}/en/{index.slug_en}/")
    summary = page.locator(".filter-disclosure > summary")
    total = OpportunityPage.objects.live().count()
    assert f"{total} opportunities" in summary.inner_text()
    checkbox = page.get_by_label("Advanced manufacturing (")
    assert not checkbox.is_visible()
    # The first result is within the first screen.
    first_result = page.locator(".opportunity-results .card").first.bounding_box()
    assert first_result["y"] < PHONE["height"]
    summary.click()
    assert checkbox.is_visible()
    context.close()


def test_on_a_desktop_the_filters_are_always_shown(chromium, live_site):
    from cooperation.models import OpportunityIndexPage

    index = OpportunityIndexPage.objects.get()
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{live_site.url}/en/{index.slug_en}/")
    assert not page.locator(".filter-disclosure > summary").is_visible()
    assert page.get_by_label("Advanced manufacturing (").is_visible()
    context.close()
