"""The second sign-in step and each staff member's own authenticator: set up (confirmed only by
a valid code) and removal (a current code). Every check is logged to the `staff_2fa` logger:
successes at INFO, failures at WARNING, with the account and the client address."""

import logging
from base64 import b32encode
from functools import wraps

import django_otp
import qrcode
import qrcode.image.svg
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import transaction
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _
from django_otp import devices_for_user, user_has_device
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from wagtail.admin.auth import require_admin_access
from wagtail.admin.localization import get_localized_response

from portal.client_address import client_address
from staff_2fa import lockout
from staff_2fa.forms import CodeForm, SetupForm

logger = logging.getLogger(__name__)

DEVICE_NAME = "Authenticator app"
BACKUP_DEVICE_NAME = "Backup codes"
BACKUP_CODES = 10


def audit(request, event, form=None):
    user = request.user
    address = client_address(request)
    if form is None:
        logger.info("2FA %s: user %s (id %s) from %s", event, user, user.pk, address)
        return
    # The error codes of django-otp's form; a throttled check has none.
    reasons = [error.code or "throttled" for error in form.non_field_errors().as_data()]
    logger.warning(
        "2FA %s refused: user %s (id %s) from %s: %s",
        event,
        user,
        user.pk,
        address,
        ", ".join(reasons),
    )


def signed_in(view):
    """Any signed-in user, in their admin language: the verify page comes before the admins'
    own access checks."""

    @login_required(login_url="wagtailadmin_login")
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        return get_localized_response(view, request, *args, **kwargs)

    return wrapper


def next_url(request):
    url = request.POST.get("next") or request.GET.get("next")
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("wagtailadmin_home")


def bound(request):
    return {"data": request.POST} if request.method == "POST" else {}


@signed_in
def verify(request):
    user = request.user
    if user.is_verified() or not user_has_device(user):
        return redirect(next_url(request))
    form = CodeForm(user, **bound(request))
    if form.is_bound:
        # A locked account or address gets no code checked, as axes checks no password then.
        if not lockout.allowed(request):
            lockout.count_failure(request)
            return redirect("wagtailadmin_login")  # axes' middleware answers instead
        if form.is_valid():
            django_otp.login(request, form.get_user().otp_device)
            lockout.sign_in_complete(request, user)
            audit(request, "verification")
            return redirect(next_url(request))
        audit(request, "verification", form)
        if form.cleaned_data.get("otp_token") and lockout.count_failure(request):
            return redirect("wagtailadmin_login")
    context = {"form": form, "next": next_url(request)}
    return TemplateResponse(request, "staff_2fa/verify.html", context)


def qr_code_svg(device):
    """The device's otpauth:// URL as an inline SVG, made here: no image service sees it."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathFillImage)
    return mark_safe(image.to_string(encoding="unicode"))  # our own markup: path data only


@require_admin_access
def setup(request):
    user = request.user
    if user_has_device(user):
        return redirect("staff_2fa:remove")
    device = TOTPDevice.objects.filter(user=user, confirmed=False).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name=DEVICE_NAME, confirmed=False)
    form = SetupForm(user, device, **bound(request))
    if form.is_bound:
        if form.is_valid():
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            django_otp.login(request, device)
            audit(request, "setup")
            messages.success(request, _("Two-factor authentication is on."))
            return redirect("wagtailadmin_account")
        audit(request, "setup", form)
    secret = b32encode(device.bin_key).decode()
    context = {
        "form": form,
        "qr_code": qr_code_svg(device),
        "secret": " ".join(secret[i : i + 4] for i in range(0, len(secret), 4)),
        "page_title": _("Set up two-factor authentication"),
        "header_icon": "lock",
    }
    return TemplateResponse(request, "staff_2fa/setup.html", context)


@require_admin_access
def remove(request):
    user = request.user
    if not user_has_device(user):
        return redirect("staff_2fa:setup")
    form = CodeForm(user, **bound(request))
    if form.is_bound:
        if form.is_valid():
            for device in devices_for_user(user, confirmed=None):
                device.delete()
            audit(request, "removal")
            messages.success(request, _("Two-factor authentication is off."))
            return redirect("wagtailadmin_account")
        audit(request, "removal", form)
    context = {
        "form": form,
        "page_title": _("Turn off two-factor authentication"),
        "header_icon": "lock",
    }
    return TemplateResponse(request, "staff_2fa/remove.html", context)


def has_authenticator_app(user):
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


@transaction.atomic
def new_backup_codes(user):
    """Ten new codes in place of any earlier ones. The device itself stays: a session signed in
    with a backup code keeps its verification."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, defaults={"name": BACKUP_DEVICE_NAME, "confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _n in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create(StaticToken(device=device, token=code) for code in codes)
    return codes


@require_admin_access
def backup_codes(request):
    """For signing in without the phone: made on request (POST) and shown only in that answer;
    each works once (django-otp's static device deletes a code when it is used)."""
    user = request.user
    if not has_authenticator_app(user):
        return redirect("staff_2fa:setup")
    codes = []
    if request.method == "POST":
        codes = new_backup_codes(user)
        audit(request, "backup codes")
    context = {
        "codes": codes,
        "unused": StaticToken.objects.filter(device__user=user).count(),
        "page_title": _("Backup codes"),
        "header_icon": "key",
    }
    return TemplateResponse(request, "staff_2fa/backup_codes.html", context)
