from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import get_language
from wagtail.models import Site

from core.page_query import canonical_url
from previews.descriptions import page_description
from previews.structured_data import as_script_text, page_graph
from previews.views import share_card_url

register = template.Library()

OG_LOCALES = {"zh-hans": "zh_CN", "en": "en_US"}


@register.inclusion_tag("previews/meta.html", takes_context=True)
def preview_meta(context):
    """Meta description, canonical link, Open Graph, Twitter card and JSON-LD of the page; views
    that are not pages (search) describe themselves with the site's home page."""
    request = context.get("request")
    page = context.get("page")
    if request is None:
        return {}
    is_page = page is not None and hasattr(page, "live_revision_id") and page.live
    subject = page if is_page else Site.find_for_request(request).root_page.specific
    description = page_description(subject)
    image_url = request.build_absolute_uri(share_card_url(subject))
    language = get_language()
    return {
        "description": description,
        "title": subject.title,
        "url": canonical_url(page, request) if is_page else request.build_absolute_uri(),
        "canonical": request.build_absolute_uri(request.path) if is_page else "",
        "image_url": image_url,
        "locale": OG_LOCALES.get(language, language),
        "alternate_locales": [code for lang, code in OG_LOCALES.items() if lang != language],
        "json_ld": mark_safe(as_script_text(page_graph(subject, request, image_url)))  # noqa: S308 - escaped by as_script_text
        if is_page
        else "",
    }
