"""Atom feeds of pages, in the language of the URL they are requested under (/en/…, /zh-hans/…).

Entries link to the pages in that language; "updated" is the page's last publication, so a
reader sees an opportunity or an event again when it changes."""

from django.contrib.syndication.views import Feed
from django.http import Http404
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from core.public import public

FEED_SIZE = 50


class PageFeed(Feed):
    """Items are live Wagtail pages; subclasses say which, and what a page's summary is. Links
    are the pages' paths, which the syndication framework completes with the request's host."""

    feed_type = Atom1Feed
    author_name = _("Xinxiang Open Cooperation Portal")  # Atom requires an author

    def item_title(self, page):
        return page.title

    def item_link(self, page):
        return page.get_url()

    def item_pubdate(self, page):
        return page.first_published_at

    def item_updateddate(self, page):
        return page.last_published_at


class SectionFeed(PageFeed):
    """A site-wide feed that links to its section's index page (`section_model`): no feed while
    that page is not public. The index page names the feed in `frontend_cache_url_names`, so
    that hiding the section purges it from the frontend cache."""

    section_model = None

    def get_object(self, request, *args, **kwargs):
        section = public(self.section_model.objects.all()).first()
        if section is None:
            raise Http404
        return section

    def link(self, section):
        return section.get_url()
