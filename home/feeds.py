from django.utils.translation import gettext_lazy as _
from wagtail.rich_text import expand_db_html

from core.feeds import FEED_SIZE, SectionFeed
from core.public import public
from home.models import NewsIndexPage, NewsPage


class NewsFeed(SectionFeed):
    section_model = NewsIndexPage
    title = _("Xinxiang Open Cooperation Portal: news")
    subtitle = _("News about Xinxiang's regional cooperation plan")

    def items(self):
        return public(NewsPage.objects.all()).order_by("-date", "-pk")[:FEED_SIZE]

    def item_description(self, page):
        return expand_db_html(page.body)  # links to pages and documents as readers' URLs
