"""Atom feeds of pages, in the language of the URL they are requested under (/en/…, /zh-hans/…).

Entries link to the pages in that language; "updated" is the page's last publication, so a
reader sees an opportunity or an event again when it changes."""

from django.contrib.syndication.views import Feed
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

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
