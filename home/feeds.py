from django.utils.translation import gettext_lazy as _

from core.feeds import FEED_SIZE, PageFeed
from home.models import NewsIndexPage, NewsPage


class NewsFeed(PageFeed):
    title = _("Xinxiang Open Cooperation Portal: news")
    subtitle = _("News about Xinxiang's regional cooperation plan")

    def link(self):
        return NewsIndexPage.objects.live().first().get_url()

    def items(self):
        return NewsPage.objects.live().order_by("-date", "-pk")[:FEED_SIZE]

    def item_description(self, page):
        return page.body
