"""The site's frame: language URLs, switcher, hreflang, sitemap, robots, errors, settings."""

import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import quote

import pytest
from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize(
    ("accept_language", "expected"),
    [
        ("en-US,en;q=0.9", "/en/"),
        ("en-GB", "/en/"),
        ("zh-CN,zh;q=0.9", "/zh-hans/"),
        ("zh-TW", "/zh-hans/"),
        ("zh-HK,en;q=0.8", "/zh-hans/"),
        ("zh", "/zh-hans/"),
        ("fr-FR", "/en/"),
        ("de-DE,de;q=0.9", "/en/"),
        ("ja-JP", "/en/"),
        ("ko-KR,ko;q=0.9", "/en/"),
        ("de-DE,zh;q=0.5", "/zh-hans/"),  # Chinese before any English the visitor reads
        ("", "/zh-hans/"),  # no preference stated (a crawler): the default language
    ],
)
def test_root_redirects_by_browser_language(client, db, accept_language, expected):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == expected


def test_switching_language_is_remembered(client, db):
    response = client.get("/language/en/", {"next": "/en/tourism/"})
    assert response.status_code == 302
    assert response["Location"] == "/en/tourism/"
    assert response.cookies["django_language"].value == "en"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="zh-CN")["Location"] == "/en/"
    client.get("/language/zh-hans/", {"next": "/zh-hans/"})
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB")["Location"] == "/zh-hans/"


@pytest.mark.parametrize(
    "next_url", ["https://evil.example/", "//evil.example/en/", "/zh-hans/tourism/", ""]
)
def test_switching_language_only_follows_local_urls_in_that_language(client, db, next_url):
    response = client.get("/language/en/", {"next": next_url})
    assert response["Location"] == "/en/"


@pytest.mark.parametrize(("language", "html_lang"), [("zh-hans", "zh-Hans"), ("en", "en")])
def test_language_roots(client, home_page, language, html_lang):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    assert f'<html lang="{html_lang}">' in response.content.decode()


def test_english_home_is_in_english(client, home_page):
    body = client.get("/en/").content.decode()
    assert "Xinxiang Open Cooperation Portal" in body
    assert "Investment opportunities" in body


def test_switcher_keeps_the_visitor_on_the_same_page(client, db):
    from tourism.models import RoutePage

    route = RoutePage.objects.get(plan_key="south-taihang")
    with_override = client.get(f"/en/tourism/{route.slug_en}/").content.decode()
    target = quote(f"/zh-hans/tourism/{route.slug_zh_hans}/", safe="")
    assert f'href="/language/zh-hans/?next={target}"' in with_override
    assert 'aria-current="true"' in with_override


def test_hreflang_alternates_and_x_default(client, home_page):
    body = client.get("/en/tourism/").content.decode()
    assert 'hreflang="zh-Hans" href="http://testserver/zh-hans/tourism/"' in body
    assert 'hreflang="en" href="http://testserver/en/tourism/"' in body
    assert 'hreflang="x-default" href="http://testserver/zh-hans/tourism/"' in body


def test_sitemap_lists_every_page_in_both_languages(client, db):
    import re

    from wagtail.models import Page

    index = client.get("/sitemap.xml").content.decode()
    sections = re.findall(r"<loc>http://testserver(/sitemap-[^<]+\.xml)</loc>", index)
    assert len(sections) == 1 + Page.objects.live().filter(depth=3).count()
    body = "".join(client.get(section).content.decode() for section in sections)
    live = Page.objects.live().filter(depth__gte=2).count()
    assert body.count("<loc>http://testserver/zh-hans/") == live
    assert body.count("<loc>http://testserver/en/") == live
    assert 'hreflang="x-default"' in body


def test_robots_names_the_sitemap(client, db):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert "Sitemap: http://testserver/sitemap.xml" in response.content.decode()


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_404_in_the_visitors_language(client, home_page, language):
    response = client.get(f"/{language}/no-such-page/")
    assert response.status_code == 404
    with translation.override(language):
        heading = translation.gettext("Page not found")
    assert f"<h1>{heading}</h1>" in response.content.decode()
    assert (heading == "Page not found") == (language == "en")


def deployment_environ():
    # The browser tests allow sync ORM calls beside Playwright's event loop; a deployment must not.
    return {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}


def run_manage(*args, **env):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={
            **deployment_environ(),
            "DJANGO_SETTINGS_MODULE": "portal.settings.production",
            # Production keeps its cache, sessions and counters in Redis; `check` never connects.
            "REDIS_URL": "redis://127.0.0.1:6379/0",
            **env,
        },
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow  # starts Django in a process of its own
def test_production_refuses_to_start_without_secret_key():
    result = run_manage("check", SECRET_KEY="")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


@pytest.mark.slow  # starts Django in a process of its own
def test_production_passes_deploy_checks():
    result = run_manage(
        "check", "--deploy", "--fail-level", "WARNING", SECRET_KEY="x" * 64 + "-Aa1!"
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_public_pages_send_a_content_security_policy(client, home_page):
    policy = client.get("/en/")["Content-Security-Policy"]
    assert "default-src 'self'" in policy
    assert "script-src 'self'" in policy
    assert "Content-Security-Policy" not in client.get("/admin/login/").headers


def test_switcher_keeps_sub_pages_and_query_strings(client, home_page):
    body = client.get("/en/tourism/plan/?a=baligou&a=baoquan").content.decode()
    target = quote("/zh-hans/tourism/plan/?a=baligou&a=baoquan", safe="")
    assert f'href="/language/zh-hans/?next={target}"' in body
    listing = client.get("/zh-hans/opportunities/?kind=park").content.decode()
    assert f'href="/language/en/?next={quote("/en/opportunities/?kind=park", safe="")}"' in listing


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_500_page_in_the_visitors_language(rf, language):
    from core.views import server_error

    with translation.override(language):
        response = server_error(rf.get(f"/{language}/"))
        heading = translation.gettext("Something went wrong")
    assert response.status_code == 500
    body = response.content.decode()
    assert heading in body
    assert (heading == "Something went wrong") == (language == "en")


def test_menu_marks_only_the_section_the_page_is_in(client, home_page):
    import re

    body = client.get("/en/cooperation/yellow-river/").content.decode()
    current = re.findall(r'<a href="([^"]+)" aria-current="page"', body)
    assert current == ["/en/cooperation/"]


def test_a_junk_query_string_reuses_the_cached_sitemap(client, db, django_assert_num_queries):
    """Only `p` selects a sitemap page: anything else must not render (and store) it again."""
    first = client.get("/sitemap.xml")
    with django_assert_num_queries(0):
        again = client.get("/sitemap.xml", {"junk": "1"})
    assert again.status_code == 200 and again.content == first.content
