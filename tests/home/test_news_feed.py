"""The news feed: readable links in the articles, and no feed while the news section is hidden."""

import xml.etree.ElementTree as ET

import pytest

from home.models import NewsIndexPage, NewsPage
from tests import factories

ATOM = "{http://www.w3.org/2005/Atom}"


def test_links_in_an_article_are_addresses_readers_can_follow(client, home_page):
    article = NewsPage.objects.live().order_by("-date", "-pk").first()
    NewsPage.objects.filter(pk=article.pk).update(
        body_en=f'<p>See <a linktype="page" id="{home_page.pk}">the portal</a>.</p>'
    )
    root = ET.fromstring(client.get("/en/feeds/news/").content)
    summaries = [entry.find(f"{ATOM}summary").text for entry in root.findall(f"{ATOM}entry")]
    linked = next(summary for summary in summaries if "the portal" in summary)
    assert 'href="/en/"' in linked
    assert "linktype" not in linked


@pytest.mark.without_plan
def test_no_feed_while_the_news_section_is_not_public(client, built_home):
    factories.news_article(built_home)
    assert client.get("/en/feeds/news/").status_code == 200
    NewsIndexPage.objects.update(live=False)
    assert client.get("/en/feeds/news/").status_code == 404
