from django.apps import AppConfig


class PreviewsConfig(AppConfig):
    """What a page shows outside the portal: meta description, Open Graph and Twitter tags,
    JSON-LD and generated share cards."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "previews"

    def ready(self):
        from previews import withdrawal  # noqa: F401  (connects the signal handlers)
