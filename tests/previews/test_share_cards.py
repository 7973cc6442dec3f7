"""Share cards: a 1200×630 PNG per page and language, rendered once per published revision
and kept as a file in the default storage."""

import re
from io import BytesIO, StringIO
from pathlib import Path

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from PIL import Image
from wagtail.models import Page, PageViewRestriction

from core.i18n import page_url_in
from home.models import NewsIndexPage
from previews import share_cards
from previews.share_cards import NOTO_CJK, card_name, card_revision, font, render_card
from tourism.models import AttractionPage

pytestmark = pytest.mark.django_db
LANGUAGES = ("zh-hans", "en")


@pytest.fixture
def media(settings, tmp_path):
    """An empty media folder: the test sees only the cards it makes."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def og_image(client, url):
    body = client.get(url).content.decode()
    return re.search(r'<meta property="og:image" content="http://testserver([^"]+)">', body)[1]


def stored_cards(media):
    return {str(path.relative_to(media)) for path in media.rglob("*.png")}


def restrict(page):
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )


@pytest.mark.without_plan
def test_a_card_is_a_1200_by_630_png_with_ink_where_the_title_goes():
    png = render_card("新乡开放合作门户 · 南太行", "文化旅游", "新乡开放合作门户", [(35.4, 113.4)])
    image = Image.open(BytesIO(png))
    assert (image.format, image.size) == ("PNG", (1200, 630))
    title_band = image.crop((72, 170, 700, 260)).convert("L")
    assert title_band.getextrema()[0] < 80  # dark text drawn there


@pytest.mark.without_plan
@pytest.mark.skipif(not Path(NOTO_CJK).exists(), reason="fonts-noto-cjk not installed")
def test_chinese_is_set_in_noto_sans_cjk_sc():
    assert font(60, bold=True).getname() == ("Noto Sans CJK SC", "Bold")


def test_route_card_is_served_cached_and_renewed_with_each_revision(client, media, south_taihang):
    path = og_image(client, page_url_in(south_taihang, "zh-hans"))
    assert path == f"/zh-hans/share-cards/{south_taihang.pk}-{south_taihang.live_revision_id}.png"
    response = client.get(path)
    assert response["Content-Type"] == "image/png"
    assert "immutable" in response["Cache-Control"]
    assert Image.open(BytesIO(response.content)).size == (1200, 630)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(share_cards, "render_card", lambda *args: pytest.fail("rendered twice"))
        assert client.get(path).content == response.content

    south_taihang.title_zh_hans = "南太行新线"
    south_taihang.save_revision().publish()
    south_taihang.refresh_from_db()
    new_path = og_image(client, page_url_in(south_taihang, "zh-hans"))
    assert new_path != path
    assert client.get(path).url == new_path  # an old card's URL leads to the current one
    assert client.get(new_path).content != response.content


def test_cards_differ_by_language_and_outline_an_attractions_point(client, media):
    attraction = AttractionPage.objects.live().first()
    chinese = client.get(og_image(client, page_url_in(attraction, "zh-hans"))).content
    english = client.get(og_image(client, page_url_in(attraction, "en"))).content
    assert chinese != english
    stored = media / card_name(attraction.pk, card_revision(attraction), "en")
    assert stored.read_bytes() == english
    image = Image.open(BytesIO(english)).convert("RGB")
    assert image.getpixel((950, 340)) != (255, 255, 255)  # the outline panel at the right


def test_no_card_for_a_page_that_is_not_public(client, south_taihang):
    path = f"/en/share-cards/{south_taihang.pk}-{card_revision(south_taihang)}.png"
    restrict(south_taihang.get_parent())
    assert client.get(path).status_code == 404
    south_taihang.unpublish()
    assert client.get(f"/en/share-cards/{south_taihang.pk}-1.png").status_code == 404


def test_a_card_is_renewed_when_its_section_or_a_stop_changes(
    client, south_taihang, django_capture_on_commit_callbacks
):
    path = og_image(client, page_url_in(south_taihang, "en"))
    card = client.get(path).content

    attraction = south_taihang.itinerary.attractions[0]
    attraction.latitude += 1
    with django_capture_on_commit_callbacks(execute=True):  # publishing retires cached pages
        attraction.save_revision().publish()
    moved = og_image(client, page_url_in(south_taihang, "en"))
    assert moved != path
    assert client.get(path).url == moved
    assert client.get(moved).content != card

    section = south_taihang.get_parent().specific
    section.title_en = "Travel"
    with django_capture_on_commit_callbacks(execute=True):
        section.save_revision().publish()
    assert og_image(client, page_url_in(south_taihang, "en")) not in (path, moved)


def test_load_plan_stores_each_public_pages_cards_once(media):
    news = NewsIndexPage.objects.get()
    restrict(news)  # the section and its articles are no longer public
    visible = Page.objects.live().filter(depth__gt=1).not_descendant_of(news, inclusive=True)
    expected = {
        card_name(page.pk, card_revision(page), language)
        for page in visible.specific()
        for language in LANGUAGES
    }
    assert len(expected) > 300

    report = StringIO()
    call_command("load_plan", stdout=report)
    assert stored_cards(media) == expected
    assert f"share card: {len(expected)} made" in report.getvalue()
    home = news.get_parent()
    home_card = Image.open(media / card_name(home.pk, card_revision(home), "zh-hans"))
    assert home_card.size == (1200, 630)

    report = StringIO()
    call_command("load_plan", stdout=report)
    assert "share card: 0 made" in report.getvalue()
    assert stored_cards(media) == expected


def test_the_view_serves_the_stored_file(client, media, south_taihang):
    path = og_image(client, page_url_in(south_taihang, "en"))
    default_storage.save(
        card_name(south_taihang.pk, card_revision(south_taihang), "en"), ContentFile(b"stored")
    )
    response = client.get(path)
    assert response.content == b"stored"
    assert "immutable" in response["Cache-Control"]


def test_a_new_card_replaces_the_old_file_of_its_language(client, media, south_taihang):
    for language in LANGUAGES:
        client.get(og_image(client, page_url_in(south_taihang, language)))
    old = {
        language: card_name(south_taihang.pk, south_taihang.live_revision_id, language)
        for language in LANGUAGES
    }
    assert stored_cards(media) == set(old.values())

    south_taihang.title_en = "South Taihang, the new line"
    south_taihang.save_revision().publish()
    south_taihang.refresh_from_db()
    card = client.get(og_image(client, page_url_in(south_taihang, "en"))).content
    new = card_name(south_taihang.pk, south_taihang.live_revision_id, "en")
    assert (media / new).read_bytes() == card
    # The Chinese card is replaced when it is next asked for.
    assert stored_cards(media) == {new, old["zh-hans"]}


def test_a_page_that_stops_being_public_loses_its_stored_cards(
    client, media, south_taihang, django_capture_on_commit_callbacks
):
    news = NewsIndexPage.objects.get()
    article, attraction = news.get_children().live().first(), south_taihang.itinerary.attractions[0]
    for page in (south_taihang, attraction, article):
        client.get(og_image(client, page_url_in(page, "en")))
    assert len(stored_cards(media)) == 3

    with django_capture_on_commit_callbacks(execute=True):
        south_taihang.unpublish()
    with django_capture_on_commit_callbacks(execute=True):
        restrict(news)  # hides the article below it
    assert stored_cards(media) == {
        card_name(attraction.pk, card_revision(attraction), "en"),
    }
    with django_capture_on_commit_callbacks(execute=True):
        attraction.delete()
    assert stored_cards(media) == set()


def test_a_new_design_draws_every_card_again(client, media, south_taihang, monkeypatch):
    path = og_image(client, page_url_in(south_taihang, "en"))
    client.get(path)
    monkeypatch.setattr(share_cards, "DESIGN", share_cards.DESIGN + 1)
    client.get(path)
    # The URL names the page's revision only, so it stays; the file behind it is drawn anew.
    assert stored_cards(media) == {card_name(south_taihang.pk, card_revision(south_taihang), "en")}
    assert f"-d{share_cards.DESIGN}-" in next(iter(stored_cards(media)))
