"""The sitemap: an index with one sitemap per section of the site (the home page's children),
each page once per language with its alternates and, when it has one, its hero image. Rendered
files are cached until content changes (core/content_version.py; an image's change is one) and
purged from the frontend cache on publish (caching/purge.py).
"""

from collections import defaultdict

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.contrib.sitemaps import views as sitemap_views
from django.core.cache import cache
from django.db.models import Count, Max, Q
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.utils.cache import get_conditional_response, quote_etag
from django.views.decorators.http import require_GET
from wagtail.contrib.sitemaps import Sitemap
from wagtail.images import get_image_model
from wagtail.images.models import SourceImageIOError
from wagtail.models import Page

from core.content_version import content_version
from core.i18n import page_url_in
from core.models import PageImages
from core.navigation import SECTION_DEPTH
from core.public import public
from core.renditions import PAGE_IMAGE_SPECS

HOME_SECTION = "home"
CACHE_TIMEOUT = 24 * 60 * 60
# The hero's largest JPEG, made when its page is published.
IMAGE_SPEC = PAGE_IMAGE_SPECS["hero"][-1]


class BilingualSitemap(Sitemap):
    """Every live page of one section once per language, each entry naming its alternates (and
    x-default)."""

    # Two URLs per page. Small files keep each one cheap to render after a publish; the
    # protocol allows 50,000 URLs per file.
    limit = 1000

    def __init__(self, request, section_root):
        super().__init__(request)
        self.section_root = section_root

    def items(self):
        pages = public(Page.objects.all()).order_by("path")
        if self.section_root.depth < SECTION_DEPTH:  # the home page alone
            return pages.filter(pk=self.section_root.pk)
        return pages.descendant_of(self.section_root, inclusive=True)

    def get_latest_lastmod(self):
        """What Django's Sitemap computes from every item's lastmod (None when one has none), in
        one query instead of a page instance per item."""
        undated = Q(last_published_at=None, latest_revision_created_at=None)
        found = self.items().aggregate(
            latest=Max(Coalesce("last_published_at", "latest_revision_created_at")),
            undated=Count("pk", filter=undated),
        )
        return None if found["undated"] else found["latest"]

    def _urls(self, page, protocol, domain):
        urls = []
        items = list(self.paginator.page(page).object_list)
        images = hero_image_urls(items)
        for item in items:
            lastmod = self.lastmod(item)
            image_urls = (
                [self.request.build_absolute_uri(images[item.pk])] if item.pk in images else []
            )
            locations = {
                code: self.request.build_absolute_uri(page_url_in(item, code, self.request))
                for code, _name in settings.LANGUAGES
            }
            alternates = [{"lang_code": code, "location": url} for code, url in locations.items()]
            alternates.append(
                {"lang_code": "x-default", "location": locations[settings.LANGUAGE_CODE]}
            )
            for url in locations.values():
                urls.append(
                    {
                        "location": url,
                        "lastmod": lastmod,
                        "alternates": alternates,
                        "images": image_urls,
                    }
                )
        return urls


def hero_image_urls(pages):
    """{page id: its hero image's URL} for those of `pages` that have one: a query per page type
    with images, then one for the images and one for their renditions."""
    ids_by_type = defaultdict(list)
    for page in pages:
        ids_by_type[page.content_type_id].append(page.pk)
    heroes = {}
    for type_id, ids in ids_by_type.items():
        model = ContentType.objects.get_for_id(type_id).model_class()
        if model is not None and issubclass(model, PageImages):
            found = model.objects.filter(pk__in=ids, hero_image__isnull=False)
            heroes.update(found.values_list("pk", "hero_image_id"))
    if not heroes:
        return {}
    images = get_image_model().objects.prefetch_renditions(IMAGE_SPEC).in_bulk(heroes.values())
    urls = {}
    for page_id, image_id in heroes.items():
        try:
            urls[page_id] = images[image_id].get_rendition(IMAGE_SPEC).url
        except SourceImageIOError:  # its file is missing: the page shows none either
            continue
    return urls


def section_name(section):
    return section.slug_en or str(section.pk)


def section_root(page):
    """The page whose sitemap lists `page`: its section, or the home page itself."""
    if page.depth < SECTION_DEPTH:
        return page
    return Page.objects.get(path=page.path[: SECTION_DEPTH * page.steplen])


def sitemap_paths(page):
    """The sitemap files that list `page`: the index, and every file of its section's sitemap
    (a live page's position in the section's files can shift when another one is published)."""
    root = section_root(page)
    name = HOME_SECTION if root.depth < SECTION_DEPTH else section_name(root)
    first = reverse("sitemap_section", args=[name])
    pages = BilingualSitemap(None, root).paginator.num_pages
    return [reverse("sitemap"), first, *(f"{first}?p={number}" for number in range(2, pages + 1))]


def section_sitemaps(request):
    home = Page.objects.filter(depth=SECTION_DEPTH - 1).live().first()
    if home is None:
        return {}
    sitemaps = {HOME_SECTION: BilingualSitemap(request, home)}
    for section in public(home.get_children()).only("path", "depth", "slug_en"):
        sitemaps[section_name(section)] = BilingualSitemap(request, section)
    return sitemaps


def cached_until_content_changes(view):
    """Serves the view's rendered output from the cache while the content version holds, with
    that version as the ETag."""

    def cached_view(request, **kwargs):
        # A release can change what the sitemaps hold, as a publish can.
        version = f"{content_version()}-{settings.PORTAL_RELEASE}"
        etag = quote_etag(version)
        not_modified = get_conditional_response(request, etag=etag)
        if not_modified is not None:
            return not_modified
        # The sitemap views read only `p`: any other query string shares the entry.
        where = request.build_absolute_uri(request.path)
        key = f"sitemap:{version}:{where}:{request.GET.get('p', '')}"
        stored = cache.get(key)
        if stored is None:
            response = view(request, **kwargs)
            response.render()
            stored = (response.content, response["Content-Type"])
            cache.set(key, stored, CACHE_TIMEOUT)
        content, content_type = stored
        response = HttpResponse(content, content_type=content_type)
        response["ETag"] = etag
        response["X-Robots-Tag"] = "noindex, noodp, noarchive"
        return response

    return require_GET(cached_view)


@cached_until_content_changes
def sitemap_index(request):
    return sitemap_views.index(
        request, section_sitemaps(request), sitemap_url_name="sitemap_section"
    )


@cached_until_content_changes
def sitemap_section(request, section):
    sitemaps = section_sitemaps(request)
    if section not in sitemaps:
        raise Http404
    return sitemap_views.sitemap(
        request, {section: sitemaps[section]}, section=section, template_name="core/sitemap.xml"
    )
