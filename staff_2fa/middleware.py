"""The second sign-in step on both admins: after the password, a user with a confirmed
authenticator enters a code before any admin page; with STAFF_2FA_REQUIRED, a Wagtail admin user
without one sets one up first. Users without a device are otherwise left alone."""

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.urls import reverse
from django_otp import user_has_device

from portal.middleware import ADMIN_PATHS

# Reachable before the code: the step pages themselves, signing in and out, and the admin's
# JavaScript translations that the step pages load.
OPEN_URL_NAMES = [
    "staff_2fa:verify",
    "staff_2fa:setup",
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "admin:login",
    "admin:logout",
]


class TwoFactorMiddleware:
    """After django-otp's OTPMiddleware, which gives request.user its is_verified()."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        step = self.step_needed(request)
        if step:
            return redirect_to_login(request.get_full_path(), reverse(step))
        return self.get_response(request)

    @staticmethod
    def step_needed(request):
        user = request.user
        if (
            not request.path.startswith(ADMIN_PATHS)
            or not user.is_authenticated
            or user.is_verified()
            or request.path in {reverse(name) for name in OPEN_URL_NAMES}
        ):
            return None
        if user_has_device(user):
            return "staff_2fa:verify"
        if settings.STAFF_2FA_REQUIRED and user.has_perm("wagtailadmin.access_admin"):
            return "staff_2fa:setup"
        return None
