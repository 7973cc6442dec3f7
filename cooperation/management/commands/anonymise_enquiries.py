"""Removes the personal data of enquiries older than ENQUIRY_RETENTION_DAYS (run daily by cron).

What is kept answers "how many enquiries, about what, from which country, answered how fast",
and nothing that identifies the investor.
"""

from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from cooperation.models import Enquiry


class Command(BaseCommand):
    help = "Anonymise enquiries older than the retention period (ENQUIRY_RETENTION_DAYS)."

    def handle(self, *args, **options):
        now = timezone.now()
        cutoff = now - timedelta(days=settings.ENQUIRY_RETENTION_DAYS)
        count = Enquiry.objects.filter(created_at__lt=cutoff, anonymised_at__isnull=True).update(
            name="",
            organisation="",
            email="",
            message="",
            reply="",
            assigned_to="",
            ip_hash="",
            anonymised_at=now,
        )
        self.stdout.write(f"Anonymised {count} enquiries received before {cutoff:%Y-%m-%d}.")
