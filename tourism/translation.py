from modeltranslation.translator import translator

from core.models import HERO_TRANSLATED_FIELDS
from tourism.models import AttractionPage, EventPage, RoutePage, TourismIndexPage

translator.register(TourismIndexPage, fields=("intro",))
translator.register(
    AttractionPage,
    fields=(
        "summary",
        "clause_quote",
        "opening_hours",
        "tickets",
        "getting_there",
        "accessibility",
        *HERO_TRANSLATED_FIELDS,
    ),
)
translator.register(EventPage, fields=("summary", "clause_quote", *HERO_TRANSLATED_FIELDS))
translator.register(
    RoutePage, fields=("intro", "days", "practical", "clause_quote", *HERO_TRANSLATED_FIELDS)
)
