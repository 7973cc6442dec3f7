from django.urls import reverse
from django.utils.translation import gettext as _
from django_otp import user_has_device
from wagtail import hooks

from staff_2fa.views import has_authenticator_app


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    """On the account page ("More actions"): set up, or turn off, two-factor authentication."""
    if user_has_device(request.user):
        return {
            "url": reverse("staff_2fa:remove"),
            "label": _("Turn off two-factor authentication"),
            "help_text": _("On: after your password, sign-in asks for a code from your app."),
        }
    return {
        "url": reverse("staff_2fa:setup"),
        "label": _("Set up two-factor authentication"),
        "help_text": _(
            "After your password, sign-in will also ask for a code from an authenticator app."
        ),
    }


@hooks.register("register_account_menu_item")
def backup_codes_menu_item(request):
    if not has_authenticator_app(request.user):
        return None
    return {
        "url": reverse("staff_2fa:backup_codes"),
        "label": _("Backup codes"),
        "help_text": _("One-time codes for signing in when your phone is not at hand."),
    }
