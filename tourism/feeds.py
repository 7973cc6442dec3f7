from django.utils.translation import gettext_lazy as _

from core.feeds import FEED_SIZE, PageFeed
from core.public import public
from tourism.models import EventPage, TourismIndexPage


class EventFeed(PageFeed):
    """Tourism events, the most recently published or changed first."""

    title = _("Xinxiang Open Cooperation Portal: festivals and events")
    description_template = "tourism/feeds/event_description.html"

    def link(self):
        return public(TourismIndexPage.objects.all()).first().get_url()

    def items(self):
        return (
            public(EventPage.objects.all())
            .select_related("attraction")
            .prefetch_related("dates")
            .order_by("-last_published_at")[:FEED_SIZE]
        )
