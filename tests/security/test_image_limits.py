"""Image uploads: a pixel ceiling read from the header, stated in the form's help, refusing
decompression bombs (an 11000 × 11000 PNG of 353 KB was accepted and took 1.36 GB to render);
the sizes a page shows made from one decoding of the original, when the page is published."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.images import ImageFile as UploadedImage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image as PILImage
from PIL import ImageFile
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form

from core.renditions import PAGE_IMAGE_SPECS, page_renditions
from tourism.models import AttractionPage

pytestmark = pytest.mark.django_db


def png(width, height):
    buffer = io.BytesIO()
    PILImage.new("1", (width, height)).save(buffer, "PNG")  # one bit a pixel: small to make
    return SimpleUploadedFile("upload.png", buffer.getvalue(), content_type="image/png")


def image_form(upload):
    user = get_user_model().objects.create_superuser("boss", "b@example.com", "pw")
    form_class = get_image_form(get_image_model())
    return form_class({"title": "Upload"}, {"file": upload}, user=user)


def test_decompression_bomb_is_refused_with_a_clear_message(full_size_decodes):
    upload = png(11_000, 11_000)
    assert upload.size < 1_000_000
    form = image_form(upload)
    assert not form.is_valid()
    assert "40000000" in str(form.errors["file"])
    assert full_size_decodes == []  # refused on its header's word


def test_image_under_the_ceiling_is_accepted():
    assert image_form(png(8_000, 5_000)).is_valid()


def test_an_upload_is_decoded_once(media, full_size_decodes):
    """By the form's check; saving it (Django's width and height fields) reads the header.
    Wagtail's check and size reading decoded it four times."""
    picture = PILImage.linear_gradient("L").resize((4000, 3000)).convert("RGB")
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG")
    form = image_form(SimpleUploadedFile("large.jpg", buffer.getvalue(), "image/jpeg"))
    assert form.is_valid()
    image = form.save()
    assert (image.width, image.height) == (4000, 3000)
    assert full_size_decodes == [(4000, 3000)]


@pytest.mark.parametrize(
    ("language", "text"), [("en", "40 megapixels"), ("zh-hans", "40 百万像素")]
)
def test_help_states_the_ceiling(language, text):
    with translation.override(language):
        assert text in str(image_form(png(10, 10)).fields["file"].help_text)


@pytest.fixture
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def full_size_decodes(monkeypatch):
    """The sizes Pillow decodes images at, in every thread (Wagtail's filters run in three)."""
    sizes = []
    load = ImageFile.ImageFile.load

    def counting_load(image):
        if image.tile:  # not decoded yet: this call decodes
            sizes.append(image.size)
        return load(image)

    monkeypatch.setattr(ImageFile.ImageFile, "load", counting_load)
    return sizes


def library_image(format, size):
    picture = PILImage.linear_gradient("L").resize(size).convert("RGB")
    buffer = io.BytesIO()
    picture.save(buffer, format)
    name = f"large.{format.lower()}"
    return get_image_model().objects.create(title="Large", file=UploadedImage(buffer, name=name))


@pytest.mark.parametrize(("format", "decodes"), [("PNG", 1), ("JPEG", 0)])
def test_every_size_a_picture_shows_comes_from_one_decoding(
    media, full_size_decodes, format, decodes
):
    """A hero's 12 renditions, and a gallery picture's 9: Wagtail's get_renditions decoded the
    original once for each; now once for all, and a JPEG not even at full size (at 1/2)."""
    size = (4000, 3000)
    image = library_image(format, size)
    made = {}
    for kind in ["hero", "gallery"]:
        full_size_decodes.clear()
        made[kind] = page_renditions(image, kind)
        assert full_size_decodes.count(size) == decodes, kind
    assert len(made["hero"]) == 12 and len(made["gallery"]) == 9
    assert made["hero"]["format-avif|fill-1920x1080"].width == 1920
    assert {r.width for r in made["gallery"].values()} == {400, 800, 1200}
    assert image.renditions.count() == 21
    # Viewed again: found, nothing decoded.
    full_size_decodes.clear()
    page_renditions(get_image_model().objects.get(pk=image.pk), "hero")
    assert full_size_decodes == []


def test_renditions_are_made_when_the_page_is_published(media):
    image = library_image("JPEG", (1600, 1200))
    page = AttractionPage.objects.live().order_by("path").first()
    page.hero_image = image
    page.hero_alt_zh_hans, page.hero_alt_en = "渐变", "A gradient"
    page.save_revision().publish()
    # The hero's sizes and the cards' thumbnail (two of its sizes are the hero's own).
    assert sorted(image.renditions.values_list("filter_spec", flat=True)) == sorted(
        {*PAGE_IMAGE_SPECS["hero"], *PAGE_IMAGE_SPECS["card"]}
    )
