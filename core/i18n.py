"""URLs of the same content in each language, for the switcher, hreflang and the sitemap."""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation


def page_url_in(page, language, request=None):
    with translation.override(language):
        return page.get_url(request)


def language_urls(request, page=None):
    """[(language code, language name, URL of this page in that language)] for every language.

    A page's sub-URL (a routable view such as the trip planner) and the query string (filters,
    picks) are kept, so switching language keeps the visitor exactly where they were.
    """
    query = request.META.get("QUERY_STRING", "")
    suffix = f"?{query}" if query else ""
    current_page_url = None
    if page is not None and getattr(page, "pk", None):
        current_page_url = page_url_in(page, translation.get_language(), request)
    urls = []
    for code, name in settings.LANGUAGES:
        if current_page_url and request.path.startswith(current_page_url):
            sub_path = request.path[len(current_page_url) :]
            url = page_url_in(page, code, request) + sub_path + suffix
        else:
            url = translate_url(request.get_full_path(), code)
        urls.append((code, name, url))
    return urls
