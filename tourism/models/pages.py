from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, Page
from wagtail.search import index

from cooperation.models.pages import CLAUSE_PANEL
from home.models import PlanClauseMixin, PlanSourced
from tourism.blocks import DayBlock


class TourismIndexPage(PlanSourced, Page):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = ["tourism.RoutePage", "tourism.AttractionPage", "tourism.EventPage"]

    class Meta:
        verbose_name = _("tourism index page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        children = Page.objects.child_of(self).live()
        context["routes"] = RoutePage.objects.filter(pk__in=children).order_by("path")
        context["attractions"] = (
            AttractionPage.objects.filter(pk__in=children).select_related("county").order_by("path")
        )
        context["events"] = EventPage.objects.filter(pk__in=children).order_by("path")
        return context


class AttractionPage(PlanSourced, PlanClauseMixin, Page):
    summary = models.TextField(_("what the plan says"))
    county = models.ForeignKey(
        "home.County", verbose_name=_("county or district"), on_delete=models.PROTECT
    )
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=8,
        decimal_places=5,
        validators=[MinValueValidator(-180), MaxValueValidator(180)],
    )

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("county"),
        MultiFieldPanel(
            [FieldPanel("latitude"), FieldPanel("longitude")], heading=_("Location (WGS84)")
        ),
        CLAUSE_PANEL,
    ]
    search_fields = Page.search_fields + [
        index.SearchField("summary"),
        index.SearchField("clause_quote"),
    ]
    parent_page_types = ["tourism.TourismIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("attraction")


class RoutePage(PlanSourced, PlanClauseMixin, Page):
    intro = RichTextField(_("introduction"))
    days = StreamField([("day", DayBlock())], blank=True, verbose_name=_("day-by-day plan"))
    practical = RichTextField(_("practical information"), blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("intro"),
        InlinePanel("stops", label=_("Stops, in travelling order")),
        FieldPanel("days"),
        FieldPanel("practical"),
        CLAUSE_PANEL,
    ]
    search_fields = Page.search_fields + [
        index.SearchField("intro"),
        index.SearchField("practical"),
    ]
    parent_page_types = ["tourism.TourismIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("tourism route")


class RouteStop(Orderable):
    route = ParentalKey(RoutePage, on_delete=models.CASCADE, related_name="stops")
    attraction = models.ForeignKey(
        AttractionPage, verbose_name=_("attraction"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("attraction")]


class EventPage(PlanSourced, PlanClauseMixin, Page):
    class Kind(models.TextChoices):
        FESTIVAL = "festival", _("Festival")
        FORUM = "forum", _("Forum")
        EXPO = "expo", _("Expo")
        CEREMONY = "ceremony", _("Ceremony")

    summary = models.TextField(_("summary"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    attraction = models.ForeignKey(
        AttractionPage,
        verbose_name=_("venue"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    route = models.ForeignKey(
        RoutePage,
        verbose_name=_("route"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="events",
    )
    # The plan gives a date for some events only (e.g. 19 May, China Tourism Day); editors add
    # concrete dates as they are announced, and only dated events appear in the calendar feed.
    month = models.PositiveSmallIntegerField(
        _("month"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(12)]
    )
    day = models.PositiveSmallIntegerField(
        _("day"), null=True, blank=True, validators=[MinValueValidator(1), MaxValueValidator(31)]
    )
    start_date = models.DateField(_("next start date"), null=True, blank=True)
    end_date = models.DateField(_("next end date"), null=True, blank=True)

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("kind"),
        FieldPanel("attraction"),
        FieldPanel("route"),
        MultiFieldPanel(
            [
                FieldPanel("month"),
                FieldPanel("day"),
                FieldPanel("start_date"),
                FieldPanel("end_date"),
            ],
            heading=_("When"),
        ),
        CLAUSE_PANEL,
    ]
    search_fields = Page.search_fields + [index.SearchField("summary")]
    parent_page_types = ["tourism.TourismIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
