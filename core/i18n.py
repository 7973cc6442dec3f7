"""URLs of the same content in each language, for the switcher, hreflang and the sitemap."""

from django.conf import settings
from django.urls import translate_url
from django.utils import translation
from modeltranslation.utils import build_localized_fieldname, resolution_order

from core.page_query import shown_query, with_query


def localized_field(name, language):
    """The field that holds `name` in `language`, a language code: "zh-hans" → `name_zh_hans`.
    The one mapping from languages to field suffixes (modeltranslation's own)."""
    return build_localized_fieldname(name, language)


def localized_fields(name):
    """{language code: the field of `name` in it} for each of the site's languages."""
    return {code: localized_field(name, code) for code, _name in settings.LANGUAGES}


def page_url_in(page, language, request=None):
    with translation.override(language):
        return page.get_url(request)


def language_urls(request, page=None):
    """[(language code, language name, URL of this page in that language)] for every language.

    A page's sub-URL (a routable view such as the trip planner) and what its query string means
    (filters, picks; core/page_query.py) are kept, so switching language keeps the visitor
    exactly where they were.
    """
    current_page_url = None
    if page is not None and getattr(page, "pk", None):
        current_page_url = page_url_in(page, translation.get_language(), request)
    urls = []
    for code, name in settings.LANGUAGES:
        if current_page_url and request.path.startswith(current_page_url):
            sub_path = request.path[len(current_page_url) :]
            query = shown_query(page, request)
            url = with_query(page_url_in(page, code, request) + sub_path, query)
        else:
            url = translate_url(request.get_full_path(), code)
        urls.append((code, name, url))
    return urls


def fields_in_active_language(name):
    """`name`'s fields in the order modeltranslation resolves the active language: its own,
    then its fallbacks (MODELTRANSLATION_FALLBACK_LANGUAGES)."""
    return [
        localized_field(name, language) for language in resolution_order(translation.get_language())
    ]


def in_active_language(read, name):
    """The first non-empty `<name>_<language>` that `read(field name)` gives, in the order
    modeltranslation resolves the active language, for bilingual text kept outside
    modeltranslation's registered fields."""
    for field in fields_in_active_language(name):
        if value := read(field):
            return value
    return ""
