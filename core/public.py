"""The one definition of what a visitor may see, for every listing, search, export and feed.

A page is public when it is live, not past its expiry date (publish_scheduled may not have run
yet) and not view-restricted (password, login or groups), including by a restriction on one
of its ancestors.
"""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr
from django.utils import timezone


def restricted():
    """A restriction on the page or an ancestor: the restricted page's tree path starts the
    page's. A subquery, so narrowing a queryset costs no query of its own (Wagtail's
    PageQuerySet.public() first loads every restriction, once per call)."""
    from wagtail.models import PageViewRestriction  # not importable while apps load

    return Exists(
        PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
    )


def public(pages):
    """Narrow a page queryset to the public pages."""
    return (
        pages.live()
        .exclude(restricted())
        .filter(Q(expire_at__isnull=True) | Q(expire_at__gt=timezone.now()))
    )
