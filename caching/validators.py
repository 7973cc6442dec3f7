"""ETags for pages, computed from what determines the page before anything is rendered, so a
conditional request that matches costs a few cache reads instead of a render."""

import hashlib

from django.conf import settings
from django.utils import timezone, translation
from django.utils.cache import get_conditional_response, quote_etag

from core.content_version import content_version
from core.page_query import canonical_query, canonical_url


def page_etag(page, request):
    """None where the page shows what the visitor typed (core/page_query.py): nothing to share."""
    if canonical_query(page, request) is None:
        return None
    parts = [
        page.pk,
        page.latest_revision_id,
        page.last_published_at.isoformat() if page.last_published_at else "",
        translation.get_language(),
        # Scheme and host too: the page head caches absolute URLs (canonical, og:url). The query
        # as the page reads it (filters, result page), so junk parameters share one copy.
        canonical_url(page, request),
        content_version(),  # everything listed on the page: children, snippets, menus
        timezone.localdate().isoformat(),  # upcoming events, the calendar feed
        settings.PORTAL_RELEASE,  # templates and code
    ]
    digest = hashlib.blake2b("|".join(map(str, parts)).encode(), digest_size=12).hexdigest()
    return quote_etag(digest)


def conditional_page_response(page, request):
    """A 304 (or 412) when the visitor's validators match, else None; notes the ETag for the
    response headers (caching.headers)."""
    user = getattr(request, "user", None)
    if request.method not in ("GET", "HEAD") or (user is not None and user.is_authenticated):
        return None
    request.page_etag = page_etag(page, request)
    return get_conditional_response(request, etag=request.page_etag)
