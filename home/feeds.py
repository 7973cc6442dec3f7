from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.rich_text import expand_db_html

from core.feeds import FEED_SIZE, PageFeed
from core.public import public
from home.models import NewsIndexPage, NewsPage


class NewsFeed(PageFeed):
    title = _("Xinxiang Open Cooperation Portal: news")
    subtitle = _("News about Xinxiang's regional cooperation plan")

    def get_object(self, request, *args, **kwargs):
        """The news section, which the feed links to: no feed while it is not public."""
        index = public(NewsIndexPage.objects.all()).first()
        if index is None:
            raise Http404
        return index

    def link(self, index):
        return index.get_url()

    def items(self):
        return public(NewsPage.objects.all()).order_by("-date", "-pk")[:FEED_SIZE]

    def item_description(self, page):
        return expand_db_html(page.body)  # links to pages and documents as readers' URLs
