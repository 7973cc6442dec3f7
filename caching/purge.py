"""Frontend cache invalidation: on publish, unpublish and move, purge exactly the URLs whose
content changed, in both languages.

Uses `wagtail.contrib.frontend_cache` (its backends and PurgeBatch) without its app's own signal
handlers: those purge only the page's URL in the active language, while a translated slug gives
each language its own URL, and a page also appears on its parent's listing, on the pages that
list it (`frontend_cache_dependents()` on the page model), on the home page, in the sitemaps and
in site-wide feeds (`frontend_cache_url_names`).
"""

from django.conf import settings
from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.urls import reverse
from django.utils import translation
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.images import get_image_model
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_unpublished, post_page_move, pre_page_move

from core.content_version import bump_content_version
from core.navigation import SECTION_DEPTH
from core.sitemaps import sitemap_paths


def page_urls(page):
    """The page's URL and its sub-routes' (`get_cached_paths`) in every language."""
    urls = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            base = page.get_full_url()
        if base:
            urls += [base + path.lstrip("/") for path in page.get_cached_paths()]
    return urls


def affected_pages(page):
    """The page and every page whose output shows it."""
    page = page.specific_deferred
    pages = [page]
    parent = page.get_parent()
    if parent is not None and parent.depth > 1:
        pages.append(parent.specific_deferred)
    # The home page shows the sections (as does every page's menu) and some listed types.
    if page.depth == SECTION_DEPTH or getattr(page, "listed_on_home", False):
        pages.append(Page.objects.get(path=page.path[: (SECTION_DEPTH - 1) * page.steplen]))
    pages += getattr(page, "frontend_cache_dependents", list)()
    return pages


def feed_urls(page):
    """The site-wide URLs (named in `frontend_cache_url_names`, e.g. a feed) whose content the
    page is part of, in every language."""
    names = getattr(page, "frontend_cache_url_names", ())
    site = names and page.get_site()
    if not site:
        return []
    urls = []
    for code, _name in settings.LANGUAGES:
        with translation.override(code):
            urls += [site.root_url + reverse(name) for name in names]
    return urls


def sitemap_urls(page):
    site = page.get_site()
    return [site.root_url + path for path in sitemap_paths(page)] if site else []


def urls_to_purge(page):
    urls = set(sitemap_urls(page)) | set(feed_urls(page))
    for affected in affected_pages(page):
        urls.update(page_urls(affected))
    return urls


def retire(urls):
    """After the change commits, retire every validator and fragment (the content version) and
    purge `urls` from the frontend cache. Before the commit, a request could read the old rows
    under the new version and cache them as new for a day."""

    def now():
        bump_content_version()
        if urls:
            PurgeBatch(urls).purge()

    transaction.on_commit(now)


def page_changed(instance, **kwargs):
    retire(urls_to_purge(instance) if get_backends() else set())


# A move changes the URLs of the page and of everything below it: purge the old ones (noted
# before the move) and the new ones.
_urls_before_move = {}


def subtree_urls(page):
    urls = urls_to_purge(page)
    for descendant in page.get_descendants().specific(defer=True):
        urls.update(page_urls(descendant))
    return urls


def before_move(instance, **kwargs):
    if get_backends():
        _urls_before_move[instance.pk] = subtree_urls(instance)


def after_move(instance, **kwargs):
    old_urls = _urls_before_move.pop(instance.pk, set())
    retire(old_urls | subtree_urls(instance) if get_backends() else set())


def restriction_changed(instance, **kwargs):
    """A page restricted (or opened) leaves (or joins) listings, menus and sitemaps, with
    everything below it."""
    retire(subtree_urls(instance.page) if get_backends() else set())


def image_changed(instance, created=False, **kwargs):
    """Cached pages name an image's renditions: a new file (which deletes them), a new focal
    point (a new crop) or a deletion must reach the pages that show it. A new upload is on none."""
    if not created:
        retire(set())


page_published.connect(page_changed, dispatch_uid="caching.published")
page_unpublished.connect(page_changed, dispatch_uid="caching.unpublished")
pre_page_move.connect(before_move, dispatch_uid="caching.before_move")
post_page_move.connect(after_move, dispatch_uid="caching.after_move")
post_save.connect(
    restriction_changed, sender=PageViewRestriction, dispatch_uid="caching.restricted"
)
post_delete.connect(
    restriction_changed, sender=PageViewRestriction, dispatch_uid="caching.unrestricted"
)
post_save.connect(image_changed, sender=get_image_model(), dispatch_uid="caching.image_saved")
post_delete.connect(image_changed, sender=get_image_model(), dispatch_uid="caching.image_deleted")
