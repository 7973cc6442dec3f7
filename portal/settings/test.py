from .base import *  # noqa: F403

SECRET_KEY = "test-only-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# Tests build every index under their own prefix so they never touch a developer's data.
SEARCH_INDEX_PREFIX = "test-portal"
if ELASTICSEARCH_URL:  # noqa: F405
    WAGTAILSEARCH_BACKENDS["default"]["INDEX_PREFIX"] = f"{SEARCH_INDEX_PREFIX}-wagtail-"  # noqa: F405
