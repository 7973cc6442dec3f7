"""Filter URLs by plan key, old id URLs redirected, investor sector groups, zero-result options
hidden, the duplicate Yangtze River Delta told apart, titles in reading order."""

import pytest
from django.db.models import Count

from cooperation.models import OpportunityIndexPage, OpportunityPage, SectorGroup, StrategyAreaPage
from core.models import PartnerRegion, Sector
from core.sorting import sort_key

pytestmark = pytest.mark.django_db


@pytest.fixture
def index():
    return OpportunityIndexPage.objects.get()


def en_url(index):
    return f"/en/{index.slug_en}/"


def facet(response, param):
    return next(f for f in response.context["listing"].facets if f.param == param)


def test_old_id_urls_redirect_permanently_to_plan_keys(client, index):
    area = StrategyAreaPage.objects.get(plan_key="yangtze-river-delta")
    sector = Sector.objects.get(plan_key="new-materials")
    response = client.get(en_url(index), {"area": area.pk, "sector": sector.pk, "page": "2"})
    assert response.status_code == 301
    assert response["Location"] == (
        f"{en_url(index)}?area=yangtze-river-delta&sector=new-materials&page=2"
    )
    assert client.get(response["Location"]).status_code == 200


def test_key_urls_filter(client, index):
    response = client.get(en_url(index), {"area": "yangtze-river-delta", "sector": "new-materials"})
    expected = OpportunityPage.objects.live().filter(
        strategy_area__plan_key="yangtze-river-delta", sectors__plan_key="new-materials"
    )
    assert response.status_code == 200
    assert response.context["opportunities"].paginator.count == expected.count() > 0


def test_sector_groups_are_the_first_filter_and_match_their_sectors(client, index):
    group = SectorGroup.objects.get(key="life-sciences-health")
    assert set(group.sectors.values_list("plan_key", flat=True)) == {
        "biomedicine",
        "medical-devices",
        "health-elderly-care",
    }
    response = client.get(en_url(index), {"group": group.key})
    expected = OpportunityPage.objects.live().filter(sectors__groups=group).distinct()
    assert response.context["opportunities"].paginator.count == expected.count() > 0
    assert response.context["listing"].facets[0].param == "group"
    body = response.content.decode()
    legends = ["<legend>Sector group</legend>", "<legend>Strategy area</legend>"]
    assert body.index(legends[0]) < body.index(legends[1])
    # An opportunity in two sectors of one group counts once.
    counts = {c["value"]: c["count"] for c in facet(client.get(en_url(index)), "group").choices()}
    assert counts[group.key] == expected.count()


def test_every_group_maps_only_to_plan_sectors():
    for group in SectorGroup.objects.all():
        assert group.sectors.exists()
        assert all(sector.plan_key for sector in group.sectors.all())


def test_options_without_results_are_hidden_but_ticked_ones_stay(client, index):
    empty_regions = PartnerRegion.objects.annotate(n=Count("opportunitypage")).filter(n=0)
    assert empty_regions.exists()
    unused = empty_regions.first()
    shown = {c["value"] for c in facet(client.get(en_url(index)), "region").choices()}
    assert unused.plan_key not in shown
    ticked = facet(client.get(en_url(index), {"region": unused.plan_key}), "region").choices()
    choice = next(c for c in ticked if c["value"] == unused.plan_key)
    assert choice["checked"] and choice["count"] == 0


def test_the_yangtze_river_delta_region_is_told_apart_from_the_strategy_area(client, index):
    body = client.get(en_url(index)).content.decode()
    assert "The Yangtze River Delta (as a partner region)" in body
    assert body.count(">Yangtze River Delta <span") == 1  # the strategy area's checkbox


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_titles_sort_in_reading_order(client, index, language):
    slug = index.slug_en if language == "en" else index.slug_zh_hans
    listing = client.get(f"/{language}/{slug}/").context["listing"]
    titles = [opportunity.title for opportunity in listing.results()]
    assert titles == sorted(titles, key=sort_key)
    assert titles[0][0].isalnum()


def test_editors_manage_the_sector_groups_in_the_admin(client, index, django_user_model):
    from django.contrib.auth.models import Group
    from django.urls import reverse

    editor = django_user_model.objects.create_user("editor-13", "ed@example.org", "pw")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    assert client.get(reverse("wagtailsnippets_cooperation_sectorgroup:list")).status_code == 200
    group = SectorGroup.objects.get(key="life-sciences-health")
    edit_url = reverse("wagtailsnippets_cooperation_sectorgroup:edit", args=[group.pk])
    form = client.get(edit_url).context["form"]
    data = {name: form[name].value() for name in form.fields}
    data["sectors"] = [Sector.objects.get(plan_key="biomedicine").pk]
    data["name_en"] = "Medicines"
    assert (
        client.post(edit_url, {k: v for k, v in data.items() if v is not None}).status_code == 302
    )
    client.logout()
    counts = {c["value"]: c["count"] for c in facet(client.get(en_url(index)), "group").choices()}
    medicines = OpportunityPage.objects.live().filter(sectors__plan_key="biomedicine").distinct()
    assert counts["life-sciences-health"] == medicines.count() > 0
    assert 'Medicines <span class="count">' in client.get(en_url(index)).content.decode()
