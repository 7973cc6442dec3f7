from django import template
from django.utils.translation import get_language

from core.i18n import language_urls

register = template.Library()


@register.simple_tag(takes_context=True)
def language_links(context):
    """Links to the current page in every language, for the switcher and hreflang alternates."""
    request = context.get("request")
    if request is None:
        return []
    page = context.get("page")
    current = get_language()
    return [
        {
            "code": code,
            "name": name,
            "url": url,
            "absolute_url": request.build_absolute_uri(url),
            "is_current": code == current,
        }
        for code, name, url in language_urls(request, page)
    ]


@register.filter
def is_within(page, section):
    """Whether `page` is `section` or below it in the page tree (tree paths are prefixes)."""
    return bool(page) and hasattr(page, "path") and page.path.startswith(section.path)
