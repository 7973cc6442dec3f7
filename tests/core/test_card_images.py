"""Listing cards show their page's hero image as a small lazy thumbnail, and nothing where a page
has none; the images and their renditions are loaded for the whole list at once."""

import re

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext

from cooperation.models import OpportunityIndexPage, ProgrammePage
from core.i18n import page_url_in
from home.models import NewsIndexPage
from tests import factories
from tourism.models import RoutePage, TourismIndexPage

pytestmark = [pytest.mark.django_db, pytest.mark.without_plan]

CARD_WIDTHS = [320, 640, 960]


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def give_hero(page, number, size=(320, 180)):
    """`page` published with a hero image and its alt text in both languages. Publishing makes
    all its renditions: the picture is as small as the test allows (query counts do not depend
    on it)."""
    page.hero_image = factories.image(f"Card {number}", size=size)
    page.hero_alt_zh_hans, page.hero_alt_en = f"图{number}", f"Picture {number}"
    page.save_revision().publish()
    return page


def cards(body):
    """Each card's markup (the last one runs on to the end of the page, which has no picture)."""
    return body.split('<li class="card">')[1:]


def card_of(body, page):
    [card] = [card for card in cards(body) if f'/{page.slug_en}/"' in card]
    return card


def render(client, url):
    cache.clear()  # rendered afresh, not from the page-body fragment cache
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def queries_to_render(client, url):
    render(client, url)  # makes anything made once, such as missing renditions
    cache.clear()
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def srcset_widths(tag):
    return sorted(int(width) for width in re.findall(r" (\d+)w", tag))


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_opportunity_cards_show_the_hero_as_a_lazy_thumbnail_or_nothing(
    client, built_home, language
):
    area = factories.strategy_area(built_home)
    with_image = give_hero(
        factories.opportunity(built_home, "with-image", area=area), 1, factories.SMALL_IMAGE
    )
    without = factories.opportunity(built_home, "without-image", area=area)
    body = render(client, page_url_in(OpportunityIndexPage.objects.get(), language))

    card = card_of(body, with_image)
    [picture] = re.findall(r"<picture>.*?</picture>", card, re.S)
    img = re.search(r"<img[^>]*>", picture).group(0)
    assert f'alt="{"图1" if language == "zh-hans" else "Picture 1"}"' in img
    assert 'loading="lazy"' in img and 'width="320"' in img and 'height="180"' in img
    assert srcset_widths(img) == CARD_WIDTHS
    sources = re.findall(r"<source[^>]*>", picture)
    assert [re.search(r'type="([^"]+)"', s).group(1) for s in sources] == [
        "image/avif",
        "image/webp",
    ]
    assert all(srcset_widths(source) == CARD_WIDTHS for source in sources)
    # No placeholder where there is no picture.
    assert "<picture" not in card_of(body, without) and "<img" not in card_of(body, without)


def test_opportunity_cards_cost_the_same_queries_for_one_image_or_three(client, built_home):
    area = factories.strategy_area(built_home)
    give_hero(factories.opportunity(built_home, "first", area=area), 1)
    factories.opportunity(built_home, "no-image", area=area)
    url = page_url_in(OpportunityIndexPage.objects.get(), "en")
    one = queries_to_render(client, url)
    for number in (2, 3):
        give_hero(factories.opportunity(built_home, f"more-{number}", area=area), number)
    three = queries_to_render(client, url)
    assert render(client, url).count("<picture>") == 3
    assert three == one


def news(home):
    first = factories.news_article(home, "first")
    return NewsIndexPage.objects.get(), [first, factories.news_article(home, "second")]


def strategy_areas(home):
    areas = [factories.strategy_area(home, chapter) for chapter in (3, 4)]
    return areas[0].get_parent(), areas


def programmes(home):
    area = factories.strategy_area(home)
    listed = [
        factories.add(
            area,
            ProgrammePage,
            f"programme-{section}",
            f"Programme {section}",
            f"节{section}",
            chapter=3,
            section=section,
            **factories.both("summary", "目标。", "A goal."),
            **factories.both("body", "<p>正文。</p>", "<p>Text.</p>"),
        )
        for section in (1, 2)
    ]
    return area, listed


def routes(home):
    index = factories.section(home, TourismIndexPage, "tourism", "Tourism", "旅游")
    listed = [
        factories.add(
            index,
            RoutePage,
            f"route-{number}",
            f"Route {number}",
            f"线路{number}",
            **factories.both("intro", "<p>线路。</p>", "<p>A route.</p>"),
        )
        for number in (1, 2)
    ]
    return index, listed


def home_strategy_areas(home):
    return home, strategy_areas(home)[1]


def home_routes(home):
    return home, routes(home)[1]


@pytest.mark.parametrize(
    "build", [news, strategy_areas, programmes, routes, home_strategy_areas, home_routes]
)
def test_every_listing_shows_thumbnails_without_a_query_per_card(client, built_home, build):
    listing, (first, second) = build(built_home)
    url = page_url_in(listing, "en")
    give_hero(first, 1)
    one = queries_to_render(client, url)
    body = render(client, url)
    assert 'loading="lazy"' in card_of(body, first) and 'alt="Picture 1"' in card_of(body, first)
    assert "<picture" not in card_of(body, second)
    give_hero(second, 2)
    assert queries_to_render(client, url) == one
    assert render(client, url).count("<picture>") == 2
