"""Absolute links to pages for files and emails, on the host the visitor actually used.

Wagtail's `get_full_url` uses the Site record's hostname, which need not be the address the
portal is reached at (a developer's 127.0.0.1:8000, a proxy's public name)."""


def absolute_url(page, request):
    return request.build_absolute_uri(page.get_url(request))
