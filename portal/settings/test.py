import os

# Tests build every index under their own prefix so they never touch a developer's data; set
# before base.py derives the index names from it.
os.environ["SEARCH_INDEX_PREFIX"] = "test-portal"

from .base import *  # noqa: E402, F403

SECRET_KEY = "test-only-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
