"""Visitors search in either language: results, facets and the empty state are accessible."""

import pytest

from tests.browser.conftest import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.mark.parametrize(
    ("language", "query"), [("en", "Yellow River"), ("zh-hans", "宝泉"), ("en", "zzzz-nothing")]
)
def test_search_page_is_accessible(browser_page, live_site, language, query):
    browser_page.goto(f"{live_site.url}/{language}/search/")
    field = browser_page.locator("#search-q")
    field.fill(query)
    field.press("Enter")
    browser_page.wait_for_load_state()
    assert f"/{language}/search/?" in browser_page.url
    assert browser_page.locator("h1").count() == 1
    assert_no_axe_violations(browser_page)
