"""The page a locked-out login gets (django-axes' AXES_LOCKOUT_CALLABLE), in the visitor's
language, saying how long to wait."""

from http import HTTPStatus

from axes.helpers import get_cool_off
from django.shortcuts import render


def lockout_response(request, original_response=None, credentials=None):
    minutes = round(get_cool_off(request).total_seconds() / 60)
    return render(
        request,
        "account_locked.html",
        {"minutes": minutes},
        status=HTTPStatus.TOO_MANY_REQUESTS,
    )
