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


@register(CooperationIndexPage)
@register(OpportunityIndexPage)
class IndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(StrategyAreaPage)
class StrategyAreaPageTR(TranslationOptions):
    fields = ("short_title", "intro", "box_title", "box")


@register(ProgrammePage)
class ProgrammePageTR(TranslationOptions):
    fields = ("summary", "actions", "body")


@register(OpportunityPage)
class OpportunityPageTR(TranslationOptions):
    fields = ("summary", "clause_quote")


@register(Organisation)
@register(SectorGroup)
class OrganisationTR(TranslationOptions):
    fields = ("name",)
