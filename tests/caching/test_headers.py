"""Cache-Control, ETag and 304s on pages and downloads; nothing personal in a shared response;
the enquiry form works on a page served from the shared cache."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.test import Client

from cooperation.models import Enquiry, OpportunityIndexPage, OpportunityPage
from tests import factories
from tourism.models import RoutePage, TourismIndexPage

pytestmark = pytest.mark.django_db


def is_shared(response):
    control = response["Cache-Control"]
    return "public" in control and "s-maxage=" in control and "private" not in control


def test_anonymous_page_is_shareable_with_an_etag(client, home_page):
    response = client.get("/en/")
    assert response.status_code == 200
    assert is_shared(response) and "max-age=0" in response["Cache-Control"]
    assert response["ETag"]
    assert not response.cookies


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_matching_etag_answers_304_and_a_publish_changes_it(client, language):
    opportunity = OpportunityPage.objects.live().first()
    with_language = f"/{language}/" + opportunity.get_url().split("/", 2)[2]
    etag = client.get(with_language)["ETag"]
    not_modified = client.get(with_language, headers={"If-None-Match": etag})
    assert not_modified.status_code == 304 and not not_modified.content
    assert is_shared(not_modified) and not_modified["ETag"] == etag
    other_language = "en" if language == "zh-hans" else "zh-hans"
    assert client.get(with_language.replace(language, other_language, 1))["ETag"] != etag

    opportunity.save_revision().publish()
    changed = client.get(with_language, headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed["ETag"] != etag


@pytest.mark.without_plan
def test_logged_in_views_and_previews_are_private(client, built_home):
    admin = get_user_model().objects.create_superuser("boss", "boss@example.com", "pw")
    client.force_login(admin)
    opportunity = factories.opportunity(built_home)
    for url in (opportunity.url, f"/admin/pages/{opportunity.pk}/edit/preview/"):
        response = client.get(url)
        assert response.status_code == 200
        assert "private" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]
        assert "public" not in response["Cache-Control"]
        assert not response.has_header("ETag")


@pytest.mark.without_plan
def test_post_response_is_private(client, built_home):
    opportunity = factories.opportunity(built_home)
    response = client.post(f"/en/enquiry/{opportunity.pk}/", {"name": "x"})
    assert response.status_code == 200  # the form again, with its errors
    assert "no-store" in response["Cache-Control"] and "private" in response["Cache-Control"]


def downloads():
    index = OpportunityIndexPage.objects.get()
    route = RoutePage.objects.live().first()
    tourism = TourismIndexPage.objects.get()
    return [
        (index.url + "export/csv/", "text/csv"),
        (index.url + "export/json/", "application/json"),
        (route.url + "gpx/", "application/gpx+xml"),
        (route.url + "geojson/", "application/geo+json"),
        (tourism.url + "calendar/", "text/calendar"),
    ]


def test_downloads_are_shareable_and_revalidated(client):
    for url, content_type in downloads():
        response = client.get(url)
        assert response.status_code == 200, url
        assert response["Content-Type"].startswith(content_type)
        assert is_shared(response), url
        assert response.has_header("Content-Disposition") or content_type == "application/json"
        assert client.get(url, headers={"If-None-Match": response["ETag"]}).status_code == 304


def test_enquiry_form_on_a_cached_page():
    """Visitor A's response is what the shared cache hands to visitor B: it must carry no
    per-visitor token, and B must be able to send the form in it with B's own cookies."""
    opportunity = OpportunityPage.objects.live().first()
    cached = Client().get(opportunity.url)
    assert is_shared(cached) and not cached.cookies
    body = cached.content.decode()
    assert "csrfmiddlewaretoken" not in body
    action = re.search(r'<form method="post" action="([^"#]+)', body).group(1)

    visitor_b = Client(enforce_csrf_checks=True)
    visitor_b.get("/en/search/")  # B has been around and holds cookies of their own
    response = visitor_b.post(
        action,
        {
            "name": "B",
            "organisation": "B Holdings",
            "email": "b@example.com",
            "country": "Kenya",
            "message": "Interested.",
            "consent": "on",
        },
        headers={"Origin": "http://testserver"},
    )
    assert response.status_code == 302
    assert Enquiry.objects.get().opportunity_id == opportunity.pk


def test_a_restricted_page_never_answers_304(client):
    from django.test import RequestFactory
    from django.utils import translation
    from wagtail.models import PageViewRestriction

    from caching.validators import page_etag

    opportunity = OpportunityPage.objects.live().first()
    url = opportunity.get_url()
    PageViewRestriction.objects.create(
        page=opportunity, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    with translation.override(url.split("/")[1]):
        etag = page_etag(opportunity, RequestFactory().get(url))
    response = client.get(url, headers={"If-None-Match": etag})
    assert response.status_code == 200 and b"secret" not in response.content
    assert "password" in response.content.decode().lower()


def test_each_host_has_its_own_etag(client, settings):
    """The cached page head holds absolute URLs (canonical, og:url): one host's must not be
    served under another's."""
    settings.ALLOWED_HOSTS = ["localhost", "127.0.0.1"]
    url = OpportunityPage.objects.live().first().get_url()
    one = client.get(url, HTTP_HOST="localhost")
    other = client.get(url, HTTP_HOST="127.0.0.1")
    assert one["ETag"] != other["ETag"]
    assert "//127.0.0.1" in other.content.decode() and "//localhost" not in other.content.decode()
