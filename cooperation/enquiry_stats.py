"""The public "How fast we answer" figure: the median time to the first reply."""

import statistics
from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from cooperation.models import Enquiry

WINDOW_DAYS = 90
MINIMUM_ENQUIRIES = 10  # below this a median says more about chance than about the team


@dataclass
class ResponseTime:
    median_days: float | None  # None while no enquiry of the window has a reply
    received: int
    answered: int


def response_time(now=None):
    """Median days from receipt to first reply of the enquiries received in the last 90 days;
    None while fewer than MINIMUM_ENQUIRIES were received."""
    since = (now or timezone.now()) - timedelta(days=WINDOW_DAYS)
    window = Enquiry.objects.filter(created_at__gte=since)
    received = list(window.values("created_at", "replied_at"))
    if len(received) < MINIMUM_ENQUIRIES:
        return None
    days = [
        (row["replied_at"] - row["created_at"]).total_seconds() / 86400
        for row in received
        if row["replied_at"]
    ]
    median = round(statistics.median(days), 1) if days else None
    return ResponseTime(median, len(received), len(days))
