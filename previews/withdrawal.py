"""A page that stops being public takes its share cards out of storage. The card view already
refuses such a page, but a media bucket or CDN that serves /media/ itself would not ask."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_unpublished

from previews.share_cards import delete_cards


def delete_after_commit(page_ids):
    transaction.on_commit(lambda: delete_cards(page_ids), robust=True)


@receiver(page_unpublished)
@receiver(post_delete, sender=Page)  # once per page, not once per table of a specific page
def page_withdrawn(sender, instance, **kwargs):
    delete_after_commit([instance.pk])


@receiver(post_save, sender=PageViewRestriction)
def page_restricted(sender, instance, **kwargs):
    # A view restriction hides the page and everything below it.
    delete_after_commit(
        list(Page.objects.descendant_of(instance.page, inclusive=True).values_list("pk", flat=True))
    )
