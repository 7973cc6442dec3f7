"""The alert e-mails: the confirmation (double opt-in) and the weekly digest, each in the
subscriber's language, from ALERTS_FROM_EMAIL, the digest with one-click unsubscribe headers
(RFC 2369 List-Unsubscribe, RFC 8058 List-Unsubscribe-Post)."""

from django.conf import settings
from django.core.mail import EmailMessage
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from alerts.digest import describe
from alerts.tokens import make_token


def link(base_url, name, subscription, action):
    with translation.override(subscription.language):
        path = reverse(f"alerts:{name}", args=[make_token(subscription, action)])
    return base_url.rstrip("/") + path


def send_confirmation(subscription, listing, base_url):
    """`listing` is the subscription's (alerts.digest.alert_listing)."""
    with translation.override(subscription.language):
        body = render_to_string(
            "alerts/confirm_email.txt",
            {
                "filter": describe(listing),
                "confirm_url": link(base_url, "confirm", subscription, "confirm"),
            },
        )
        subject = _("Please confirm your opportunity alert")
    EmailMessage(subject, body, settings.ALERTS_FROM_EMAIL, [subscription.email]).send()


def send_digest(subscription, listing, opportunities, base_url):
    """`listing` is the subscription's (alerts.digest.alert_listing)."""
    unsubscribe_url = link(base_url, "unsubscribe", subscription, "unsubscribe")
    with translation.override(subscription.language):
        body = render_to_string(
            "alerts/digest_email.txt",
            {
                "filter": describe(listing),
                "opportunities": [
                    (page.title, base_url.rstrip("/") + page.get_url()) for page in opportunities
                ],
                "unsubscribe_url": unsubscribe_url,
            },
        )
        subject = _("New and changed opportunities in Xinxiang")
    EmailMessage(
        subject,
        body,
        settings.ALERTS_FROM_EMAIL,
        [subscription.email],
        headers={
            "List-Unsubscribe": f"<{unsubscribe_url}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
        },
    ).send()
