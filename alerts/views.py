"""Alert subscription without an account: ask (form), confirm (signed link), unsubscribe."""

from datetime import timedelta
from http import HTTPStatus

from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.crypto import salted_hmac
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from alerts.digest import alert_listing, describe
from alerts.forms import AlertForm
from alerts.mail import send_confirmation
from alerts.models import AlertSubscription
from alerts.tokens import CONFIRM_MAX_AGE, read_token
from cooperation.enquiries import address_hash, over_limit

RESEND_AFTER = timedelta(hours=1)  # a repeated request for the same alert mails again hourly
MAILS_PER_ADDRESS = 3  # confirmation mails to one address, for whatever alerts, …
MAIL_WINDOW = 24 * 60 * 60  # … per day
REQUESTS_PER_VISITOR = 5  # alert requests from one visitor's address …
REQUEST_WINDOW = 60 * 60  # … per hour


def email_hash(email):
    return salted_hmac("alerts.email", email, algorithm="sha256").hexdigest()


@require_http_methods(["GET", "POST"])
def subscribe(request):
    listing = alert_listing(request.POST.get("query") or request.GET.urlencode())
    query = listing.querystring()
    form = AlertForm(request.POST or None, initial={"query": query})
    if request.method == "POST" and form.is_valid():
        if over_limit(f"alert-rate:{address_hash(request)}", REQUESTS_PER_VISITOR, REQUEST_WINDOW):
            return message_page(
                request,
                _("Too many alert requests"),
                _(
                    "You have asked for several alerts in the last hour. To protect the service "
                    "from abuse, please wait an hour before asking for another."
                ),
                HTTPStatus.TOO_MANY_REQUESTS,
            )
        subscription, created = AlertSubscription.objects.get_or_create(
            email=form.cleaned_data["email"].lower(),
            query=query,
            language=translation.get_language(),
        )
        now = timezone.now()
        if (
            not subscription.confirmed_at
            and (created or subscription.created_at < now - RESEND_AFTER)
            and not over_limit(
                f"alert-mail:{email_hash(subscription.email)}", MAILS_PER_ADDRESS, MAIL_WINDOW
            )
        ):
            AlertSubscription.objects.filter(pk=subscription.pk).update(created_at=now)
            send_confirmation(subscription, listing, request.build_absolute_uri("/"))
        # The same answer whether or not the address was known: nothing to learn from it.
        return TemplateResponse(request, "alerts/check_email.html", {"email": subscription.email})
    return TemplateResponse(
        request,
        "alerts/subscribe.html",
        {"form": form, "filter": describe(listing), "listing": listing.index_page, "query": query},
        status=HTTPStatus.BAD_REQUEST if form.is_bound else HTTPStatus.OK,
    )


def message_page(request, heading, message, status):
    """A page that only tells the visitor why the request did not go through."""
    return TemplateResponse(
        request, "alerts/message.html", {"heading": heading, "message": message}, status=status
    )


def invalid_link(request):
    return message_page(
        request,
        _("This link does not work"),
        _(
            "The link is incomplete or has expired. Please subscribe again from the opportunities "
            "page."
        ),
        HTTPStatus.BAD_REQUEST,
    )


@csrf_exempt  # the signed token is the authority, as for unsubscribing
@require_http_methods(["GET", "POST"])
def confirm(request, token):
    """GET asks (mail scanners and link previews open links: they must not confirm anyone);
    POST, from the page's button, confirms."""
    pk = read_token(token, "confirm", max_age=CONFIRM_MAX_AGE)
    if pk is None:
        return invalid_link(request)
    subscription = get_object_or_404(AlertSubscription, pk=pk)
    listing = alert_listing(subscription.query)
    context = {"filter": describe(listing), "listing": listing.index_page}
    if request.method == "GET" and not subscription.confirmed_at:
        return TemplateResponse(request, "alerts/confirm.html", context)
    if not subscription.confirmed_at:
        # The first digest reports what changes from now on.
        subscription.confirmed_at = subscription.last_sent_at = timezone.now()
        subscription.save(update_fields=["confirmed_at", "last_sent_at"])
    return TemplateResponse(request, "alerts/confirmed.html", context)


@csrf_exempt  # the signed token is the authority; mail clients POST without a CSRF token
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    """GET asks (link checkers must not unsubscribe anyone); POST, from the page's button or a
    mail client's one-click unsubscribe (RFC 8058), deletes the subscription."""
    pk = read_token(token, "unsubscribe")
    if pk is None:
        return invalid_link(request)
    if request.method == "POST":
        AlertSubscription.objects.filter(pk=pk).delete()
        return TemplateResponse(request, "alerts/unsubscribed.html")
    get_object_or_404(AlertSubscription, pk=pk)
    return TemplateResponse(request, "alerts/unsubscribe.html")
