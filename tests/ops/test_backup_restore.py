"""`make backup` / `make restore`: the test database (the whole plan, loaded by the session
fixture) and a media file are backed up, restored into an empty database and media folder, and
the restored copy serves the same site."""

import os
import subprocess
import sys
import uuid

import psycopg
import pytest
from django.db import connection

from .conftest import ROOT

pytestmark = pytest.mark.django_db

# Rendered by each copy: the sitemap (every public URL and its last change) and both home pages.
SNAPSHOT = """
import hashlib, re, django
django.setup()
from django.test import Client
client = Client(HTTP_HOST="localhost")
for url in ("/sitemap.xml", "/zh-hans/", "/en/"):
    response = client.get(url)
    body = re.sub(rb'name="csrfmiddlewaretoken" value="[^"]*"', b"", response.content)
    print(url, response.status_code, len(body), hashlib.sha256(body).hexdigest())
"""


def database_url(name):
    s = connection.settings_dict
    return f"postgres://{s['USER']}@{s['HOST']}:{s['PORT']}/{name}"


def run(args, **env):
    environment = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "portal.settings.test",
        "ELASTICSEARCH_URL": "",
        **env,
    }
    return subprocess.run(
        args, cwd=ROOT, env=environment, capture_output=True, text=True, timeout=600, check=True
    ).stdout


@pytest.fixture
def empty_database():
    if connection.vendor != "postgresql":
        if os.environ.get("CI") == "true":
            pytest.fail("backup and restore need PostgreSQL (DATABASE_URL)")
        pytest.skip("backup and restore need PostgreSQL (DATABASE_URL)")
    name = f"restore_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(database_url("postgres"), autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield database_url(name)
    with psycopg.connect(database_url("postgres"), autocommit=True) as admin:
        admin.execute(f'DROP DATABASE "{name}" WITH (FORCE)')


def test_restore_into_an_empty_database_serves_the_same_site(empty_database, tmp_path):
    source = database_url(connection.settings_dict["NAME"])
    media = tmp_path / "media"
    (media / "original_images").mkdir(parents=True)
    (media / "original_images" / "plan.txt").write_text("新乡")
    backup = run(
        ["bash", "scripts/backup.sh", "backup"],
        DATABASE_URL=source,
        MEDIA_ROOT=str(media),
        BACKUP_DIR=str(tmp_path / "backups"),
    ).split()[-1]

    restored_media = tmp_path / "restored-media"
    run(
        ["bash", "scripts/backup.sh", "restore", backup],
        DATABASE_URL=empty_database,
        MEDIA_ROOT=str(restored_media),
    )

    assert (restored_media / "original_images" / "plan.txt").read_text() == "新乡"
    original = run([sys.executable, "-c", SNAPSHOT], DATABASE_URL=source)
    restored = run([sys.executable, "-c", SNAPSHOT], DATABASE_URL=empty_database)
    assert " 200 " in original and restored == original
