"""The content version: one token that changes whenever anything a public page shows changes.

ETags, template fragments and the cached sitemaps include it, so a publish, unpublish, move or
snippet edit retires all of them at once without anyone enumerating keys. It lives in the shared
cache (Redis in production) so that every app node sees the same token.
"""

from uuid import uuid4

from django.core.cache import cache

KEY = "caching:content-version"


def content_version():
    version = cache.get(KEY)
    if version is None:
        # First use, or evicted: any new token is safe, it only makes validators miss once.
        cache.add(KEY, uuid4().hex, timeout=None)
        version = cache.get(KEY)
    return version


def bump_content_version():
    cache.set(KEY, uuid4().hex, timeout=None)
