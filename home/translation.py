from modeltranslation.translator import translator

from core.models import HERO_TRANSLATED_FIELDS
from home.models import (
    AboutPlanPage,
    HomePage,
    Indicator,
    IndicatorPage,
    NewsIndexPage,
    NewsPage,
)

translator.register([HomePage, IndicatorPage, NewsIndexPage], fields=("intro",))
translator.register(
    AboutPlanPage,
    fields=(
        "plan_title",
        "document_number",
        "issuer",
        "sponsor",
        "approval_note",
        "preamble",
        "chapters",
    ),
)
translator.register(NewsPage, fields=("body", *HERO_TRANSLATED_FIELDS))
translator.register(Indicator, fields=("name", "unit", "category"))
