"""Every public page type, in both languages, runs at most 10 queries when viewed again (its
body from the fragment cache, as for every visitor after the first since the last publish)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page

pytestmark = pytest.mark.django_db

BUDGET = 10


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_every_page_type_viewed_again_runs_at_most_ten_queries(client, language):
    public = Page.objects.live().public().filter(depth__gt=1)
    page_types = public.values_list("content_type", flat=True).distinct()
    assert len(page_types) >= 13
    over_budget = {}
    for page_type in page_types:
        page = public.filter(content_type=page_type).order_by("path").first()
        with translation.override(language):
            url = page.get_url()
        assert client.get(url).status_code == 200
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        if len(queries) > BUDGET:
            over_budget[url] = len(queries)
    assert not over_budget
