"""An investor follows a filter by e-mail: subscribes, confirms, and unsubscribes."""

import re

import pytest
from django.core import mail

from tests.browser.test_investor import outside_this_transaction

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def test_alert_subscription_confirmation_and_unsubscribe(browser_page, live_site):
    from alerts.models import AlertSubscription
    from cooperation.models import OpportunityIndexPage

    index = OpportunityIndexPage.objects.get()
    page = browser_page
    page.goto(f"{live_site.url}/en/{index.slug_en}/?group=life-sciences-health")
    page.get_by_role("link", name="weekly e-mail").click()
    page.get_by_text("Life sciences and health").first.wait_for()
    page.get_by_label("Your e-mail address").fill("ada@example.com")
    page.get_by_role("button", name="Subscribe").click()
    page.get_by_role("heading", name="Check your e-mail").wait_for()

    (confirmation,) = mail.outbox
    confirm_url = re.search(r"https?://\S+/confirm/\S+/", confirmation.body).group(0)
    page.goto(confirm_url)
    page.get_by_role("button", name="Confirm my alert").click()
    page.get_by_role("heading", name="Alert confirmed").wait_for()
    subscription = AlertSubscription.objects.get(email="ada@example.com")
    assert subscription.confirmed_at and subscription.query == "group=life-sciences-health"

    from alerts.mail import link

    page.goto(link(live_site.url, "unsubscribe", subscription, "unsubscribe"))
    page.get_by_role("button", name="Stop these e-mails").click()
    page.get_by_role("heading", name="Unsubscribed").wait_for()
    assert not AlertSubscription.objects.filter(email="ada@example.com").exists()
    outside_this_transaction(AlertSubscription.objects.filter(email="ada@example.com").delete)
