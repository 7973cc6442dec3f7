"""The one definition of what a visitor may see, for every listing, search, export and feed.

A page is public when it is live, not past its expiry date (publish_scheduled may not have run
yet) and not view-restricted (password, login or groups), including by a restriction on one
of its ancestors, which Wagtail's PageQuerySet.public() covers.
"""

from django.db.models import Q
from django.utils import timezone


def public(pages):
    """Narrow a page queryset to the public pages."""
    return pages.live().public().filter(Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))
