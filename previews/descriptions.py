"""A page's one-paragraph summary in the active language, for meta descriptions and cards."""

from django.utils.text import Truncator
from wagtail.utils.text import text_from_html

from core.navigation import SECTION_DEPTH, ancestors

DESCRIPTION_LENGTH = 160
# Most specific first: an editor's search description, then the page type's own summary fields.
SUMMARY_FIELDS = ("search_description", "summary", "intro", "preamble", "body")


def page_description(page):
    """The first summary field with text (translated fields read the active language)."""
    for field in SUMMARY_FIELDS:
        text = " ".join(text_from_html(getattr(page, field, "") or "").split())
        if text:
            return Truncator(text).chars(DESCRIPTION_LENGTH)
    return ""


def page_section(page):
    """The top-level section (menu entry) a page belongs to; None for the home page and for
    the section pages themselves."""
    return next((a for a in ancestors(page) if a.depth == SECTION_DEPTH), None)
