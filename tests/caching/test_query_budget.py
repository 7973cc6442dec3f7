"""Every public page type, in both languages, runs at most 10 queries when viewed again (its
body from the fragment cache, as for every visitor after the first since the last publish)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation
from wagtail.models import Page

pytestmark = pytest.mark.django_db

PAGE_TYPES = [
    "homepage",
    "aboutplanpage",
    "indicatorpage",
    "newsindexpage",
    "newspage",
    "cooperationindexpage",
    "strategyareapage",
    "programmepage",
    "opportunityindexpage",
    "opportunitypage",
    "tourismindexpage",
    "routepage",
    "attractionpage",
    "eventpage",
]
BUDGET = 10


@pytest.mark.parametrize("language", ["zh-hans", "en"])
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_page_viewed_again_runs_at_most_ten_queries(client, page_type, language):
    page = Page.objects.live().filter(content_type__model=page_type).order_by("path").first()
    assert page is not None, page_type
    with translation.override(language):
        url = page.get_url()
    assert client.get(url).status_code == 200
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert len(queries) <= BUDGET, [query["sql"][:120] for query in queries]
