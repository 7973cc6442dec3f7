from modeltranslation.translator import translator

from core.models import County, PartnerRegion, Sector

translator.register([County, PartnerRegion, Sector], fields=("name",))
