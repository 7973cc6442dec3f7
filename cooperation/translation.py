from modeltranslation.translator import TranslationOptions, register

from cooperation.models import (
    CooperationIndexPage,
    OpportunityIndexPage,
    OpportunityPage,
    Organisation,
    ProgrammePage,
    SectorGroup,
    StrategyAreaPage,
)
from core.models import HERO_TRANSLATED_FIELDS


@register(CooperationIndexPage)
@register(OpportunityIndexPage)
class IndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(StrategyAreaPage)
class StrategyAreaPageTR(TranslationOptions):
    fields = ("short_title", "intro", "box_title", "box", *HERO_TRANSLATED_FIELDS)


@register(ProgrammePage)
class ProgrammePageTR(TranslationOptions):
    fields = ("summary", "actions", "body", *HERO_TRANSLATED_FIELDS)


@register(OpportunityPage)
class OpportunityPageTR(TranslationOptions):
    fields = ("summary", "clause_quote", *HERO_TRANSLATED_FIELDS)


@register(Organisation)
@register(SectorGroup)
class OrganisationTR(TranslationOptions):
    fields = ("name",)
