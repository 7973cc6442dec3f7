from django.db import models
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page

from core.models import IMAGES_PANEL, PageImages, PlanSourced, SectionPage, page_search_fields
from core.models.fields import optional_date, optional_line
from home.blocks import ChapterBlock

from .snippets import Indicator


class HomePage(PlanSourced, Page):
    intro = RichTextField(_("introduction"), blank=True)

    content_panels = Page.content_panels + [FieldPanel("intro")]
    search_fields = page_search_fields("intro")
    max_count = 1
    subpage_types = [
        "home.AboutPlanPage",
        "home.IndicatorPage",
        "home.NewsIndexPage",
        "cooperation.CooperationIndexPage",
        "cooperation.OpportunityIndexPage",
        "tourism.TourismIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")
        # Translators lack it: they edit the English fields only (editorial/translator_access.py).
        permissions = [
            ("edit_source_text", _("Can edit the Chinese text and the fields both languages share"))
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The sections below the home page belong to other apps; they add them (plan's hook).
        for add_sections in hooks.get_hooks("home_page_context"):
            context.update(add_sections(self))
        context["indicators"] = Indicator.objects.prefetch_related("actuals")
        return context


class AboutPlanPage(PlanSourced, Page):
    """The plan itself: its metadata and the running text of chapters 1, 2 and 9."""

    plan_title = models.CharField(_("full title of the plan"), max_length=255)
    document_number = models.CharField(
        _("document number"),
        max_length=60,
        help_text=_("As printed at the head of the plan: 新政〔2022〕33号."),
    )
    issuer = models.CharField(_("issued by"), max_length=200)
    sponsor = optional_line(_("prepared by"), max_length=200)
    approved = optional_date(_("approved on"))
    approval_note = optional_line(_("approval"), max_length=300)
    issued = models.DateField(_("issued on"))
    printed = optional_date(_("printed on"))
    preamble = RichTextField(_("preamble"), blank=True)
    chapters = StreamField([("chapter", ChapterBlock())], blank=True, verbose_name=_("chapters"))

    content_panels = Page.content_panels + [
        MultiFieldPanel(
            [
                FieldPanel("plan_title"),
                FieldPanel("document_number"),
                FieldPanel("issuer"),
                FieldPanel("sponsor"),
                FieldPanel("approved"),
                FieldPanel("approval_note"),
                FieldPanel("issued"),
                FieldPanel("printed"),
            ],
            heading=_("Document"),
        ),
        FieldPanel("preamble"),
        FieldPanel("chapters"),
    ]
    search_fields = page_search_fields("preamble", "chapters")
    max_count = 1
    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("about the plan page")


class IndicatorPage(RoutablePageMixin, SectionPage):
    """The plan's ten targets as a progress chart with an accessible table, and one page per
    indicator with its values year by year."""

    subpage_types = []

    class Meta:
        verbose_name = _("indicators page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["indicators"] = Indicator.objects.prefetch_related("actuals")
        context["indicator_page"] = self
        return context

    @path("<int:indicator_id>/", name="indicator")
    def indicator(self, request, indicator_id):
        from home.indicator_progress import indicator_progress, line_chart_svg, yearly_values

        indicator = get_object_or_404(
            Indicator.objects.prefetch_related("actuals"), pk=indicator_id
        )
        rows = yearly_values(indicator)
        return self.render(
            request,
            template="home/indicator_detail.html",
            context_overrides={
                "indicator": indicator,
                "rows": rows,
                "progress": indicator_progress([indicator])[0],
                "line_chart": line_chart_svg(rows),
            },
        )


class NewsIndexPage(SectionPage):
    """The news section: its articles as cards, the newest first."""

    frontend_cache_url_names = ["news_feed"]  # caching/purge.py; the feed links here
    subpage_types = ["home.NewsPage"]
    cards = ("articles", "-date")

    class Meta:
        verbose_name = _("news index page")


class NewsPage(PlanSourced, PageImages, Page):
    frontend_cache_url_names = ["news_feed"]  # caching/purge.py

    date = models.DateField(
        _("date"), help_text=_("The day of the event reported, as the source gives it.")
    )
    body = RichTextField(
        _("text"), help_text=_("Only facts the plan or an official source states.")
    )

    content_panels = Page.content_panels + [FieldPanel("date"), FieldPanel("body"), IMAGES_PANEL]
    search_fields = page_search_fields("body")
    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news article")
