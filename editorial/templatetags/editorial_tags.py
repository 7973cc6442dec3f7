from django import template
from django.utils import timezone

from editorial.models import RevisionNote

register = template.Library()


@register.simple_tag
def page_history(page):
    """Last reviewed (the latest review date published), last updated and the published change
    notes (newest first) of a page, in one query, for the line at the foot of its content;
    None for anything that is not a published page."""
    if not getattr(page, "last_published_at", None):
        return None
    published = RevisionNote.objects.filter(page_id=page.pk, published_at__isnull=False)
    published = list(published.order_by("-published_at", "-pk"))
    reviewed = next((item.published_at for item in published if item.next_review_on), None)
    return {
        "last_updated": timezone.localtime(page.last_published_at),
        "last_reviewed": reviewed and timezone.localtime(reviewed),
        "notes": [item for item in published if item.note],
    }
