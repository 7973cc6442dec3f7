"""Help for visitors who have not found anything yet: popular sections and searches (from the
search analytics), and title suggestions from the database when Elasticsearch is not there."""

from django.utils import translation
from wagtail.models import Page

from core.i18n import localized_field
from core.public import public
from search.analysis import simplified
from search.analytics import popular_terms

POPULAR_SECTIONS = ("cooperation", "opportunities", "tourism", "about")


def popular_links(language):
    pages = public(Page.objects.filter(depth=3, slug__in=POPULAR_SECTIONS)).order_by("path")
    with translation.override(language):
        return {
            "sections": [{"title": page.title, "url": page.get_url(None)} for page in pages],
            "terms": popular_terms(language),
        }


def database_suggestions(text, language, size=6):
    field = f"{localized_field('title', language)}__icontains"
    pages = public(Page.objects.filter(depth__gt=2, **{field: simplified(text)}))[:size]
    with translation.override(language):
        return [{"title": page.title, "url": page.get_url(None)} for page in pages]
