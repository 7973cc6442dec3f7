from django.apps import AppConfig


class CachingConfig(AppConfig):
    """HTTP caching of the public site: cache headers, validators, and purging on publish."""

    name = "caching"

    def ready(self):
        # Importing purge connects its publish/unpublish/move receivers.
        from caching import purge  # noqa: F401
