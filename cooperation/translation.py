from modeltranslation.translator import translator

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

translator.register([CooperationIndexPage, OpportunityIndexPage], fields=("intro",))
translator.register(
    StrategyAreaPage, fields=("short_title", "intro", "box_title", "box", *HERO_TRANSLATED_FIELDS)
)
translator.register(ProgrammePage, fields=("summary", "actions", "body", *HERO_TRANSLATED_FIELDS))
translator.register(OpportunityPage, fields=("summary", "clause_quote", *HERO_TRANSLATED_FIELDS))
translator.register([Organisation, SectorGroup], fields=("name",))
