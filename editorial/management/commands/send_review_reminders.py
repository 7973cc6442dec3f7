from django.core.management.base import BaseCommand

from editorial.page_review import send_review_reminders


class Command(BaseCommand):
    help = "E-mail each page owner their pages past the review date (run weekly)."

    def handle(self, *args, **options):
        sent = send_review_reminders()
        self.stdout.write(f"{sent} reminder(s) sent")
