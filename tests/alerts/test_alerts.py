"""E-mail alerts: double opt-in, weekly digest of new and changed opportunities, one-click
unsubscribe with signed links; no account."""

import re
from datetime import timedelta
from io import StringIO

import pytest
from django.core import mail
from django.core.management import call_command
from django.utils import timezone

from alerts.models import AlertSubscription
from cooperation.models import OpportunityPage

pytestmark = pytest.mark.django_db
FILTER = "sector=new-materials"


def subscribe(client, email="ada@example.com", query=FILTER, language="en"):
    return client.post(f"/{language}/alerts/", {"email": email, "query": query})


def link_in(message, name):
    return re.search(rf"http://testserver(/\S+/{name}/\S+/)", message.body).group(1)


def test_subscription_needs_confirmation(client):
    response = subscribe(client)
    assert response.status_code == 200 and "Check your e-mail" in response.content.decode()
    subscription = AlertSubscription.objects.get()
    assert subscription.query == FILTER and subscription.confirmed_at is None
    (confirmation,) = mail.outbox
    assert confirmation.to == ["ada@example.com"] and "New materials" in confirmation.body
    # Opening the link (as a mail scanner does) only asks; the page's button confirms.
    opened = client.get(link_in(confirmation, "confirm"))
    assert opened.status_code == 200 and "Confirm my alert" in opened.content.decode()
    subscription.refresh_from_db()
    assert subscription.confirmed_at is None
    assert client.post(link_in(confirmation, "confirm")).status_code == 200
    subscription.refresh_from_db()
    assert subscription.confirmed_at is not None
    assert "Alert confirmed" in client.get(link_in(confirmation, "confirm")).content.decode()


def test_a_repeated_request_does_not_flood_the_address(client):
    subscribe(client)
    subscribe(client)
    assert len(mail.outbox) == 1 and AlertSubscription.objects.count() == 1


def test_the_filter_is_cleaned_and_the_address_checked(client):
    subscribe(client, query="sector=new-materials&evil=<script>&area=nowhere")
    assert AlertSubscription.objects.get().query == FILTER
    assert subscribe(client, email="not-an-address").status_code == 400


@pytest.mark.without_plan
@pytest.mark.parametrize("token", ["forged", "eyJpZCI6MX0:abc:def"])
def test_forged_links_are_refused(client, token):
    assert client.get(f"/en/alerts/confirm/{token}/").status_code == 400
    assert client.post(f"/en/alerts/confirm/{token}/").status_code == 400
    assert client.post(f"/en/alerts/unsubscribe/{token}/").status_code == 400


@pytest.mark.without_plan
@pytest.mark.parametrize(
    ("language", "heading"), [("en", "This link does not work"), ("zh-hans", "此链接无效")]
)
def test_a_refused_link_says_so_in_the_visitors_language(client, language, heading):
    body = client.get(f"/{language}/alerts/confirm/forged/").content.decode()
    assert f"<title>{heading} | " in body
    assert f"<h1>{heading}</h1>" in body


def test_weekly_digest_lists_new_and_changed_opportunities_with_one_click_unsubscribe(
    client, settings
):
    settings.ALERTS_FROM_EMAIL = "alerts@example.gov.cn"
    subscribe(client, language="zh-hans")
    assert mail.outbox[0].from_email == "alerts@example.gov.cn"
    client.post(link_in(mail.outbox[0], "confirm"))
    subscription = AlertSubscription.objects.get()
    matching = OpportunityPage.objects.live().filter(sectors__plan_key="new-materials")
    AlertSubscription.objects.filter(pk=subscription.pk).update(
        last_sent_at=timezone.now() - timedelta(days=7)
    )
    changed = matching.first()
    OpportunityPage.objects.filter(pk=changed.pk).update(last_published_at=timezone.now())
    unchanged = matching.exclude(pk=changed.pk)
    OpportunityPage.objects.filter(pk__in=unchanged.values("pk")).update(
        last_published_at=timezone.now() - timedelta(days=30)
    )
    mail.outbox.clear()
    call_command("send_alert_digests", stdout=StringIO())
    (digest,) = mail.outbox
    assert digest.from_email == "alerts@example.gov.cn"
    assert changed.title_zh_hans in digest.body
    assert all(page.title_zh_hans not in digest.body for page in unchanged)
    unsubscribe = digest.extra_headers["List-Unsubscribe"].strip("<>")
    assert digest.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    # Nothing new since: no second e-mail.
    call_command("send_alert_digests", stdout=StringIO())
    assert len(mail.outbox) == 1
    path = unsubscribe.removeprefix("http://127.0.0.1:8000")
    assert client.get(path).status_code == 200 and AlertSubscription.objects.exists()
    assert client.post(path).status_code == 200
    assert not AlertSubscription.objects.exists()


