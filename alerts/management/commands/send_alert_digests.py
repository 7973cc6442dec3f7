"""Weekly digest to every confirmed alert: the opportunities of its filter published or changed
since its last digest (run weekly from cron; see README, "E-mail alerts")."""

from smtplib import SMTPException

from django.conf import settings
from django.core.management.base import BaseCommand
from django.utils import timezone

from alerts.digest import alert_listing, changed_since
from alerts.mail import send_digest
from alerts.models import AlertSubscription


class Command(BaseCommand):
    help = "E-mail each confirmed alert its new and changed opportunities."

    def handle(self, *args, **options):
        sent = 0
        for subscription in AlertSubscription.objects.exclude(confirmed_at=None):
            # Taken before the query: a page published while this one is sent is in the next.
            queried_at = timezone.now()
            listing = alert_listing(subscription.query)
            changed = changed_since(listing, subscription.last_sent_at or subscription.confirmed_at)
            if not changed:
                continue
            try:
                send_digest(subscription, listing, changed, settings.WAGTAILADMIN_BASE_URL)
            except (SMTPException, OSError) as error:  # the next run retries this one
                self.stderr.write(f"Could not e-mail alert {subscription.pk}: {error}")
                continue
            subscription.last_sent_at = queried_at
            subscription.save(update_fields=["last_sent_at"])
            sent += 1
        self.stdout.write(f"Sent {sent} alert digests.")
