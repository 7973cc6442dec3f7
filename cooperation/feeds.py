from django.utils.translation import gettext as _

from cooperation.listing import OpportunityListing
from core.feeds import FEED_SIZE, PageFeed


class OpportunityFeed(PageFeed):
    """The opportunities of one filtered listing (the listing's own URL parameters), the most
    recently published or changed first: a reader follows a sector or a strategy area."""

    def get_object(self, request, index_page):
        return index_page, OpportunityListing(index_page, request.GET)

    def title(self, obj):
        index_page, listing = obj
        return " · ".join([str(index_page.title), *listing.selected_labels()])

    def subtitle(self, obj):
        return _("Investment opportunities from Xinxiang's regional cooperation plan")

    def link(self, obj):
        index_page, listing = obj
        query = listing.querystring()
        return index_page.get_url() + (f"?{query}" if query else "")

    def items(self, obj):
        _index_page, listing = obj
        return listing.newest_first()[:FEED_SIZE]

    def item_description(self, page):
        return page.summary
