"""The sitemap names each page's hero image (a rendition's URL) in both languages' entries."""

import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.without_plan]

NAMESPACES = {
    "s": "http://www.sitemaps.org/schemas/sitemap/0.9",
    "image": "http://www.google.com/schemas/sitemap-image/1.1",
}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def images_by_location(client, section):
    response = client.get(f"/sitemap-{section}.xml")
    assert response.status_code == 200
    urlset = ET.fromstring(response.content)
    return {
        url.find("s:loc", NAMESPACES).text: [
            loc.text for loc in url.findall("image:image/image:loc", NAMESPACES)
        ]
        for url in urlset.findall("s:url", NAMESPACES)
    }


def test_a_page_with_a_hero_lists_its_image_and_one_without_lists_none(
    client, built_home, media_root
):
    with_image = factories.news_article(built_home, "with-image")
    with_image.hero_image = factories.image(size=factories.SMALL_IMAGE)
    with_image.hero_alt_zh_hans, with_image.hero_alt_en = "芦苇", "Reeds"
    with_image.save_revision().publish()
    factories.news_article(built_home, "without-image")

    entries = images_by_location(client, "news")
    for language in ("zh-hans", "en"):
        [image] = entries[f"http://testserver/{language}/news/with-image/"]
        assert entries[f"http://testserver/{language}/news/without-image/"] == []
        path = re.fullmatch(r"http://testserver/media/(images/[^ ]+\.jpg)", image).group(1)
        assert (media_root / path).is_file()  # a rendition that was made, not the original
        assert ".fill-1920x1080" in path
    assert entries["http://testserver/zh-hans/news/"] == []  # the index: no image field


def test_images_cost_a_few_queries_for_the_whole_file(client, built_home):
    for number in range(3):
        article = factories.news_article(built_home, f"article-{number}")
        if number:
            article.hero_image = factories.image(f"Picture {number}", size=factories.SMALL_IMAGE)
            article.hero_alt_zh_hans, article.hero_alt_en = "图", "Picture"
            article.save_revision().publish()
    with CaptureQueriesContext(connection) as queries:
        entries = images_by_location(client, "news")
    assert sum(map(len, entries.values())) == 4  # two pictures, each in both languages
    image_queries = [q for q in queries if "wagtailimages_" in q["sql"]]
    assert len(image_queries) == 2, image_queries  # the images, then their renditions
