from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Shared page fields, taxonomy and site-wide views"

    def ready(self):
        # After wagtail_modeltranslation's ready() (listed first in INSTALLED_APPS) has patched
        # every page model's route and clean.
        from core.routing import replace_patched_methods

        replace_patched_methods()

        from wagtail.images.models import WagtailImageFieldFile

        from core import renditions  # noqa: F401  (connects the publish handler)
        from core.image_forms import image_dimensions

        # An image's size from its header, not from decoding it (core/image_forms.py).
        WagtailImageFieldFile.get_image_dimensions = image_dimensions
