"""Atom feeds (RFC 4287) of a filtered opportunity listing, of news and of events, per language:
parsed with an XML parser and checked for the elements Atom requires."""

import xml.etree.ElementTree as ET

import pytest

from cooperation.models import OpportunityIndexPage, OpportunityPage
from home.models import NewsPage
from tourism.models import EventPage

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"


def valid_atom(response):
    """The feed's entries, after checking what RFC 4287 §4.1 requires of a feed and its entries."""
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    for required in ("id", "title", "updated"):
        assert root.find(f"{ATOM}{required}").text
    assert root.find(f"{ATOM}link[@rel='alternate']") is not None
    entries = root.findall(f"{ATOM}entry")
    for entry in entries:
        for required in ("id", "title", "updated"):
            assert entry.find(f"{ATOM}{required}").text
        assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/")
    # Without an author per entry, the feed must name one (§4.1.1).
    assert root.find(f"{ATOM}author") is not None or all(
        entry.find(f"{ATOM}author") is not None for entry in entries
    )
    return entries


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_filtered_listing_has_its_own_feed(client, language):
    index = OpportunityIndexPage.objects.get()
    slug = index.slug_en if language == "en" else index.slug_zh_hans
    response = client.get(f"/{language}/{slug}/feed/", {"sector": "new-materials"})
    entries = valid_atom(response)
    expected = OpportunityPage.objects.live().filter(sectors__plan_key="new-materials")
    titles = {entry.find(f"{ATOM}title").text for entry in entries}
    field = "title_en" if language == "en" else "title_zh_hans"
    assert titles == {getattr(page, field) for page in expected}
    assert all(f"/{language}/" in entry.find(f"{ATOM}link").get("href") for entry in entries)
    listing = client.get(f"/{language}/{slug}/", {"sector": "new-materials"}).content.decode()
    assert f'type="application/atom+xml" href="/{language}/{slug}/feed/?sector=new-materials"' in (
        listing
    )


@pytest.mark.parametrize(
    ("path", "model"), [("/en/feeds/news/", NewsPage), ("/zh-hans/feeds/events/", EventPage)]
)
def test_news_and_events_feeds(client, path, model):
    entries = valid_atom(client.get(path))
    assert len(entries) == model.objects.live().count() > 0
