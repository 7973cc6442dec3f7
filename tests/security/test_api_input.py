"""API v2 and the JSON endpoints: hostile numbers and search terms give a 400 with a JSON body;
a server error on a JSON path is JSON too."""

import json
from io import StringIO

import pytest
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import get_resolver

from tests.hostile_inputs import HOSTILE_QUERIES
from tests.search.conftest import reachable_client

pytestmark = pytest.mark.django_db

ENDPOINTS = ["/api/v2/pages/", "/api/v2/images/", "/api/v2/documents/"]


@pytest.mark.parametrize("endpoint", ENDPOINTS)
@pytest.mark.parametrize("params", HOSTILE_QUERIES)
def test_hostile_input_is_a_json_400(client, endpoint, params):
    response = client.get(endpoint, params)
    assert response.status_code == 400
    assert "message" in response.json()


@pytest.mark.parametrize("endpoint", ENDPOINTS)
def test_huge_id_in_the_path_is_a_json_400(client, endpoint):
    response = client.get(f"{endpoint}100000000000000000000/")
    assert response.status_code == 400
    assert "message" in response.json()


def test_child_of_past_bigint_is_a_json_400(client):
    assert client.get("/api/v2/pages/", {"child_of": "9" * 30}).status_code == 400


def test_last_page_inside_the_window_still_works(client):
    response = client.get("/api/v2/pages/", {"offset": "9990"})
    assert response.status_code == 200
    assert response.json()["items"] == []


@pytest.mark.parametrize("path", ["/api/v2/pages/", "/api/search/", "/en/search/suggest/"])
def test_server_error_on_a_json_path_is_json_without_the_database(path, django_assert_num_queries):
    handler = get_resolver().resolve_error_handler(500)
    with django_assert_num_queries(0):  # the database may be what failed
        response = handler(RequestFactory().get(path))
    assert response.status_code == 500
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content) == {"message": "server error"}


def test_server_error_on_a_page_is_the_error_page():
    response = get_resolver().resolve_error_handler(500)(RequestFactory().get("/en/"))
    assert response.status_code == 500
    assert response["Content-Type"].startswith("text/html")


@pytest.fixture
def wagtail_index(settings):
    """Wagtail's own Elasticsearch index (the one API v2 searches), built from the loaded plan."""
    reachable_client()
    call_command("update_index", stdout=StringIO())


@pytest.mark.elasticsearch
def test_ten_thousand_character_search_is_answered(client, settings, wagtail_index):
    """Cut to a length Elasticsearch accepts (before: maxClauseCount, a 500)."""
    assert settings.WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] == "search.wagtail_backend"
    response = client.get("/api/v2/pages/", {"search": "新乡黄河合作" * 1700})
    assert response.status_code == 200


def test_search_past_the_result_window_is_a_json_400(client):
    """Elasticsearch cannot page search results past 10,000 (offset + limit), so neither can we."""
    response = client.get("/api/v2/pages/", {"search": "新乡", "offset": "9990", "limit": "20"})
    assert response.status_code == 400
    assert "message" in response.json()


def test_a_long_number_is_a_valid_search_term(client):
    """Only numeric parameters are checked against the database's integer range."""
    assert client.get("/api/v2/pages/", {"search": "1" * 25}).status_code == 200
