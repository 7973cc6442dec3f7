"""The plan's indicators (the table 十四五时期主要发展指标)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.models import Orderable

from core.models import PlanSourced


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
