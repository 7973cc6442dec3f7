"""Cache-Control and ETag on every response that does not set its own.

Anonymous GETs of public pages may be kept by the shared micro-cache in front of the app
(nginx, a CDN) and revalidated by browsers; everything personal stays out of every cache.
"""

from django.utils.cache import patch_cache_control

# Browsers revalidate every time (cheap: a 304 from the micro-cache or from the ETag check), so
# a publish is visible at once. The shared cache keeps a page for a minute and is purged on
# publish (caching/purge.py); URLs with a query string (filters, result pages, search) are not
# purged one by one, so the shared cache keeps them only briefly.
SHARED_MAX_AGE = 60
SHARED_MAX_AGE_WITH_QUERY = 2
SHAREABLE_STATUSES = {200, 304}


def shareable(request, response):
    """Whether one visitor's response may be served to another."""
    user = getattr(request, "user", None)
    return (
        request.method in ("GET", "HEAD")
        and response.status_code in SHAREABLE_STATUSES
        # A response that sets a cookie (a CSRF token, a session) belongs to one visitor.
        and not response.cookies
        and not (user is not None and user.is_authenticated)
    )


class HttpCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if response.has_header("Cache-Control"):  # the view decided (admin, robots.txt, …)
            return response
        if not shareable(request, response):
            patch_cache_control(response, private=True, no_store=True)
            return response
        max_age = SHARED_MAX_AGE_WITH_QUERY if request.GET else SHARED_MAX_AGE
        patch_cache_control(response, public=True, max_age=0, s_maxage=max_age)
        etag = getattr(request, "page_etag", None)
        if etag and not response.has_header("ETag"):
            response["ETag"] = etag
        return response
