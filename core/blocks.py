"""The gallery's block: an image with its alt text, caption and credit in both languages.

The gallery is one list shared by both languages (the same pictures), so its text is kept in a
field per language inside each item rather than in a StreamField per language."""

from django.utils.translation import gettext_lazy as _
from wagtail.blocks import CharBlock, StructBlock, StructValue
from wagtail.images.blocks import ImageChooserBlock

from core.i18n import in_active_language


class PrefetchingImageChooserBlock(ImageChooserBlock):
    """Fetches the gallery's images with their renditions: two queries however many images."""

    def bulk_to_python(self, values):
        objects = self.model_class.objects.prefetch_renditions().in_bulk(values)
        return [objects.get(pk) for pk in values]


class GalleryImageValue(StructValue):
    """The item's text in the active language, else in the fallback language."""

    @property
    def alt(self):
        return in_active_language(self.get, "alt")

    @property
    def caption(self):
        return in_active_language(self.get, "caption")

    @property
    def credit(self):
        return in_active_language(self.get, "credit")


ALT_HELP = _("What the image shows, for people who cannot see it.")


class GalleryImageBlock(StructBlock):
    image = PrefetchingImageChooserBlock(label=_("image"))
    alt_zh_hans = CharBlock(label=_("alt text (Chinese)"), max_length=255, help_text=ALT_HELP)
    alt_en = CharBlock(label=_("alt text (English)"), max_length=255, help_text=ALT_HELP)
    caption_zh_hans = CharBlock(label=_("caption (Chinese)"), max_length=300, required=False)
    caption_en = CharBlock(label=_("caption (English)"), max_length=300, required=False)
    credit_zh_hans = CharBlock(label=_("credit (Chinese)"), max_length=255, required=False)
    credit_en = CharBlock(label=_("credit (English)"), max_length=255, required=False)
    licence = CharBlock(label=_("licence"), max_length=255, required=False)

    class Meta:
        icon = "image"
        label = _("image")
        value_class = GalleryImageValue
