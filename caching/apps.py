from django.apps import AppConfig


class CachingConfig(AppConfig):
    """HTTP caching of the public site: cache headers, validators, and purging on publish."""

    name = "caching"

    def ready(self):
        from caching import purge  # noqa: F401  (connects the publish/unpublish/move receivers)
