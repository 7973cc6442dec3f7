"""Atom feeds (RFC 4287) of a filtered opportunity listing, of news and of events, per language:
parsed with an XML parser and checked for the elements Atom requires."""

import re
import xml.etree.ElementTree as ET
from urllib.parse import urlsplit

import pytest

from cooperation.models import OpportunityIndexPage, OpportunityPage
from home.models import NewsPage
from tourism.models import EventPage

pytestmark = pytest.mark.django_db
ATOM = "{http://www.w3.org/2005/Atom}"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
RFC_3339 = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?(Z|[+-]\d\d:\d\d)")


def text_of(element, name):
    """The one `name` child's text: present exactly once and not empty."""
    (child,) = element.findall(f"{ATOM}{name}")
    assert child.text and child.text.strip()
    return child.text


def assert_common(element):
    """What RFC 4287 requires of a feed and of an entry alike (§4.1.1, §4.1.2)."""
    assert urlsplit(text_of(element, "id")).scheme  # an absolute IRI
    text_of(element, "title")
    assert RFC_3339.fullmatch(text_of(element, "updated"))  # a date construct (§3.3)
    # Entries have no content, so each must have an alternate link; a feed should; and no
    # two of the same type and language (§4.1.1, §4.1.2).
    alternates = element.findall(f"{ATOM}link[@rel='alternate']") + [
        link for link in element.findall(f"{ATOM}link") if link.get("rel") is None
    ]
    assert len(alternates) == 1


def valid_atom(response, language):
    """The feed's entries, after checking what RFC 4287 requires of a feed and its entries, and
    that the feed says it is in `language`."""
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    root = ET.fromstring(response.content)
    assert root.tag == f"{ATOM}feed"
    assert root.get(XML_LANG) == language
    assert_common(root)
    entries = root.findall(f"{ATOM}entry")
    ids = [text_of(entry, "id") for entry in entries]
    assert len(set(ids)) == len(ids)  # entry ids are unique (§4.1.1)
    for entry in entries:
        assert_common(entry)
        assert entry.find(f"{ATOM}link").get("href").startswith("http://testserver/")
    # Without an author per entry, the feed must name one, and a person has a name (§3.2).
    authors = (
        [root.find(f"{ATOM}author")]
        if root.find(f"{ATOM}author") is not None
        else [entry.find(f"{ATOM}author") for entry in entries]
    )
    assert all(author is not None and text_of(author, "name") for author in authors)
    return entries


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_a_filtered_listing_has_its_own_feed(client, language):
    index = OpportunityIndexPage.objects.get()
    slug = index.slug_en if language == "en" else index.slug_zh_hans
    response = client.get(f"/{language}/{slug}/feed/", {"sector": "new-materials"})
    entries = valid_atom(response, language)
    expected = OpportunityPage.objects.live().filter(sectors__plan_key="new-materials")
    titles = {entry.find(f"{ATOM}title").text for entry in entries}
    field = "title_en" if language == "en" else "title_zh_hans"
    assert titles == {getattr(page, field) for page in expected}
    assert all(f"/{language}/" in entry.find(f"{ATOM}link").get("href") for entry in entries)
    listing = client.get(f"/{language}/{slug}/", {"sector": "new-materials"}).content.decode()
    assert f'type="application/atom+xml" href="/{language}/{slug}/feed/?sector=new-materials"' in (
        listing
    )


@pytest.mark.parametrize("language", ["en", "zh-hans"])
@pytest.mark.parametrize(("feed", "model"), [("news", NewsPage), ("events", EventPage)])
def test_news_and_events_feeds(client, feed, model, language):
    entries = valid_atom(client.get(f"/{language}/feeds/{feed}/"), language)
    assert len(entries) == model.objects.live().count() > 0
    field = "title_en" if language == "en" else "title_zh_hans"
    titles = {entry.find(f"{ATOM}title").text for entry in entries}
    assert titles == {getattr(page, field) for page in model.objects.live()}
