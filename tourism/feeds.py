from django.utils.translation import gettext_lazy as _

from core.feeds import FEED_SIZE, SectionFeed
from core.public import public
from tourism.models import EventPage, TourismIndexPage


class EventFeed(SectionFeed):
    """Tourism events, the most recently published or changed first."""

    title = _("Xinxiang Open Cooperation Portal: festivals and events")
    description_template = "tourism/feeds/event_description.html"
    section_model = TourismIndexPage

    def items(self):
        return (
            public(EventPage.objects.all())
            .select_related("attraction")
            .prefetch_related("dates")
            .order_by("-last_published_at")[:FEED_SIZE]
        )
