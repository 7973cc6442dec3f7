"""After an enquiry is stored: who on the staff receives it, and the investor's acknowledgement."""

import logging
from smtplib import SMTPException

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext as _

from cooperation.models import EnquiryRoute
from core.links import absolute_url

logger = logging.getLogger(__name__)


def recipients_for(opportunity):
    """Staff responsible for the opportunity's strategy area or any of its sectors; the general
    ENQUIRY_RECIPIENTS when no route matches."""
    routes = EnquiryRoute.objects.filter(
        Q(strategy_area_id=opportunity.strategy_area_id) | Q(sector__in=opportunity.sectors.all())
    )
    addresses = dict.fromkeys(address for route in routes for address in route.addresses())
    return list(addresses) or list(settings.ENQUIRY_RECIPIENTS)


def acknowledge(enquiry, request):
    """E-mail the investor, in the language they wrote in, their reference number and when to
    expect an answer. A mail failure is logged: the enquiry is stored whatever happens."""
    with translation.override(enquiry.language):
        subject = _("Your enquiry %(reference)s: %(title)s") % {
            "reference": enquiry.reference,
            "title": enquiry.opportunity.title,
        }
        body = render_to_string(
            "cooperation/enquiry_acknowledgement.txt",
            {
                "enquiry": enquiry,
                "url": absolute_url(enquiry.opportunity, request),
                "response_days": settings.ENQUIRY_RESPONSE_WORKING_DAYS,
                "retention_days": settings.ENQUIRY_RETENTION_DAYS,
            },
        )
    try:
        EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [enquiry.email]).send()
    except (SMTPException, OSError):
        logger.exception("Could not acknowledge enquiry %s", enquiry.reference)
