"""Signed links in alert e-mails: they name a subscription and what the link does, so a
visitor can act on it without an account, and nobody can forge one for another address."""

from django.core import signing

SALT = "alerts.subscription"
CONFIRM_MAX_AGE = 7 * 24 * 60 * 60  # a confirmation link expires after a week


def make_token(subscription, action):
    return signing.dumps({"id": subscription.pk, "action": action}, salt=SALT)


def read_token(token, action, max_age=None):
    """The subscription id in `token`, or None if it is forged, expired or for another action."""
    try:
        data = signing.loads(token, salt=SALT, max_age=max_age)
    except signing.BadSignature:  # includes SignatureExpired
        return None
    if not isinstance(data, dict) or data.get("action") != action:
        return None
    return data.get("id")
