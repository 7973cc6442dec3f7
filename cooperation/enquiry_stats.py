"""The public "How fast we answer" figure: the median time to the first reply."""

import math
import statistics
from dataclasses import dataclass
from datetime import timedelta

from django.utils import timezone

from cooperation.models import Enquiry

WINDOW_DAYS = 90
MINIMUM_ENQUIRIES = 10  # below this a median says more about chance than about the team


@dataclass
class ResponseTime:
    median_days: float | None  # None while fewer than half of the window's enquiries have a reply
    received: int
    answered: int


def response_time(now=None):
    """Days within which half of the enquiries received in the last 90 days had a first reply,
    counting the unanswered ones as not answered yet (no time is long enough for them); None
    while fewer than MINIMUM_ENQUIRIES were received."""
    since = (now or timezone.now()) - timedelta(days=WINDOW_DAYS)
    window = Enquiry.objects.filter(created_at__gte=since)
    received = list(window.values("created_at", "replied_at"))
    if len(received) < MINIMUM_ENQUIRIES:
        return None
    days = [
        (row["replied_at"] - row["created_at"]).total_seconds() / 86400
        if row["replied_at"]
        else math.inf
        for row in received
    ]
    # The lower median: at least half of the enquiries had their reply within it.
    median = statistics.median_low(days)
    answered = sum(day < math.inf for day in days)
    return ResponseTime(round(median, 1) if median < math.inf else None, len(days), answered)
