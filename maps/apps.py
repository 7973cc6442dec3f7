from django.apps import AppConfig


class MapsConfig(AppConfig):
    """The portal's one map: its script's settings, the reference places it draws under the
    markers, and the include every map uses."""

    default_auto_field = "django.db.models.BigAutoField"
    name = "maps"
