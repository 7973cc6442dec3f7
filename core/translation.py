from modeltranslation.translator import TranslationOptions, register

from core.models import County, PartnerRegion, Sector


@register(County)
@register(PartnerRegion)
@register(Sector)
class NameTR(TranslationOptions):
    fields = ("name",)
