from django import template
from django.db.models import Q
from django.utils import timezone

from editorial.models import PageReview, RevisionNote

register = template.Library()


@register.simple_tag
def page_history(page):
    """Last reviewed, last updated and the published change notes (newest first) of a page, for
    the line at the foot of its content; None for anything that is not a published page."""
    if not getattr(page, "last_published_at", None):
        return None
    review = PageReview.objects.filter(page_id=page.pk).values_list("last_reviewed_on", flat=True)
    notes = (
        RevisionNote.objects.filter(page_id=page.pk, published_at__isnull=False)
        .filter(~Q(note_zh_hans="") | ~Q(note_en=""))
        .order_by("-published_at", "-pk")
    )
    return {
        "last_updated": timezone.localtime(page.last_published_at),
        "last_reviewed": review.first(),
        "notes": [note for note in notes if note.note],
    }
