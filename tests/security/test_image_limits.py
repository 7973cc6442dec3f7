"""Image uploads: a pixel ceiling read from the header, stated in the form's help, refusing
decompression bombs (an 11000 × 11000 PNG of 353 KB was accepted and took 1.36 GB to render)."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import translation
from PIL import Image as PILImage
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form

pytestmark = pytest.mark.django_db


def png(width, height):
    buffer = io.BytesIO()
    PILImage.new("1", (width, height)).save(buffer, "PNG")  # one bit a pixel: small to make
    return SimpleUploadedFile("upload.png", buffer.getvalue(), content_type="image/png")


def image_form(upload):
    user = get_user_model().objects.create_superuser("boss", "b@example.com", "pw")
    form_class = get_image_form(get_image_model())
    return form_class({"title": "Upload"}, {"file": upload}, user=user)


def test_decompression_bomb_is_refused_with_a_clear_message():
    upload = png(11_000, 11_000)
    assert upload.size < 1_000_000
    form = image_form(upload)
    assert not form.is_valid()
    assert "40000000" in str(form.errors["file"])


def test_image_under_the_ceiling_is_accepted():
    assert image_form(png(8_000, 5_000)).is_valid()


@pytest.mark.parametrize(
    ("language", "text"), [("en", "40 megapixels"), ("zh-hans", "40 百万像素")]
)
def test_help_states_the_ceiling(language, text):
    with translation.override(language):
        assert text in str(image_form(png(10, 10)).fields["file"].help_text)
