"""Image uploads that fail cleanly: Wagtail 8.0.1 lets Pillow's error escape (a 500) when a file
has an image's signature but no readable image behind it. The pixel ceiling
(WAGTAILIMAGES_MAX_IMAGE_PIXELS, read from the header) is stated in the field's help."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm


class CheckedImageField(WagtailImageField):
    def check_image_pixel_size(self, f):
        try:
            super().check_image_pixel_size(f)
        except ValidationError:
            raise
        except Exception as error:  # noqa: BLE001 - any decoder error means "not an image"
            raise ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from error


class CheckedImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            # Wagtail builds the field itself; only its checks change.
            self.fields["file"].__class__ = CheckedImageField
            self.fields["file"].help_text += " " + _(
                "Largest image: %(megapixels)d megapixels (for example 8000 × 5000 pixels)."
            ) % {"megapixels": settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS // 1_000_000}
