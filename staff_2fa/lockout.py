"""Wrong codes are failed logins: django-axes counts them with wrong passwords, per account and
per address, and locks out with its own page and access-log entries.

A password is only half a sign-in for a user with a device, so axes' reset on success
(AXES_RESET_ON_SUCCESS, which would fire at the password) is off: the count is reset here, once
the sign-in is complete. Otherwise someone who knows the password could sign in again after
every few wrong codes and guess for ever."""

from axes.handlers.proxy import AxesProxyHandler
from axes.utils import reset
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.dispatch import receiver
from django_otp import user_has_device


def credentials(user):
    return {"username": user.get_username()}


def allowed(request):
    return AxesProxyHandler.is_allowed(request, credentials(request.user))


def count_failure(request):
    """Tells axes about a refused code, as Django's authenticate() does about a refused password.
    At the limit axes marks the request, its middleware answers with the lockout page, and the
    half-finished sign-in ends here. Returns whether the account or address is now locked."""
    user_login_failed.send(sender=__name__, credentials=credentials(request.user), request=request)
    if request.axes_locked_out:
        logout(request)
        return True
    return False


def sign_in_complete(request, user):
    AxesProxyHandler.update_request(request)  # the client address as axes records it
    reset(ip=request.axes_ip_address, username=user.get_username(), ip_or_username=True)


@receiver(user_logged_in)
def password_was_enough(sender, request, user, **kwargs):
    if request is not None and not user_has_device(user):
        sign_in_complete(request, user)
