"""Keeping the index in step with the page tree, through the outbox.

A page change writes a PendingIndexUpdate row in the same transaction, and delivery runs once
that transaction commits. If Elasticsearch cannot be reached the rows stay pending, and
`manage.py search_index sync` (run every minute by `make run`) delivers them later: publishing
never fails, and no change is lost, because search was down.
"""

import logging

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from elasticsearch import ApiError, TransportError
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from search.client import get_client
from search.indexing import update_pages
from search.models import PendingIndexUpdate
from search.registry import live_searchable_pages

logger = logging.getLogger(__name__)
DELIVERY_TIMEOUT = 15


def enqueue(page_ids):
    """Record that these pages changed; nothing to do when search runs on the database."""
    if not settings.ELASTICSEARCH_URL:
        return
    PendingIndexUpdate.objects.bulk_create(PendingIndexUpdate(page_id=pk) for pk in page_ids)
    transaction.on_commit(deliver_pending, robust=True)


@receiver(page_published)
@receiver(page_unpublished)
def page_changed(sender, instance, **kwargs):
    enqueue([instance.pk])


def enqueue_subtree(page):
    enqueue(Page.objects.descendant_of(page, inclusive=True).values_list("pk", flat=True))


@receiver(post_page_move)
@receiver(page_slug_changed)
def page_moved(sender, instance, **kwargs):
    # Moving or renaming changes the URL of the page and of everything below it.
    enqueue_subtree(instance)


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def privacy_changed(sender, instance, **kwargs):
    # A view restriction hides the page and everything below it; removing it shows them again.
    enqueue_subtree(instance.page)


@receiver(post_delete, sender=Page)  # once per page, not once per table of a specific page
def page_deleted(sender, instance, **kwargs):
    enqueue([instance.pk])


def deliver_pending(batch_size=500):
    """Deliver pending updates; returns how many pages were updated (0 when search is down)."""
    client = get_client()
    rows = list(PendingIndexUpdate.objects.values_list("pk", "page_id")[:batch_size])
    if client is None or not rows:
        return 0
    row_ids = [pk for pk, _page_id in rows]
    page_ids = sorted({page_id for _pk, page_id in rows})
    try:
        # An editor's publish may wait a little longer than a visitor's search.
        update_pages(
            client.options(request_timeout=DELIVERY_TIMEOUT), live_searchable_pages(page_ids)
        )
    except (ApiError, TransportError, RuntimeError) as error:
        logger.warning("Search index update postponed: %s", error)
        PendingIndexUpdate.objects.filter(pk__in=row_ids).update(
            attempts=F("attempts") + 1, last_error=str(error)[:1000]
        )
        return 0
    PendingIndexUpdate.objects.filter(pk__in=row_ids).delete()
    return len(page_ids)
