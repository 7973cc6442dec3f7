from modeltranslation.translator import TranslationOptions, register

from core.models import HERO_TRANSLATED_FIELDS
from tourism.models import AttractionPage, EventPage, RoutePage, TourismIndexPage


@register(TourismIndexPage)
class TourismIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(AttractionPage)
class AttractionPageTR(TranslationOptions):
    fields = (
        "summary",
        "clause_quote",
        "opening_hours",
        "tickets",
        "getting_there",
        "accessibility",
        *HERO_TRANSLATED_FIELDS,
    )


@register(EventPage)
class SummaryPageTR(TranslationOptions):
    fields = ("summary", "clause_quote", *HERO_TRANSLATED_FIELDS)


@register(RoutePage)
class RoutePageTR(TranslationOptions):
    fields = ("intro", "days", "practical", "clause_quote", *HERO_TRANSLATED_FIELDS)
