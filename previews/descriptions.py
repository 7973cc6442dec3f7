"""A page's one-paragraph summary in the active language, for meta descriptions and cards."""

from html import unescape

from django.utils.html import strip_tags
from django.utils.text import Truncator

DESCRIPTION_LENGTH = 160
# Most specific first: an editor's search description, then the page type's own summary fields.
SUMMARY_FIELDS = ("search_description", "summary", "intro", "preamble", "body")


def plain_text(value):
    return " ".join(unescape(strip_tags(str(value or ""))).split())


def page_description(page):
    """The first summary field with text (translated fields read the active language)."""
    for field in SUMMARY_FIELDS:
        text = plain_text(getattr(page, field, ""))
        if text:
            return Truncator(text).chars(DESCRIPTION_LENGTH)
    return ""


def page_section(page):
    """The top-level section (menu entry) a page belongs to; None for the home page and for
    the section pages themselves."""
    if page.depth <= 3:
        return None
    return page.get_ancestors().filter(depth=3).first()
