"""django-otp's code form (its device check and throttling) in the portal's words, which the
portal translates: django-otp has no Chinese."""

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from django_otp import devices_for_user
from django_otp.forms import OTPTokenForm
from django_otp.plugins.otp_static.models import StaticDevice


class CodeForm(OTPTokenForm):
    """Checks a code against one of the user's confirmed devices. With one device (the usual
    case) the device is a hidden field; with several, a choice."""

    otp_token = forms.CharField(
        label=_("Code from your authenticator app"),
        required=False,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )
    otp_challenge = None  # TOTP devices have no challenge to send
    otp_error_messages = {
        **OTPTokenForm.otp_error_messages,
        "token_required": _("Please enter the code."),
        "invalid_token": _("Wrong or expired code. Enter the code your app shows now."),
        "n_failed_attempts": ngettext_lazy(
            "%(failure_count)d wrong code in a row: each one doubles the wait before the next "
            "code is checked. Please wait a moment and try again.",
            "%(failure_count)d wrong codes in a row: each one doubles the wait before the next "
            "code is checked. Please wait a moment and try again.",
            "failure_count",
        ),
        "verification_not_allowed": _("Codes cannot be checked now. Please try again later."),
        "device_required": _("Please choose your authenticator."),
    }

    def __init__(self, user, **kwargs):
        super().__init__(user, **kwargs)
        device_field = self.fields["otp_device"]
        device_field.label = _("Code from")
        devices = [value for value, _name in device_field.choices]
        self.initial["otp_device"] = devices[0]  # the app: otp_totp comes first in the settings
        if len(devices) == 1:
            device_field.widget = forms.HiddenInput()
        else:
            device_field.widget = forms.RadioSelect(choices=device_field.choices)
            token_field = self.fields["otp_token"]
            token_field.label = _("Code")
            del token_field.widget.attrs["inputmode"]  # backup codes have letters

    @staticmethod
    def device_choices(user):
        return [(device.persistent_id, device_label(device)) for device in devices_for_user(user)]

    def clean_otp_token(self):
        """Backup codes are copied from paper: spaces and capitals are forgiven."""
        return "".join(self.cleaned_data["otp_token"].split()).lower()


def device_label(device):
    if isinstance(device, StaticDevice):
        return _("Backup code")
    return _("Authenticator app")


class SetupForm(CodeForm):
    """The same check against the device being set up, which is not confirmed yet."""

    def __init__(self, user, device, **kwargs):
        self.device = device
        super().__init__(user, **kwargs)

    def device_choices(self, user):
        return [(self.device.persistent_id, device_label(self.device))]
