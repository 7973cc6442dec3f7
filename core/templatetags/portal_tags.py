from django import template
from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.utils.translation import get_language
from wagtail.images.models import Picture

from core.i18n import language_urls
from core.language_choice import switch_url
from core.navigation import ancestors
from core.renditions import page_renditions

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
            "switch_url": switch_url(code, url),
            "is_current": code == current,
        }
        for code, name, url in language_urls(request, page)
    ]


register.filter("ancestors", ancestors)


@register.filter
def is_within(page, section):
    """Whether `page` is `section` or below it in the page tree (tree paths are prefixes)."""
    return bool(page) and hasattr(page, "path") and page.path.startswith(section.path)


@register.inclusion_tag("includes/pagination.html")
def pagination(page_obj, querystring="", label=""):
    """The pager of every paginated list: previous, next, and a window of page numbers around
    the current one with the first and last (Django's elided page range), so a section of
    thousands of pages prints a dozen links, not every number."""
    paginator = page_obj.paginator
    return {
        "page_obj": page_obj,
        "numbers": paginator.get_elided_page_range(page_obj.number, on_each_side=2, on_ends=1),
        "ellipsis": paginator.ELLIPSIS,
        "prefix": f"?{querystring}&page=" if querystring else "?page=",
        "label": label,
    }


FRAGMENT_TIMEOUT = 24 * 60 * 60


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist, key, name):
        self.nodelist = nodelist
        self.key = key
        self.name = name

    def render(self, context):
        key = self.key.resolve(context)
        if not key:
            return self.nodelist.render(context)
        cache_key = make_template_fragment_key(self.name, [key])
        fragment = cache.get(cache_key)
        if fragment is None:
            fragment = self.nodelist.render(context)
            cache.set(cache_key, fragment, FRAGMENT_TIMEOUT)
        return fragment


@register.tag
def cachedfragment(parser, token):
    """`{% cachedfragment key ["name"] %}…{% endcachedfragment %}`: the enclosed output is
    rendered once per key (and fragment name, "page-body" by default) and then read from the
    cache; with an empty key it is rendered every time.

    Pages pass their ETag (caching/validators.py), which covers everything their output depends
    on (revision, language, URL, content version, release) and exists only for anonymous GETs:
    logged-in views, previews and re-shown forms are always rendered afresh.
    """
    bits = token.split_contents()
    if len(bits) not in (2, 3):
        raise template.TemplateSyntaxError("cachedfragment takes the key and an optional name")
    name = bits[2].strip("\"'") if len(bits) == 3 else "page-body"
    nodelist = parser.parse(("endcachedfragment",))
    parser.delete_first_token()
    return CachedFragmentNode(nodelist, parser.compile_filter(bits[1]), name)


@register.simple_tag
def page_picture(image, kind, **attrs):
    """A page's hero or gallery <picture> in every size and format (core/renditions.py)."""
    return Picture(page_renditions(image, kind), attrs)
