from django.apps import AppConfig


class PreviewsConfig(AppConfig):
    """What a page shows outside the portal: meta description, Open Graph and Twitter tags,
    JSON-LD and generated share cards."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "previews"
