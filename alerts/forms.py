from django import forms
from django.utils.translation import gettext_lazy as _


class AlertForm(forms.Form):
    email = forms.EmailField(
        label=_("Your e-mail address"), widget=forms.EmailInput(attrs={"autocomplete": "email"})
    )
    query = forms.CharField(required=False, max_length=2000, widget=forms.HiddenInput)
