from django.db import models


class PendingIndexUpdate(models.Model):
    """Outbox: a page whose index entries must be brought up to date.

    Written in the same transaction as the change to the page, so a change is never lost, and
    deleted once delivered. Delivery reads the page as it is then (live → index, otherwise →
    remove), so several rows for one page collapse into one idempotent update.
    """

    page_id = models.PositiveIntegerField(db_index=True)
    created_at = models.DateTimeField(auto_now_add=True)
    attempts = models.PositiveIntegerField(default=0)
    last_error = models.TextField(blank=True)

    class Meta:
        ordering = ["id"]

    def __str__(self):
        return f"page {self.page_id}"
