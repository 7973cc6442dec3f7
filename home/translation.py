from modeltranslation.translator import TranslationOptions, register

from core.models import HERO_TRANSLATED_FIELDS
from home.models import (
    AboutPlanPage,
    HomePage,
    Indicator,
    IndicatorPage,
    NewsIndexPage,
    NewsPage,
)


@register(HomePage)
class HomePageTR(TranslationOptions):
    fields = ("intro",)


@register(AboutPlanPage)
class AboutPlanPageTR(TranslationOptions):
    fields = (
        "plan_title",
        "document_number",
        "issuer",
        "sponsor",
        "approval_note",
        "preamble",
        "chapters",
    )


@register(IndicatorPage)
class IndicatorPageTR(TranslationOptions):
    fields = ("intro",)


@register(NewsIndexPage)
class NewsIndexPageTR(TranslationOptions):
    fields = ("intro",)


@register(NewsPage)
class NewsPageTR(TranslationOptions):
    fields = ("body", *HERO_TRANSLATED_FIELDS)


@register(Indicator)
class IndicatorTR(TranslationOptions):
    fields = ("name", "unit", "category")
