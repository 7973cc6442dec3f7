from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Shared page fields, taxonomy and site-wide views"

    def ready(self):
        # After wagtail_modeltranslation's ready() (listed first in INSTALLED_APPS) has patched
        # every page model's route and clean.
        from core.routing import replace_patched_methods

        replace_patched_methods()
