"""Image uploads that fail cleanly: Wagtail 8.0.1 lets Pillow's error escape (a 500) when a file
has an image's signature but no readable image behind it. The pixel ceiling
(WAGTAILIMAGES_MAX_IMAGE_PIXELS, read from the header before anything is decoded) is stated in
the field's help. An upload is decoded once, by the form's check; saving it reads its size from
the header (image_dimensions)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm
from wagtail.images.models import WagtailImageFieldFile


class CheckedImageField(WagtailImageField):
    """Wagtail's check decodes the whole image twice to learn its size and frame count (an
    11000 × 11000 PNG took 1.36 GB before it was refused). Here the pixels are counted from the
    header, and the image is decoded once, only if it is within the ceiling, to prove that it
    decodes at all."""

    def check_image_pixel_size(self, f):
        try:
            self.check_header_pixel_size(f)
            f.image.get_size()  # Willow decodes it to answer
        except ValidationError:
            raise
        except Exception as error:  # noqa: BLE001 - any decoder error means "not an image"
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error

    def check_header_pixel_size(self, f):
        if self.max_image_pixels is None:
            return
        try:
            pixels = header_pixels(f.image.f)
        except PILImage.DecompressionBombError:
            pixels = gettext("unknown number")  # too many for Pillow even to open it
        else:
            if pixels is None or pixels <= self.max_image_pixels:
                return
        raise ValidationError(
            self.error_messages["file_too_many_pixels"]
            % {"num_pixels": pixels, "max_pixels_count": self.max_image_pixels},
            code="file_too_many_pixels",
        )


class CheckedImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            # Wagtail builds the field itself; only its checks change.
            self.fields["file"].__class__ = CheckedImageField
            self.fields["file"].help_text += " " + _(
                "Largest image: %(megapixels)d megapixels (for example 8000 × 5000 pixels)."
            ) % {"megapixels": settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS // 1_000_000}


def read_header(file, read):
    """read(image) of the image Pillow opens from the file's header (nothing decoded), or None
    if Pillow cannot read it (SVG); the file is left where it was."""
    position = file.tell()
    try:
        with PILImage.open(file) as image:
            return read(image)
    except PILImage.UnidentifiedImageError:
        return None
    finally:
        file.seek(position)


def header_pixels(file):
    """Width × height × frames, as Wagtail counts them."""

    def pixels(image):
        return image.width * image.height * getattr(image, "n_frames", 1)

    return read_header(file, pixels)


def image_dimensions(field_file, wagtail_dimensions=WagtailImageFieldFile.get_image_dimensions):
    """Replaces Wagtail's, which asks Willow and so decodes every pixel: twice while an
    upload is saved (Django fills the width and height fields), after the form's check has
    decoded it once. SVGs, which Pillow does not read, are still measured by Willow."""
    close = field_file.closed
    field_file.open()
    try:
        size = read_header(field_file, lambda image: image.size)
    finally:
        if close:
            field_file.close()
    return size or wagtail_dimensions(field_file)
