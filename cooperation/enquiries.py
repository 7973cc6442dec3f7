"""Receiving an investor's enquiry: flood limit, honeypot, storage, e-mail to staff (routed by
`enquiry_followup`) and the investor's acknowledgement."""

from django.conf import settings
from django.core.cache import cache
from django.utils import translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext_lazy as _

from cooperation.enquiry_followup import acknowledge, recipients_for, send_enquiry_mail
from portal.client_address import client_address

RATE_LIMIT = 5  # enquiries …
RATE_WINDOW = 60 * 60  # … per hour and address


def address_hash(request):
    return salted_hmac(
        "cooperation.enquiry.ip", client_address(request), algorithm="sha256"
    ).hexdigest()


def over_rate_limit(request):
    """Count one valid enquiry; True once the visitor has sent more than RATE_LIMIT in the
    window."""
    return over_limit(f"enquiry-rate:{address_hash(request)}", RATE_LIMIT, RATE_WINDOW)


def over_limit(key, limit, window):
    """Count one more under `key`; True once it has been counted more than `limit` times in
    `window` seconds (the alerts' form counts with it too).

    add() and incr() are each atomic in a shared cache (Redis in production), so concurrent
    requests from every worker get distinct counts and no more than `limit` get through.
    """
    cache.add(key, 0, window)
    try:
        sent = cache.incr(key)
    except ValueError:  # the entry expired between add() and incr(): a new window starts
        cache.add(key, 0, window)
        sent = cache.incr(key)
    return sent > limit


def save_enquiry(form, opportunity, request):
    enquiry = form.save(commit=False)
    enquiry.opportunity = opportunity
    enquiry.language = translation.get_language()
    enquiry.ip_hash = address_hash(request)
    recipients = recipients_for(opportunity)
    enquiry.routed_to = ", ".join(recipients)
    enquiry.save()
    notify_staff(enquiry, request, recipients)
    acknowledge(enquiry, request)
    return enquiry


def notify_staff(enquiry, request, recipients):
    # Staff read the portal in its default language, whatever the visitor's.
    send_enquiry_mail(
        enquiry,
        request,
        language=settings.LANGUAGE_CODE,
        subject=_("Investment enquiry %(reference)s: %(title)s"),
        template="cooperation/enquiry_email.txt",
        to=recipients,
        reply_to=[enquiry.email],
    )
