"""Taxonomy shared by cooperation and tourism content."""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from .fields import choice
from .mixins import PlanSourced


class NamedSnippet(PlanSourced):
    name = models.CharField(_("name"), max_length=255)

    panels = [FieldPanel("name")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name

    # Hooks of the admin's autocomplete choosers (wagtail-autocomplete's AutocompletePanel).
    @classmethod
    def autocomplete_custom_queryset_filter(cls, search_term, request=None):
        """Either language's name matches, whichever language the admin speaks."""
        names = Q(name_zh_hans__icontains=search_term) | Q(name_en__icontains=search_term)
        return cls.objects.filter(names)

    def autocomplete_label(self):
        return self.name  # the admin user's language, with modeltranslation's fallback


class County(NamedSnippet):
    class Kind(models.TextChoices):
        DISTRICT = "district", _("District")  # 市辖区
        COUNTY = "county", _("County")  # 县
        COUNTY_CITY = "county-city", _("County-level city")  # 县级市
        ZONE = "zone", _("Zone")  # 功能区 (示范区, 经开区, 高新区), and 全市 for the whole city

    kind = choice(
        _("kind"),
        Kind,
        help_text=_(
            "Its status in Xinxiang's administration: a district (区, e.g. Hongqi District), a "
            "county (县), a county-level city (市, e.g. Huixian) or a zone (e.g. Xinxiang "
            "High-tech Industrial Development Zone, 高新区)."
        ),
    )

    panels = [FieldPanel("name"), FieldPanel("kind")]

    class Meta(NamedSnippet.Meta):
        verbose_name = _("county or district")
        verbose_name_plural = _("counties and districts")


class PartnerRegion(NamedSnippet):
    class Meta(NamedSnippet.Meta):
        verbose_name = _("partner region")
        verbose_name_plural = _("partner regions")


class Sector(NamedSnippet):
    class Meta(NamedSnippet.Meta):
        verbose_name = _("sector")
        verbose_name_plural = _("sectors")
