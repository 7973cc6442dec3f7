"""Taxonomy shared by cooperation and tourism content, and the plan's indicators."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from .mixins import PlanSourced


class NamedSnippet(PlanSourced):
    name = models.CharField(_("name"), max_length=255)
    # Snippets edited in the admin are left alone by later `load_plan` runs.
    edited_in_admin = models.BooleanField(default=False, editable=False)

    panels = [FieldPanel("name")]

    class Meta:
        abstract = True
        ordering = ["name"]

    def __str__(self):
        return self.name


class County(NamedSnippet):
    class Kind(models.TextChoices):
        DISTRICT = "district", _("District")
        COUNTY = "county", _("County")
        COUNTY_CITY = "county-city", _("County-level city")
        ZONE = "zone", _("Zone")

    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)

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


class Indicator(PlanSourced, ClusterableModel):
    """One row of the table 十四五时期主要发展指标 (2021 baseline, 2025 target)."""

    order = models.PositiveSmallIntegerField(_("order"), default=0)
    name = models.CharField(_("name"), max_length=255)
    unit = models.CharField(_("unit"), max_length=60)
    category = models.CharField(_("category"), max_length=120)
    baseline_2021 = models.DecimalField(
        _("2021 value"), max_digits=12, decimal_places=2, null=True, blank=True
    )
    target_2025 = models.DecimalField(_("2025 target"), max_digits=12, decimal_places=2)
    target_or_more = models.BooleanField(_("target is a minimum (以上)"), default=False)
    edited_in_admin = models.BooleanField(default=False, editable=False)

    panels = [
        FieldPanel("order"),
        FieldPanel("name"),
        FieldPanel("unit"),
        FieldPanel("category"),
        FieldPanel("baseline_2021"),
        FieldPanel("target_2025"),
        FieldPanel("target_or_more"),
        InlinePanel("actuals", label=_("Actual values by year")),
    ]

    class Meta:
        ordering = ["order"]
        verbose_name = _("indicator")
        verbose_name_plural = _("indicators")

    def __str__(self):
        return self.name


class IndicatorActual(Orderable):
    indicator = ParentalKey(Indicator, on_delete=models.CASCADE, related_name="actuals")
    year = models.PositiveSmallIntegerField(_("year"))
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)

    panels = [FieldPanel("year"), FieldPanel("value")]

    class Meta(Orderable.Meta):
        unique_together = [("indicator", "year")]
