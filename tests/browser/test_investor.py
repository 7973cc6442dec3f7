"""An English-speaking investor finds an opportunity with the filters and sends an enquiry."""

import re
import threading

import pytest
from django.core import mail

from tests.browser.conftest import assert_no_axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


@pytest.fixture
def area_and_sector(db):
    from django.db.models import Count

    from cooperation.models import StrategyAreaPage
    from core.models import Sector

    area = StrategyAreaPage.objects.annotate(n=Count("opportunities")).order_by("-n").first()
    sector = (
        Sector.objects.filter(opportunitypage__strategy_area=area)
        .annotate(n=Count("opportunitypage"))
        .order_by("-n")
        .first()
    )
    return area, sector


def test_investor_filters_and_sends_an_enquiry(browser_page, live_site, area_and_sector, settings):
    from cooperation.models import Enquiry

    settings.ENQUIRY_RESPONSE_WORKING_DAYS = 5  # as the office would set it (unset: no promise)
    area, sector = area_and_sector
    page = browser_page
    page.goto(f"{live_site.url}/en/")
    page.get_by_role("link", name="Investment opportunities").first.click()
    open_filters(page)

    area_filter = page.get_by_role("group", name="Strategy area", exact=True)
    area_filter.get_by_label(re.compile(rf"^{re.escape(area.short_title_en)} \(")).check()
    # A sector group may share a sector's name ("Culture and tourism"): tick the sector.
    sector_filter = page.get_by_role("group", name="Sector", exact=True)
    sector_filter.get_by_label(re.compile(rf"^{re.escape(sector.name_en)} \(")).check()
    page.get_by_role("button", name="Show opportunities").click()
    assert f"area={area.plan_key}" in page.url and f"sector={sector.plan_key}" in page.url

    page.locator(".opportunity-results .card h3 a").first.click()
    page.get_by_role("heading", name="Enquire about this opportunity").wait_for()
    page.get_by_label("Name").fill("Ada Investor")
    page.get_by_label("Organisation").fill("Example Capital")
    page.get_by_label("Email").fill("ada@example.com")
    page.get_by_label("Country or region").fill("Germany")
    page.get_by_label("Message").fill("Please send us the project details.")
    page.get_by_label(re.compile("I agree")).check()
    page.get_by_role("button", name="Send enquiry").click()

    page.get_by_text("Thank you. Your enquiry has been sent.").wait_for()
    sent = Enquiry.objects.filter(email="ada@example.com")
    assert sent.exists()
    # The investor's acknowledgement: their reference number and when to expect a reply.
    reference = sent.get().reference
    assert re.fullmatch(r"XOC-\d{4}-\d{4,}", reference)
    acknowledgement = next(m for m in mail.outbox if m.to == ["ada@example.com"])
    assert reference in acknowledgement.subject and reference in acknowledgement.body
    assert "We aim to reply within 5 working days." in acknowledgement.body
    outside_this_transaction(sent.delete)


def open_filters(page):
    """On a phone the filters are folded into a disclosure above the results: open it."""
    summary = page.locator(".filter-disclosure > summary")
    summary.wait_for(state="attached")
    if summary.is_visible():
        summary.click()
    page.get_by_role("heading", name="Filter opportunities").wait_for()


def outside_this_transaction(action):
    """The server committed the enquiry, so a rollback of this test would not remove it: do that
    from another thread, whose own connection commits."""
    from django.db import connection

    def run():
        action()
        connection.close()

    worker = threading.Thread(target=run)
    worker.start()
    worker.join()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_investor_pages_have_no_axe_violations(browser_page, live_site, language):
    from cooperation.models import OpportunityIndexPage, OpportunityPage

    index = OpportunityIndexPage.objects.get()
    opportunity = OpportunityPage.objects.live().filter(counties__isnull=False).first()
    slug = "slug_en" if language == "en" else "slug_zh_hans"
    for path in [
        "",
        f"{getattr(index, slug)}/",
        f"{getattr(index, slug)}/?sort=stage&page=2",
        f"{getattr(index, slug)}/{getattr(opportunity, slug)}/",
    ]:
        browser_page.goto(f"{live_site.url}/{language}/{path}")
        assert_no_axe_violations(browser_page)


def test_invalid_enquiry_errors_are_announced_and_accessible(browser_page, live_site):
    from cooperation.models import OpportunityPage

    opportunity = OpportunityPage.objects.live().first()
    browser_page.goto(f"{live_site.url}/en/opportunities/{opportunity.slug_en}/")
    browser_page.get_by_role("button", name="Send enquiry").click()
    browser_page.get_by_role("alert").wait_for()
    assert browser_page.get_by_label("Email").get_attribute("aria-invalid") == "true"
    assert_no_axe_violations(browser_page)
