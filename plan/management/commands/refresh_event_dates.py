"""Moves each event's stored dates (the start_date/end_date that the event cards and search read)
on to its next entered dates once the stored ones have passed (run daily by cron or
deploy/systemd/portal-refresh-event-dates.timer).

EventPage.save() computes them relative to the day of saving, so without this a festival's card
would keep this year's dates after the festival, even with next year's already entered. The
rows are updated without a revision; the pages are queued for re-indexing and their cached
copies retired, as on a publish. It lives in `plan` because it reaches `tourism`, `search` and
`caching`, which may not import each other (README, Layout).
"""

from datetime import date

from django.core.management.base import BaseCommand
from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from caching import purge
from search.sync import enqueue
from tourism.models import EventPage


class Command(BaseCommand):
    help = "Move events whose stored dates have passed on to their next entered dates."

    def add_arguments(self, parser):
        parser.add_argument(
            "--today", type=date.fromisoformat, help="count from this day (YYYY-MM-DD), not today"
        )

    def handle(self, *args, today=None, **options):
        today = today or timezone.localdate()
        passed = (
            EventPage.objects.filter(Q(end_date__lt=today) | Q(end_date=None, start_date__lt=today))
            .prefetch_related("dates")
            .order_by("path")
        )
        changed = []
        with transaction.atomic():
            for event in passed:
                start, end = event.next_occurrence(today) or (None, None)
                if (start, end) == (event.start_date, event.end_date):
                    continue  # no later date entered: it stays the last one held
                EventPage.objects.filter(pk=event.pk).update(start_date=start, end_date=end)
                event.start_date, event.end_date = start, end
                purge.page_changed(event)
                changed.append(event.pk)
                self.stdout.write(f"{event.title} (page {event.pk}): now {start} – {end or start}")
            enqueue(changed)
        self.stdout.write(f"Moved {len(changed)} events on to their next dates.")
