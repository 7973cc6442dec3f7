"""The listing orders in the database by the title sort keys each opportunity stores: one page of
results reads one page of rows, in the order core/sorting.py gives, and the keys follow the
titles when they are published."""

import pytest
from django.db.models.signals import post_init

from cooperation.listing import PAGE_SIZE
from cooperation.models import OpportunityIndexPage, OpportunityPage
from core.sorting import sort_key
from tests import factories

pytestmark = [pytest.mark.django_db, pytest.mark.without_plan]

# Orders that byte order and a locale's collation tell apart (spaces and hyphens, case, pinyin
# against code points), with leading marks and an article that do not count.
TITLES = [
    ("Alpha beta", "长垣合作"),
    ("alphabet", "百泉"),
    ("Alpha-centre", "“京津冀”协同"),
    ("The Zeta park", "郑州"),
    ("“Quoted” project", "3D打印"),
    ("zeta", "Zeta 平台"),
]


@pytest.fixture
def opportunities(built_home):
    """Three pages of opportunities: the titles above, and numbered ones to fill the pages."""
    area = factories.strategy_area(built_home)
    first = factories.opportunity(built_home, slug="first", area=area)
    index = first.get_parent()
    titles = TITLES + [(f"Project {n:02d}", f"项目{n:02d}") for n in range(3 * PAGE_SIZE - 7)]
    for number, (title_en, title_zh_hans) in enumerate(titles):
        factories.add(
            index,
            OpportunityPage,
            f"opportunity-{number}",
            title_en,
            title_zh_hans,
            **factories.both("summary", "测试项目。", "A test project."),
            kind=OpportunityPage.Kind.PROJECT,
            stage=OpportunityPage.Stage.PROPOSED,
            strategy_area=area,
        )
    return OpportunityPage.objects.live()


def listing_url(language):
    index = OpportunityIndexPage.objects.get()
    return f"/{language}/{index.slug_en if language == 'en' else index.slug_zh_hans}/"


def titles_on(client, url, page):
    return [o.title for o in client.get(url, {"page": page}).context["opportunities"]]


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_pages_follow_the_reading_order_of_the_titles(client, opportunities, language):
    url = listing_url(language)
    shown = [title for page in (1, 2, 3) for title in titles_on(client, url, page)]
    field = "title_en" if language == "en" else "title_zh_hans"
    titles = [getattr(opportunity, field) for opportunity in opportunities.order_by("path")]
    assert len(shown) == len(titles) == 3 * PAGE_SIZE
    assert shown == sorted(titles, key=sort_key)


def test_one_page_of_results_loads_one_page_of_opportunities(client, opportunities):
    loaded = []

    def count(sender, instance, **kwargs):
        loaded.append(instance)

    url = listing_url("en")
    post_init.connect(count, sender=OpportunityPage)
    try:
        response = client.get(url, {"page": 2})
    finally:
        post_init.disconnect(count, sender=OpportunityPage)
    assert response.context["opportunities"].paginator.count == opportunities.count()
    assert len(response.context["opportunities"]) == PAGE_SIZE
    assert len(loaded) == PAGE_SIZE


def retitle(page, title_en, title_zh_hans):
    """A new title in both languages, published through a revision as the admin does."""
    page.title_en, page.title_zh_hans = title_en, title_zh_hans
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def test_sort_keys_follow_published_title_edits_in_both_languages(built_home):
    page = factories.opportunity(built_home)
    assert (page.title_sort_en, page.title_sort_zh_hans) == (
        "opportunity test-opportunity",
        "ji hui test-opportunity",
    )

    retitle(page, "The Yellow River park", "长垣起重装备园")
    assert (page.title_sort_en, page.title_sort_zh_hans) == (
        "yellow river park",
        "chang yuan qi zhong zhuang bei yuan",
    )

    # A draft leaves the live keys alone until it is published.
    page.title_en, page.title_zh_hans = "Abc", "阿"
    page.save_revision()
    page.refresh_from_db()
    assert page.title_sort_en == "yellow river park"

    retitle(page, "", "百泉")  # no English title: English shows, and sorts by, the Chinese
    assert (page.title_sort_en, page.title_sort_zh_hans) == ("bai quan", "bai quan")