def test_one_address_gets_a_few_confirmations_a_day_whatever_the_alerts(client):
    from alerts.views import MAILS_PER_ADDRESS
    from core.models import Sector

    sectors = Sector.objects.exclude(plan_key="").values_list("plan_key", flat=True)
    for number, sector in enumerate(sectors[: MAILS_PER_ADDRESS + 2]):
        data = {"email": "victim@example.com", "query": f"sector={sector}"}
        client.post("/en/alerts/", data, REMOTE_ADDR=f"198.51.100.{number}")
    assert AlertSubscription.objects.count() == MAILS_PER_ADDRESS + 2  # five different alerts
    assert len(mail.outbox) == MAILS_PER_ADDRESS


def test_one_visitor_cannot_mail_many_addresses(client):
    from alerts.views import REQUESTS_PER_VISITOR

    for number in range(REQUESTS_PER_VISITOR):
        assert subscribe(client, email=f"person{number}@example.com").status_code == 200
    response = subscribe(client, email="one-more@example.com")
    assert response.status_code == 429
    assert "<h1>Too many alert requests</h1>" in response.content.decode()
    assert len(mail.outbox) == REQUESTS_PER_VISITOR
    assert not AlertSubscription.objects.filter(email="one-more@example.com").exists()


@pytest.mark.parametrize("method", ["get", "post"])
def test_the_alert_form_reads_the_listing_page_once(client, method):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    data = {"email": "ada@example.com", "query": FILTER}
    with CaptureQueriesContext(connection) as queries:
        assert getattr(client, method)("/en/alerts/", data).status_code == 200
    reads = [q for q in queries if 'FROM "cooperation_opportunityindexpage"' in q["sql"]]
    assert len(reads) == 1


def test_no_alerts_while_the_listing_page_is_not_public(client):
    from wagtail.models import PageViewRestriction

    from cooperation.models import OpportunityIndexPage

    PageViewRestriction.objects.create(
        page=OpportunityIndexPage.objects.get(), restriction_type=PageViewRestriction.LOGIN
    )
    assert client.get("/en/alerts/").status_code == 404
    assert subscribe(client).status_code == 404 and not mail.outbox


def test_a_page_published_while_a_digest_is_sent_is_in_the_next_one(client, monkeypatch):
    from alerts import mail as alert_mail
    from alerts.management.commands import send_alert_digests

    subscribe(client)
    client.post(link_in(mail.outbox[0], "confirm"))
    matching = OpportunityPage.objects.live().filter(sectors__plan_key="new-materials")
    first, late = matching[:2]
    OpportunityPage.objects.filter(pk=first.pk).update(last_published_at=timezone.now())

    def send_while_another_is_published(*args):
        alert_mail.send_digest(*args)
        OpportunityPage.objects.filter(pk=late.pk).update(last_published_at=timezone.now())

    monkeypatch.setattr(send_alert_digests, "send_digest", send_while_another_is_published)
    mail.outbox.clear()
    call_command("send_alert_digests", stdout=StringIO())
    monkeypatch.undo()
    call_command("send_alert_digests", stdout=StringIO())
    assert len(mail.outbox) == 2 and late.title_en in mail.outbox[1].body


def test_readme_names_the_sender_and_the_cron_lines_of_the_scheduled_commands(settings):
    """An operator learns from README.md who sends the alerts and which cron lines to install:
    each runs a command that exists, with the app nodes' environment file (production settings,
    secret key, mail server), as the other cron lines do."""
    from django.core.management import get_commands

    readme = (settings.BASE_DIR / "README.md").read_text()
    assert "| `ALERTS_FROM_EMAIL` |" in readme
    prefix = r"cd /srv/portal && set -a && \. /etc/portal/env && \.venv/bin/python manage\.py"
    for command in ("anonymise_enquiries", "send_alert_digests"):
        assert command in get_commands()
        assert re.search(rf"^(\S+ ){{5}}{prefix} {command}$", readme, re.M), command
