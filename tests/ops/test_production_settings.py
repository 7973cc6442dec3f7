"""Production settings: Redis for cache and sessions, hashed pre-compressed static files, the
media switch, and a clean `check --deploy`."""

import os
import subprocess
import sys

import pytest

from .conftest import ROOT

pytestmark = pytest.mark.slow  # each test starts Django in a process of its own

ENVIRONMENT = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "SECRET_KEY": "x" * 60 + "production-settings-test",
    "REDIS_URL": "redis://127.0.0.1:6391/0",
}
SHOW = """
import django
django.setup()
from django.conf import settings
from django.core.files.storage import storages
print(settings.CACHES["default"]["BACKEND"], settings.SESSION_ENGINE)
print(type(storages["staticfiles"]).__name__, type(storages["default"]).__name__)
"""


def run(args, **env):
    return subprocess.run(
        args,
        cwd=ROOT,
        # Without the browser tests' DJANGO_ALLOW_ASYNC_UNSAFE, which a deployment must not set.
        env={
            **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
            **ENVIRONMENT,
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cache_sessions_and_storages():
    lines = run([sys.executable, "-c", SHOW]).stdout.splitlines()
    assert lines == [
        "django.core.cache.backends.redis.RedisCache django.contrib.sessions.backends.cache",
        "CompressedManifestStaticFilesStorage FileSystemStorage",
    ]


def test_media_on_s3_compatible_storage():
    output = run(
        [sys.executable, "-c", SHOW],
        MEDIA_STORAGE="s3",
        MEDIA_S3_BUCKET="portal-media",
        MEDIA_S3_ENDPOINT_URL="http://127.0.0.1:9000",
    ).stdout
    assert output.splitlines()[1] == "CompressedManifestStaticFilesStorage S3Storage"


def test_deploy_check_is_clean():
    result = run([sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"])
    assert result.returncode == 0, result.stderr
