"""Serving a page costs the same whatever the number of its siblings (core/routing.py)."""

from collections import Counter

import pytest
from django.db.models.signals import post_init
from django.utils import translation

from tests import factories


@pytest.fixture
def instances_built():
    """Model instances built, by model, while the fixture is active."""
    built = Counter()

    def count(sender, **kwargs):
        built[sender] += 1

    post_init.connect(count, weak=False)
    yield built
    post_init.disconnect(count)


def add_siblings(index, area, count):
    from cooperation.models import OpportunityPage

    for n in range(count):
        index.add_child(
            instance=OpportunityPage(
                # Both languages named: the bare field names mean the active language's.
                title_zh_hans=f"兄弟{n}",
                title_en=f"Sibling {n}",
                slug_zh_hans=f"sibling-{n}",
                slug_en=f"sibling-{n}",
                summary_zh_hans=f"兄弟{n}",
                kind=OpportunityPage.Kind.PROJECT,
                stage=OpportunityPage.Stage.PROPOSED,
                strategy_area=area,
            )
        )


def built_when_serving(client, url, built):
    client.get(url)  # warm the per-process caches (site root paths, templates)
    built.clear()
    assert client.get(url).status_code == 200
    return sum(built.values())


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_serving_an_opportunity_builds_as_many_instances_whatever_its_siblings(
    client, db, instances_built, language
):
    from cooperation.models import OpportunityIndexPage, OpportunityPage

    page = OpportunityPage.objects.live().order_by("path").first()
    with translation.override(language):
        url = page.get_url()
    siblings = OpportunityPage.objects.count()
    before = built_when_serving(client, url, instances_built)
    add_siblings(OpportunityIndexPage.objects.get(), page.strategy_area, 30)

    assert built_when_serving(client, url, instances_built) == before
    # Loading every sibling to compare slugs (wagtail-modeltranslation's route) would cost more.
    assert before < siblings


@pytest.mark.without_plan
def test_a_page_without_an_english_slug_is_found_by_its_chinese_one(client, built_home):
    from cooperation.models import OpportunityPage

    page = factories.opportunity(built_home)
    OpportunityPage.objects.filter(pk=page.pk).update(slug_en="")
    response = client.get(f"/en/opportunities/{page.slug_zh_hans}/")
    assert response.status_code == 200
    assert page.title_en in response.content.decode()


@pytest.mark.without_plan
def test_an_unknown_slug_is_a_404(client, built_home):
    factories.opportunity(built_home)
    assert client.get("/en/opportunities/no-such-opportunity/").status_code == 404


def test_checking_a_pages_slugs_builds_as_many_instances_whatever_its_siblings(db, instances_built):
    from cooperation.models import OpportunityIndexPage, OpportunityPage

    page = OpportunityPage.objects.live().order_by("path").first()
    siblings = OpportunityPage.objects.count()

    def built_by_clean():
        # A fresh instance each time: `clean` caches the page's parent (treebeard's get_parent),
        # so a second check on the same instance would build fewer instances whatever the siblings.
        fresh = OpportunityPage.objects.get(pk=page.pk)
        instances_built.clear()
        fresh.clean()
        return sum(instances_built.values())

    before = built_by_clean()
    add_siblings(OpportunityIndexPage.objects.get(), page.strategy_area, 30)
    assert built_by_clean() == before
    # wagtail-modeltranslation's check built every sibling.
    assert before < siblings


@pytest.mark.parametrize("field", ["slug_zh_hans", "slug_en"])
@pytest.mark.without_plan
def test_a_slug_a_sibling_has_in_either_language_is_refused(built_home, field):
    from django.core.exceptions import ValidationError

    first = factories.opportunity(built_home, slug="first")
    second = factories.opportunity(built_home, slug="second", area=first.strategy_area)
    setattr(second, field, getattr(first, field))
    with pytest.raises(ValidationError) as raised:
        second.clean()
    assert field in raised.value.message_dict


def queried_fields(condition):
    """The field names a Q object compares, lookups removed."""
    for child in condition.children:
        if isinstance(child, tuple):
            yield child[0].split("__")[0]
        else:
            yield from queried_fields(child)


@pytest.mark.without_plan
def test_the_slug_columns_routing_queries_are_indexed(db, settings):
    """Without an index the routing query reads every page below the parent: 8 ms a request for
    an opportunity among 9,000 (scripts/bench_load.py), where the index takes 0.05 ms."""
    from django.db import connection
    from wagtail.models import Page

    from core.routing import slug_is

    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, Page._meta.db_table)
    indexed = {tuple(c["columns"]) for c in constraints.values() if c["index"]}
    fields = {
        field
        for language, _name in settings.LANGUAGES
        for field in queried_fields(slug_is("a-slug", language))
    }
    assert fields == {"slug_en", "slug_zh_hans"}
    for field in fields:
        assert (Page._meta.get_field(field).column,) in indexed
