"""URLs of the same content in each language, for the switcher, hreflang and the sitemap."""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation


def page_url_in(page, language, request=None):
    with translation.override(language):
        return page.get_url(request)


def language_urls(request, page=None):
    """[(language code, language name, URL of this page in that language)] for every language."""
    urls = []
    for code, name in settings.LANGUAGES:
        if page is not None and getattr(page, "pk", None):
            url = page_url_in(page, code, request)
        else:
            url = translate_url(request.get_full_path(), code)
        urls.append((code, name, url))
    return urls
