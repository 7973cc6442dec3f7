"""What a page's query string means, in canonical form.

A page's ETag (and so its cached fragments), its language links and its og:url are built from
this rather than from the raw query string. Otherwise every junk parameter (?utm_source=…, ?x=1,
?x=2 …) would store one more copy of the page in the shared cache, evicting sessions and
rate-limit counters, and whatever a visitor typed there would be written into links that the
cache then serves to the next visitor.

A page whose output depends on its query string says how with a `canonical_query(request)`
method: the parameters that matter, cleaned and in a fixed order, or None when the output shows
what the visitor typed (a form with errors), which is then rendered for that visitor alone. For
every other page the query string means nothing.
"""


def canonical_query(page, request):
    method = getattr(page, "canonical_query", None)
    if method is None:
        return ""
    # Asked for by the ETag, the language links and og:url: worked out once per request.
    known = request.__dict__.setdefault("_canonical_queries", {})
    if page.pk not in known:
        known[page.pk] = method(request)
    return known[page.pk]


def shown_query(page, request):
    """The query that links to this view of `page` carry: the canonical one, or the visitor's
    own where the page is rendered for them alone."""
    query = canonical_query(page, request)
    return request.META.get("QUERY_STRING", "") if query is None else query


def with_query(url, query):
    return f"{url}?{query}" if query else url


def canonical_url(page, request):
    """The absolute URL of what `request` shows of `page`: its path (sub-route included) and
    its query as the page reads it."""
    return with_query(request.build_absolute_uri(request.path), shown_query(page, request))
