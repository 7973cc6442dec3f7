"""Page images: a hero and a gallery on seven page types, with alt text in both languages, every
size and format made from one upload, and no extra queries per image or on pages without any."""

import re

import pytest
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from PIL import Image as PILImage
from PIL import features
from wagtail.blocks.struct_block import StructBlockValidationError

from cooperation.models import OpportunityPage, ProgrammePage, StrategyAreaPage
from core.blocks import GalleryImageBlock
from core.content_version import content_version
from home.models import NewsPage
from tests.factories import image as make_image
from tourism.models import AttractionPage, EventPage, RoutePage

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    StrategyAreaPage,
    ProgrammePage,
    OpportunityPage,
    RoutePage,
    AttractionPage,
    EventPage,
    NewsPage,
]
HERO_WIDTHS = (640, 960, 1280, 1920)
GALLERY_WIDTHS = (400, 800, 1200)
ALT = {"zh-hans": "黄河湿地的芦苇", "en": "Reeds in the Yellow River wetland"}


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


def gallery_item(image, number):
    return (
        "image",
        {
            "image": image,
            "alt_zh_hans": f"图{number}：{ALT['zh-hans']}",
            "alt_en": f"Picture {number}: {ALT['en']}",
            "caption_zh_hans": f"说明{number}",
            "caption_en": "",
            "credit_zh_hans": "新乡市文化广电和旅游局",
            "credit_en": "Xinxiang Culture and Tourism Bureau",
            "licence": "CC BY 4.0",
        },
    )


def publish(page, hero=None, gallery=()):
    if hero:
        page.hero_image = hero
        page.hero_alt_zh_hans, page.hero_alt_en = ALT["zh-hans"], ALT["en"]
        page.hero_caption_zh_hans = "春天的湿地"
        page.hero_caption_en = "The wetland in spring"
        page.hero_credit_zh_hans = "新乡日报"
        page.hero_licence = "CC BY-SA 4.0"
    page.gallery = list(gallery)
    page.save_revision().publish()
    cache.clear()  # the page's fragments were cached under the content version of the test
    return page


def first_live(model):
    return model.objects.live().order_by("path").first()


def html(client, page, language):
    with translation.override(language):
        url = page.get_url()
    response = client.get(url)
    assert response.status_code == 200
    return response.content.decode()


def pictures(body):
    return re.findall(r"<picture>.*?</picture>", body, re.S)


def srcset_widths(tag):
    return sorted(int(width) for width in re.findall(r" (\d+)w", tag))


def size_attributes(tag):
    img = re.search(r"<img[^>]*>", tag).group(0)
    return tuple(int(re.search(f' {name}="(\\d+)"', img).group(1)) for name in ("width", "height"))


def image_file(media_root, tag):
    src = re.search(r'<img[^>]* src="/media/([^"]+)"', tag).group(1)
    return PILImage.open(media_root / src)


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_hero_on_every_page_type_with_alt_in_the_page_language(client, model, language):
    page = publish(first_live(model), hero=make_image())
    body = html(client, page, language)
    [hero] = pictures(body)
    assert f'alt="{ALT[language]}"' in hero
    assert 'fetchpriority="high"' in hero and "lazy" not in hero
    assert body.index("</h1>") < body.index('<figure class="page-image hero-image">')
    caption = {"zh-hans": "春天的湿地", "en": "The wetland in spring"}[language]
    assert caption in body and "新乡日报" in body and "CC BY-SA 4.0" in body


def test_hero_has_every_width_in_avif_webp_and_jpeg_with_its_size_set(client, media_root):
    page = publish(first_live(AttractionPage), hero=make_image())
    [hero] = pictures(html(client, page, "en"))
    sources = re.findall(r"<source[^>]*>", hero)
    assert features.check("avif")  # this Pillow writes AVIF, so the picture offers it first
    assert [re.search(r'type="([^"]+)"', s).group(1) for s in sources] == [
        "image/avif",
        "image/webp",
    ]
    for source in sources:
        assert srcset_widths(source) == list(HERO_WIDTHS)
        assert 'sizes="' in source
    img = re.search(r"<img[^>]*>", hero).group(0)
    assert srcset_widths(img) == list(HERO_WIDTHS)
    assert size_attributes(img) == (640, 360)  # the 16:9 box is reserved before it loads
    assert image_file(media_root, img).format == "JPEG"
    avif = re.search(r'srcset="/media/([^ ]+) 640w', sources[0]).group(1)
    assert PILImage.open(media_root / avif).format == "AVIF"


