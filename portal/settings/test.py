import atexit
import os
import shutil
import tempfile
from pathlib import Path

# Tests build every index under their own prefix so they never touch a developer's data; set
# before base.py derives the index names from it. TEST_SEARCH_INDEX_PREFIX (with a DATABASE_URL
# naming another database) lets two checkouts run their suites side by side on one server.
os.environ["SEARCH_INDEX_PREFIX"] = os.environ.get("TEST_SEARCH_INDEX_PREFIX", "test-portal")

from .base import *  # noqa: E402, F403

SECRET_KEY = "test-only-key"
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"

# Uploads, renditions and share cards of a test session go to a folder of its own, deleted when
# the session ends: page and revision ids repeat from one database to the next, so a developer's
# media folder would hold cards with the test pages' names (and lose its own to their clean-up).
if "MEDIA_ROOT" not in os.environ:
    MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="portal-test-media-"))
    atexit.register(shutil.rmtree, MEDIA_ROOT, ignore_errors=True)
