"""Hostile values in every public GET parameter and form field, in both languages: no response
is a server error, and no HTML page reflects markup unescaped."""

from urllib.parse import quote

import pytest
from django.utils import translation

from cooperation.models import OpportunityIndexPage, OpportunityPage
from tourism.models import TourismIndexPage

pytestmark = pytest.mark.django_db

MARKUP = ["<script>alert(1)</script>", '"><img src=x onerror=alert(1)>', "<svg/onload=alert(1)>"]
HOSTILE = [
    *MARKUP,
    "",
    " ",
    "x" * 10_000,
    "黄河" * 5_000,
    "a\x00b",
    "\x00",
    "\ud800",  # a lone surrogate
    "\udfff\ud800",
    "%",
    "%ff%fe",
    "title:(黄河 OR river)^99 AND NOT *",
    '{"query": {"match_all": {}}}',
    "\\",
    "/*",
    "'; DROP TABLE wagtailcore_page; --",
    "1 OR 1=1",
    "1' AND SLEEP(5)--",
    "99999999999999999999999",
    "-1",
    "-99999999999999999999",
    "0",
    "1e308",
    "NaN",
    "../../etc/passwd",
    "\r\nSet-Cookie: x=1",
    "javascript:alert(1)",
    "☃" * 300,
]
# Raw query strings that no urlencode produces: invalid UTF-8 and an encoded lone surrogate.
RAW = ["%ff%fe%fd", "%ed%a0%80", "%c0%af", "%00"]
LANGUAGES = ["zh-hans", "en"]


def encode(value):
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


def page_url(page, language, suffix=""):
    with translation.override(language):
        return page.get_url(None) + suffix


def endpoints(language):
    listing = OpportunityIndexPage.objects.get()
    tourism = TourismIndexPage.objects.get()
    return {
        f"/{language}/search/": ["q", "page", "kind", "strategy_area", "county", "sector"],
        f"/{language}/search/suggest/": ["q"],
        "/api/search/": ["q", "lang", "page", "kind", "strategy_area", "county", "sector"],
        page_url(listing, language): [
            "area",
            "sector",
            "county",
            "region",
            "kind",
            "stage",
            "sort",
            "page",
        ],
        page_url(listing, language, "export/csv/"): ["area", "sort"],
        page_url(listing, language, "export/json/"): ["area", "sort"],
        page_url(tourism, language, "plan/"): ["a"],
        page_url(tourism, language, "plan/gpx/"): ["a"],
        "/api/v2/pages/": ["search", "offset", "limit", "type", "child_of", "order", "fields"],
        "/api/v2/images/": ["search", "offset", "limit"],
        "/api/v2/documents/": ["search", "offset", "limit"],
    }


def check(response, label):
    assert response.status_code < 500, label
    if response["Content-Type"].startswith("text/html") and not response.streaming:
        body = response.content.decode("utf-8", "replace")
        for markup in MARKUP:
            assert markup not in body, label


@pytest.mark.parametrize("language", LANGUAGES)
def test_hostile_query_strings(client, language):
    for path, params in endpoints(language).items():
        for value in [*map(encode, HOSTILE), *RAW]:
            for param in params:
                check(client.get(f"{path}?{param}={value}"), f"{path}?{param}={value[:60]}")


@pytest.mark.parametrize("language", LANGUAGES)
def test_hostile_enquiries(client, language):
    opportunity = OpportunityPage.objects.live().order_by("path").first()
    url = page_url(opportunity, language)
    fields = ["name", "organisation", "email", "country", "message", "consent", "website"]
    valid = {
        "name": "Ada",
        "organisation": "",
        "email": "ada@example.com",
        "country": "DE",
        "message": "Hello",
        "consent": "on",
    }
    for value in HOSTILE:
        # A form post cannot carry a lone surrogate: the browser sends U+FFFD instead.
        value = value.encode("utf-8", "replace").decode()
        for field in fields:
            check(client.post(url, {**valid, field: value}), f"{url} {field}={value[:40]!r}")
