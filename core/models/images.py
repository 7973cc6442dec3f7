"""A page's pictures: an optional hero image and a gallery, each with alt text in both languages
(required with an image), a caption, a credit and a licence. Editors upload one image; the
templates (core/includes/hero.html and gallery.html) make every size and format from it."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField

from core.blocks import ALT_HELP, GalleryImageBlock
from core.i18n import localized_field

from .fields import optional_line, optional_link

# Translated (each app's translation.py registers them with its page types); the licence
# (e.g. "CC BY 4.0") reads the same in both languages.
HERO_TRANSLATED_FIELDS = ("hero_alt", "hero_caption", "hero_credit")


class PageImages(models.Model):
    hero_image = optional_link(
        "wagtailimages.Image",
        _("hero image"),
        related_name="+",
        help_text=_("Shown at the top of the page, cropped around the image's focal point."),
    )
    hero_alt = optional_line(_("alt text"), help_text=ALT_HELP)
    hero_caption = optional_line(_("caption"), max_length=300)
    hero_credit = optional_line(
        _("credit"),
        help_text=_("Who took or owns the picture, e.g. the photographer or the agency."),
    )
    hero_licence = optional_line(
        _("licence"),
        help_text=_(
            "Under which terms the portal shows it, e.g. CC BY 4.0 or used with permission."
        ),
    )
    gallery = StreamField([("image", GalleryImageBlock())], blank=True, verbose_name=_("gallery"))

    class Meta:
        abstract = True

    def clean(self):
        super().clean()
        if self.hero_image_id:
            missing = {
                name: _("Describe the image in each language: alt text is required with an image.")
                for name in (
                    localized_field("hero_alt", code)
                    for code in settings.MODELTRANSLATION_LANGUAGES
                )
                if not getattr(self, name).strip()
            }
            if missing:
                raise ValidationError(missing)


# The editing panel for PageImages' fields, used by every page type that has them.
IMAGES_PANEL = MultiFieldPanel(
    [
        FieldPanel("hero_image"),
        FieldPanel("hero_alt"),
        FieldPanel("hero_caption"),
        FieldPanel("hero_credit"),
        FieldPanel("hero_licence"),
        FieldPanel("gallery"),
    ],
    heading=_("Images"),
)
