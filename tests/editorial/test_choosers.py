"""Sectors, counties, regions and organisations are chosen by typing part of a name in either
language (wagtail-autocomplete), and only those who may edit the Chinese source choose them."""

import json

import pytest
from wagtail.models import Page
from wagtailautocomplete.widgets import Autocomplete

from cooperation.models import Organisation, ProgrammePage
from core.models import County, PartnerRegion, Sector
from tests import factories
from tests.editorial.workflow_client import edit_form_data

pytestmark = pytest.mark.without_plan
CHOSEN = {"sectors": Sector, "counties": County, "regions": PartnerRegion}
SEARCH_URL = "/admin/autocomplete/search/"
OBJECTS_URL = "/admin/autocomplete/objects/"


@pytest.fixture
def opportunity(db):
    return factories.opportunity(factories.home())


def named(model, zh_hans, en, **values):
    return model.objects.create(**factories.both("name", zh_hans, en), **values)


@pytest.fixture
def choices(db):
    """Two of each kind of object the opportunity form chooses."""
    names = {
        Sector: [("生物医药", "Biomedicine"), ("新材料", "New materials")],
        County: [("封丘县", "Fengqiu County"), ("辉县市", "Huixian")],
        PartnerRegion: [("深圳", "Shenzhen"), ("北京", "Beijing")],
        Organisation: [("清华大学", "Tsinghua University"), ("郑州大学", "Zhengzhou University")],
    }
    extra = {County: {"kind": County.Kind.COUNTY}, Organisation: {"kind": "university"}}
    return {
        model: [named(model, zh, en, **extra.get(model, {})) for zh, en in pairs]
        for model, pairs in names.items()
    }


def chosen(objects):
    """A chooser's value as its script posts it."""
    return json.dumps([{"pk": obj.pk, "title": str(obj)} for obj in objects])


def draft(page):
    return Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()


def test_the_opportunity_form_chooses_by_typing(client, people, opportunity):
    client.force_login(people["editor"])
    html = client.get(f"/admin/pages/{opportunity.pk}/edit/").content.decode()
    assert "wagtailautocomplete/dist.js" in html
    for name in [*CHOSEN, "organisations"]:
        assert f'data-autocomplete-input-name="{name}"' in html
        assert f'<select name="{name}"' not in html


def test_the_choosers_own_strings_come_in_the_admins_language(client, make_person, opportunity):
    client.force_login(make_person("edna", "Editors", language="zh-hans"))
    html = client.get(f"/admin/pages/{opportunity.pk}/edit/").content.decode()
    assert 'data-nothing-selected="尚未选择。" data-remove="移除"' in html
    assert "editorial/autocomplete-i18n.js" in html


def test_a_programme_chooses_its_regions_and_sectors_by_typing():
    fields = ProgrammePage.get_edit_handler().get_form_class().base_fields
    assert all(isinstance(fields[name].widget, Autocomplete) for name in ("regions", "sectors"))


@pytest.mark.parametrize(
    "language, label", [("zh-hans", "生物医药"), ("en", "Biomedicine")], ids=["zh", "en"]
)
def test_a_sector_is_found_by_its_chinese_and_its_english_name(
    client, make_person, choices, language, label
):
    client.force_login(make_person("edna", "Editors", language=language))
    sector = choices[Sector][0]
    for query in ("医药", "biomed"):
        response = client.post(SEARCH_URL, {"query": query, "type": "core.Sector"})
        assert response.json()["items"] == [{"pk": sector.pk, "title": label}], query


def test_an_editor_saves_the_chosen_objects(client, people, opportunity, choices):
    data = edit_form_data(opportunity, people["editor"])
    for name, model in {**CHOSEN, "organisations": Organisation}.items():
        data[name] = chosen(choices[model])
    client.force_login(people["editor"])
    assert client.post(f"/admin/pages/{opportunity.pk}/edit/", data).status_code == 302
    saved = draft(opportunity)
    for name, model in {**CHOSEN, "organisations": Organisation}.items():
        assert set(getattr(saved, name).all()) == set(choices[model]), name


def test_a_translator_cannot_change_the_chosen_objects(client, people, opportunity, choices):
    opportunity.sectors = [choices[Sector][0]]
    opportunity.save_revision().publish()
    data = edit_form_data(opportunity, people["translator"], title_en="Checked")
    assert "sectors" not in data
    data["sectors"] = chosen(choices[Sector])
    client.force_login(people["translator"])
    assert client.post(f"/admin/pages/{opportunity.pk}/edit/", data).status_code == 302
    saved = draft(opportunity)
    assert saved.title_en == "Checked"
    assert list(saved.sectors.all()) == [choices[Sector][0]]


def test_the_choosers_look_up_only_the_taxonomy(client, people, opportunity, choices):
    client.force_login(people["translator"])
    for label in ("wagtailcore.Page", "wagtaildocs.Document", "auth.User", "no.Model"):
        assert client.post(SEARCH_URL, {"query": "", "type": label}).status_code == 400, label
    assert client.get(OBJECTS_URL, {"pks": opportunity.pk}).status_code == 400
    sector = choices[Sector][0]
    response = client.get(OBJECTS_URL, {"pks": sector.pk, "type": "core.Sector"})
    assert response.json()["items"] == [{"pk": sector.pk, "title": "Biomedicine"}]
