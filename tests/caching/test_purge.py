"""Publishing, unpublishing and moving a page purge exactly the affected URLs, in both
languages, through Wagtail's HTTPBackend: a local HTTP server records the PURGE requests."""

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

import pytest

from cooperation.models import (
    OpportunityIndexPage,
    OpportunityPage,
    ProgrammePage,
    StrategyAreaPage,
)
from core.i18n import page_url_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def purged(settings):
    """The (host, path) of every PURGE the frontend cache receives."""
    received = []

    class Handler(BaseHTTPRequestHandler):
        def do_PURGE(self):
            received.append((self.headers["Host"], self.path))
            self.send_response(200)
            self.end_headers()

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    settings.WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": f"http://127.0.0.1:{server.server_port}",
        }
    }
    yield received
    server.shutdown()


def paths(received):
    return {path for _host, path in received}


def both_languages(page, *suffixes):
    return {
        page_url_in(page, language) + suffix
        for language in ("zh-hans", "en")
        for suffix in ("", *suffixes)
    }


def test_publish_and_unpublish_purge_the_page_its_listings_downloads_and_sitemaps(
    purged, django_capture_on_commit_callbacks
):
    index = OpportunityIndexPage.objects.get()
    opportunity = (
        OpportunityPage.objects.live().filter(clause_section__isnull=False).order_by("pk").first()
    )
    programmes = ProgrammePage.objects.filter(
        chapter=opportunity.clause_chapter, section=opportunity.clause_section
    )
    expected = (
        both_languages(opportunity)
        | both_languages(index, "feed/", "export/csv/", "export/json/")
        | both_languages(opportunity.strategy_area)
        | set().union(*(both_languages(programme) for programme in programmes))
        | {"/sitemap.xml", f"/sitemap-{index.slug_en}.xml"}
    )
    with django_capture_on_commit_callbacks(execute=True):
        opportunity.save_revision().publish()
    assert paths(purged) == expected
    assert {host for host, _path in purged} == {urlsplit(index.get_full_url()).netloc}

    purged.clear()
    with django_capture_on_commit_callbacks(execute=True):
        opportunity.unpublish()
    assert paths(purged) == expected


def test_publishing_a_strategy_area_purges_the_home_page_and_the_listing_filter(
    purged, django_capture_on_commit_callbacks, home_page
):
    area = StrategyAreaPage.objects.live().first()
    with django_capture_on_commit_callbacks(execute=True):
        area.save_revision().publish()
    assert {"/en/", "/zh-hans/"} <= paths(purged)
    index = OpportunityIndexPage.objects.get()
    assert both_languages(index, "feed/", "export/csv/") <= paths(purged)
    assert both_languages(area) <= paths(purged)


@pytest.mark.parametrize(
    "model, feed", [("tourism.EventPage", "events"), ("home.NewsPage", "news")]
)
def test_publishing_purges_the_site_wide_feed(
    purged, django_capture_on_commit_callbacks, model, feed
):
    from django.apps import apps

    item = apps.get_model(model).objects.live().first()
    with django_capture_on_commit_callbacks(execute=True):
        item.save_revision().publish()
    assert {f"/en/feeds/{feed}/", f"/zh-hans/feeds/{feed}/"} <= paths(purged)
    assert both_languages(item) <= paths(purged)


@pytest.mark.parametrize(
    "model, feed", [("tourism.TourismIndexPage", "events"), ("home.NewsIndexPage", "news")]
)
def test_unpublishing_a_feeds_section_purges_the_feed(
    purged, django_capture_on_commit_callbacks, model, feed
):
    from django.apps import apps

    section = apps.get_model(model).objects.get()
    with django_capture_on_commit_callbacks(execute=True):
        section.unpublish()
    assert {f"/en/feeds/{feed}/", f"/zh-hans/feeds/{feed}/"} <= paths(purged)


def test_move_purges_old_and_new_urls(purged, django_capture_on_commit_callbacks):
    programme = ProgrammePage.objects.live().first()
    old_parent = programme.get_parent()
    new_parent = StrategyAreaPage.objects.exclude(pk=old_parent.pk).first()
    old_urls = both_languages(programme)
    with django_capture_on_commit_callbacks(execute=True):
        programme.move(new_parent, pos="last-child")
    programme.refresh_from_db()
    new_urls = both_languages(programme)
    assert old_urls != new_urls
    cooperation = old_parent.get_parent()
    assert paths(purged) == (
        old_urls
        | new_urls
        | both_languages(old_parent)
        | both_languages(new_parent)
        | {"/sitemap.xml", f"/sitemap-{cooperation.slug_en}.xml"}
    )


def test_a_view_restriction_retires_the_subtree_after_the_commit(
    purged, django_capture_on_commit_callbacks
):
    from wagtail.models import PageViewRestriction

    from core.content_version import content_version

    programme = ProgrammePage.objects.live().first()
    version = content_version()
    with django_capture_on_commit_callbacks() as callbacks:
        PageViewRestriction.objects.create(
            page=programme, restriction_type=PageViewRestriction.PASSWORD, password="secret"
        )
    assert content_version() == version and not purged  # nothing before the commit
    for callback in callbacks:
        callback()
    assert content_version() != version
    assert both_languages(programme) | both_languages(programme.get_parent()) <= paths(purged)
