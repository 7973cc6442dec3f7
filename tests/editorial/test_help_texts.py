"""Every field editors fill in on the plan's main page types explains itself, in both languages."""

import pytest
from django.utils import translation
from modeltranslation.translator import translator
from wagtail.models import Page

from cooperation.models import OpportunityPage, ProgrammePage, StrategyAreaPage
from core.models import County
from tourism.models import AttractionPage, EventPage, RoutePage

MAIN_TYPES = [
    StrategyAreaPage,
    ProgrammePage,
    OpportunityPage,
    AttractionPage,
    RoutePage,
    EventPage,
]


def editor_fields(model):
    """The model's own editable fields (not Page's, nor the per-language copies)."""
    page_fields = {field.name for field in Page._meta.get_fields()}
    translated = translator.get_options_for_model(model).all_fields
    copies = {name for copies in translated.values() for name in (f.name for f in copies)}
    return [
        field
        for field in model._meta.get_fields()
        if getattr(field, "editable", False)
        and not field.auto_created
        and field.name not in page_fields
        and field.name not in copies
        and not field.name.startswith(("plan_", "hero_", "gallery"))
    ]


@pytest.mark.parametrize("model", MAIN_TYPES, ids=lambda model: model.__name__)
def test_every_field_has_a_help_text_in_both_languages(model):
    missing, untranslated = [], []
    for field in editor_fields(model):
        with translation.override("en"):
            english = str(field.help_text)
        if not english:
            missing.append(field.name)
            continue
        with translation.override("zh-hans"):
            if str(field.help_text) == english:
                untranslated.append(field.name)
    assert (missing, untranslated) == ([], [])


def test_the_plan_box_stage_and_kinds_are_explained():
    with translation.override("zh-hans"):
        assert "县级市" in str(County._meta.get_field("kind").help_text)
        assert "规划专栏" in str(OpportunityPage._meta.get_field("clause_box").help_text)
        assert "谋划中" in str(OpportunityPage._meta.get_field("stage").help_text)
    with translation.override("en"):
        assert "plan box" in str(OpportunityPage._meta.get_field("clause_box").help_text)