def test_hero_is_cropped_around_the_focal_point(client, media_root):
    # A wide image cropped to 16:9 loses its sides: the crop keeps the red half it centres on.
    image = make_image(size=(4000, 1200), focal_point=(500, 600))
    page = publish(first_live(NewsPage), hero=image)
    [hero] = pictures(html(client, page, "en"))
    cropped = image_file(media_root, re.search(r"<img[^>]*>", hero).group(0)).convert("RGB")
    assert cropped.size == (640, 360)
    red, green, blue = cropped.getpixel((320, 180))
    assert red > 150 and blue < 50


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_gallery_is_lazy_with_alt_caption_and_credit_in_the_page_language(client, language):
    images = [make_image(f"Gallery {n}") for n in range(1, 4)]
    page = publish(
        first_live(RoutePage), gallery=[gallery_item(img, n) for n, img in enumerate(images, 1)]
    )
    body = html(client, page, language)
    gallery = body[body.index('id="gallery-heading"') :]
    shown = pictures(gallery)
    assert len(shown) == 3
    for number, tag in enumerate(shown, 1):
        alt = f"图{number}：{ALT['zh-hans']}" if language == "zh-hans" else f"Picture {number}: "
        assert f'alt="{alt}' in tag
        assert 'loading="lazy"' in tag
        assert srcset_widths(re.search(r"<img[^>]*>", tag).group(0)) == list(GALLERY_WIDTHS)
        assert size_attributes(tag) == (400, 300)
    # An English caption left empty falls back to the Chinese one; the credit is per language.
    assert "说明1" in gallery
    credit = "Xinxiang Culture and Tourism Bureau" if language == "en" else "新乡市文化广电和旅游局"
    assert credit in gallery and "CC BY 4.0" in gallery


def queries_to_render(client, page):
    """Queries of a first view (the renditions already made), as after each publish, and of a
    view again (the body from the fragment cache)."""
    html(client, page, "en")  # makes the renditions
    cache.clear()
    counts = []
    for _view in range(2):
        with CaptureQueriesContext(connection) as queries:
            html(client, page, "en")
        counts.append(len(queries))
    return counts


def test_gallery_queries_do_not_grow_with_its_images(client):
    page = first_live(EventPage)
    images = [make_image(f"Gallery {n}") for n in range(1, 5)]
    publish(page, gallery=[gallery_item(images[0], 1)])
    one = queries_to_render(client, page)
    publish(page, gallery=[gallery_item(img, n) for n, img in enumerate(images, 1)])
    assert queries_to_render(client, page) == one


def test_images_cost_a_few_queries_once_and_none_on_pages_without(client):
    page = first_live(OpportunityPage)
    without, without_again = queries_to_render(client, page)
    gallery = [gallery_item(make_image(f"Gallery {n}"), n) for n in range(1, 4)]
    publish(page, hero=make_image(), gallery=gallery)
    first, again = queries_to_render(client, page)
    # The hero (its image and renditions) and the gallery (its images with their renditions).
    assert first - without <= 4, (without, first)
    assert again == without_again


@pytest.mark.parametrize("model", PAGE_TYPES, ids=lambda model: model.__name__)
def test_a_page_without_images_has_no_picture(client, model):
    body = html(client, first_live(model), "en")
    assert "<picture" not in body and "<img" not in body
    assert "gallery-heading" not in body


@pytest.mark.parametrize("missing", ["hero_alt_zh_hans", "hero_alt_en"])
def test_hero_needs_alt_text_in_both_languages(missing):
    page = first_live(AttractionPage)
    page.hero_image = make_image()
    page.hero_alt_zh_hans, page.hero_alt_en = ALT["zh-hans"], ALT["en"]
    setattr(page, missing, " ")
    with pytest.raises(ValidationError) as error:
        page.full_clean()
    assert set(error.value.message_dict) == {missing}


def test_alt_text_is_not_needed_without_a_hero():
    page = first_live(AttractionPage)
    page.hero_caption_en = "A caption on its own"
    page.full_clean()


@pytest.mark.parametrize("missing", ["alt_zh_hans", "alt_en"])
def test_gallery_image_needs_alt_text_in_both_languages(missing):
    block = GalleryImageBlock()
    raw = {**gallery_item(make_image(), 1)[1], missing: ""}
    raw["image"] = raw["image"].pk
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python(raw))
    assert set(error.value.block_errors) == {missing}


def test_changing_or_deleting_an_image_retires_cached_pages(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        image = make_image()
    version = content_version()  # a new upload is on no page yet
    with django_capture_on_commit_callbacks(execute=True):
        image.focal_point_x, image.focal_point_y = 100, 100
        image.focal_point_width = image.focal_point_height = 10
        image.save()
    assert content_version() != version
    version = content_version()
    with django_capture_on_commit_callbacks(execute=True):
        image.delete()
    assert content_version() != version
