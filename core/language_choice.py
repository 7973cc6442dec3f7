"""Which language a visitor gets at `/`: the one they last switched to, else their browser's.

The site has Simplified Chinese and English. Every Chinese browser (zh, zh-CN, zh-TW, zh-HK …)
reads Simplified Chinese better than English; every other language is better served in English
than in Chinese. A request without Accept-Language (a crawler) gets the default language.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation.trans_real import parse_accept_lang_header

CHINESE = "zh-hans"
ENGLISH = "en"
COOKIE_AGE = 365 * 24 * 60 * 60


def browser_language(accept_language):
    """The site language for an Accept-Language header, by the visitor's order of preference."""
    preferences = [tag for tag, _quality in parse_accept_lang_header(accept_language or "")]
    for tag in preferences:
        primary = tag.split("-")[0]
        if primary == "zh":
            return CHINESE
        if primary == "en":
            return ENGLISH
    return ENGLISH if any(tag != "*" for tag in preferences) else settings.LANGUAGE_CODE


def remembered_language(request):
    chosen = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    return chosen if chosen in dict(settings.LANGUAGES) else None


def preferred_language(request):
    return remembered_language(request) or browser_language(
        request.META.get("HTTP_ACCEPT_LANGUAGE")
    )


def switch_url(language, next_url):
    """The switcher's link: remembers `language`, then shows `next_url`."""
    return reverse("switch_language", args=[language]) + "?" + urlencode({"next": next_url})


def switch_language(request, language):
    """Remember the visitor's choice in the language cookie and go to the page in that language.

    Only a local URL under the chosen language's prefix is followed; anything else goes to that
    language's home page, so the link cannot be used to send visitors elsewhere.
    """
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    next_url = request.GET.get("next", "")
    safe = url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    )
    if not (safe and next_url.startswith(f"/{language}/")):
        next_url = f"/{language}/"
    response = HttpResponseRedirect(next_url)
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=COOKIE_AGE,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response
