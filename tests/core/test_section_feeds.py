"""The site-wide feeds link to their section's index page, and exist only while it is public."""

import pytest

from home.models import NewsIndexPage
from tests import factories
from tourism.models import TourismIndexPage

pytestmark = pytest.mark.without_plan


@pytest.mark.parametrize(
    "model, slug, feed",
    [
        (NewsIndexPage, "news", "/en/feeds/news/"),
        (TourismIndexPage, "tourism", "/en/feeds/events/"),
    ],
)
def test_no_feed_while_its_section_is_not_public(client, built_home, model, slug, feed):
    factories.section(built_home, model, slug, "Section", "栏目")
    response = client.get(feed)
    assert response.status_code == 200
    assert f'<link href="http://testserver/en/{slug}/" rel="alternate"' in response.content.decode()
    model.objects.update(live=False)
    assert client.get(feed).status_code == 404
