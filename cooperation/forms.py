from django import forms
from django.utils.translation import gettext_lazy as _

from cooperation.models import Enquiry


class EnquiryForm(forms.ModelForm):
    consent = forms.BooleanField(
        label=_("I agree that the Xinxiang investment team may store my details and contact me."),
        required=True,
    )
    # Honeypot: hidden from people and assistive technology, so only robots fill it in.
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(
            attrs={"tabindex": "-1", "autocomplete": "off", "aria-hidden": "true"}
        ),
    )

    class Meta:
        model = Enquiry
        fields = ["name", "organisation", "email", "country", "message", "consent"]
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "organisation": forms.TextInput(attrs={"autocomplete": "organization"}),
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "country": forms.TextInput(attrs={"autocomplete": "country-name"}),
            "message": forms.Textarea(attrs={"rows": 6}),
        }

    def is_spam(self):
        return bool(self.data.get("website"))

    def full_clean(self):
        super().full_clean()
        # Tie each error message to its field, so screen readers announce it with the field.
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs["aria-describedby"] = f"{self[name].auto_id}-error"
