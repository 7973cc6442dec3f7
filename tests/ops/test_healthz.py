"""`/healthz` answers 200 while the database, the cache and Elasticsearch answer, and 503 naming
the one that does not. Each outage is real: the dependency is pointed at a closed port."""

import pytest
from django.db import connection

pytestmark = pytest.mark.django_db

CLOSED = "127.0.0.1:9"  # discard port: nothing listens there


def checks(client, expected_status):
    response = client.get("/healthz")
    assert response.status_code == expected_status
    assert response["Cache-Control"].startswith("max-age=0")
    return response.json()["checks"]


def test_all_dependencies_up(client):
    assert checks(client, 200) == {"database": "ok", "cache": "ok", "elasticsearch": "ok"}


def test_database_down(client):
    original = connection.settings_dict.copy()
    connection.close()
    connection.settings_dict.update(HOST="127.0.0.1", PORT="9", ENGINE=original["ENGINE"])
    try:
        if connection.vendor == "sqlite":
            connection.settings_dict["NAME"] = "/nonexistent/db.sqlite3"
        result = checks(client, 503)
    finally:
        connection.close()
        connection.settings_dict.update(original)
    assert result["database"].startswith("error") and result["cache"] == "ok"


def test_cache_down(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": f"redis://{CLOSED}/0",
        }
    }
    result = checks(client, 503)
    assert result["cache"].startswith("error") and result["database"] == "ok"


def test_elasticsearch_down(client, settings):
    settings.ELASTICSEARCH_URL = f"http://{CLOSED}"
    result = checks(client, 503)
    assert result["elasticsearch"].startswith("error") and result["database"] == "ok"


def test_request_id_is_kept_echoed_and_logged(client, caplog):
    caplog.set_level("INFO", logger="portal.request")
    response = client.get("/healthz", HTTP_X_REQUEST_ID="0123abcd")
    assert response["X-Request-ID"] == "0123abcd"
    record = next(r for r in caplog.records if r.name == "portal.request")
    assert (record.request_id, record.path, record.status) == ("0123abcd", "/healthz", 200)


def test_a_malformed_request_id_is_replaced(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="<script>")
    assert len(response["X-Request-ID"]) == 32 and "<" not in response["X-Request-ID"]
