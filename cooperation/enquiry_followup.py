"""After an enquiry is stored: who on the staff receives it, and the investor's acknowledgement."""

import logging
from smtplib import SMTPException

from django.conf import settings
from django.core.mail import EmailMessage
from django.db.models import Q
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext_lazy as _

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


def send_enquiry_mail(enquiry, request, *, language, subject, template, to, **extra):
    """One e-mail about `enquiry`, written in `language`. A mail failure is logged, never raised:
    the enquiry is stored and listed in the admin whatever happens."""
    reply_to = extra.pop("reply_to", None)
    with translation.override(language):
        subject = subject % {"reference": enquiry.reference, "title": enquiry.opportunity.title}
        context = {"enquiry": enquiry, "url": absolute_url(enquiry.opportunity, request), **extra}
        body = render_to_string(template, context)
    try:
        EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, to, reply_to=reply_to).send()
    except (SMTPException, OSError):
        logger.exception("Could not send e-mail about enquiry %s", enquiry.reference)


def acknowledge(enquiry, request):
    """Tell the investor, in the language they wrote in, their reference number and when to
    expect an answer (once the office has set ENQUIRY_RESPONSE_WORKING_DAYS: no figure before)."""
    send_enquiry_mail(
        enquiry,
        request,
        language=enquiry.language,
        subject=_("Your enquiry %(reference)s: %(title)s"),
        template="cooperation/enquiry_acknowledgement.txt",
        to=[enquiry.email],
        response_days=settings.ENQUIRY_RESPONSE_WORKING_DAYS,
        retention_days=settings.ENQUIRY_RETENTION_DAYS,
    )
