"""Editors keep the plan's shared data up to date in the admin ("Plan data" menu)."""

import re

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from cooperation.models import Organisation
from core.models import County, PartnerRegion, Sector
from home.models import Indicator

SNIPPET_MODELS = ["home_indicator", "core_county", "core_partnerregion", "core_sector"]


@pytest.fixture
def admin_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("chief", "chief@example.org", "pw")
    client.force_login(user)
    return client


@pytest.mark.parametrize("model", SNIPPET_MODELS)
def test_plan_data_listings_open(admin_client, model):
    response = admin_client.get(reverse(f"wagtailsnippets_{model}:list"))
    assert response.status_code == 200


def test_organisations_listing_opens(admin_client):
    response = admin_client.get(reverse("wagtailsnippets_cooperation_organisation:list"))
    assert response.status_code == 200
    first = Organisation.objects.order_by("name").first()
    assert first.name_zh_hans in response.content.decode()


def test_editor_adds_an_actual_value_and_the_indicators_page_shows_it(admin_client, client):
    indicator = Indicator.objects.get(order=1)
    data = nested_form_data(
        {
            "order": indicator.order,
            "name_zh_hans": indicator.name_zh_hans,
            "name_en": indicator.name_en,
            "unit_zh_hans": indicator.unit_zh_hans,
            "unit_en": indicator.unit_en,
            "category_zh_hans": indicator.category_zh_hans,
            "category_en": indicator.category_en,
            "baseline_2021": "268",
            "target_2025": "816",
            "actuals": inline_formset([{"year": 2023, "value": "512"}]),
        }
    )
    url = reverse("wagtailsnippets_home_indicator:edit", args=[indicator.pk])
    response = admin_client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]

    indicator.refresh_from_db()
    assert [(a.year, str(a.value)) for a in indicator.actuals.all()] == [(2023, "512.00")]
    page = client.get("/en/indicators/").content.decode()
    assert "2023: 512" in page  # the latest reported value beside its indicator's bar


@pytest.mark.parametrize("model", [County, PartnerRegion, Sector])
def test_every_taxonomy_entry_has_both_names(db, model):
    assert not model.objects.filter(name_en="").exists()
    assert not model.objects.filter(name_zh_hans="").exists()


def test_organisations_can_be_searched_in_either_language(admin_client):
    url = reverse("wagtailsnippets_cooperation_organisation:list")
    assert "清华大学" in admin_client.get(url, {"q": "清华"}).content.decode()
    assert "清华大学" in admin_client.get(url, {"q": "Tsinghua"}).content.decode()


def test_indicator_listing_shows_a_minimum_target_as_an_icon(admin_client):
    html = admin_client.get(reverse("wagtailsnippets_home_indicator:list")).content.decode()
    assert not re.search(r"<td[^>]*>\s*(True|False)\s*</td>", html)
    assert re.search(r"<td[^>]*>\s*<svg class=\"icon icon-(check|cross)", html)
