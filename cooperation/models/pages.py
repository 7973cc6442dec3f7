import functools

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index
from wagtailautocomplete.edit_handlers import AutocompletePanel

from cooperation.api_serializers import NamedSnippetSerializer
from cooperation.blocks import BoxItemBlock
from cooperation.county_map import areas, markers
from core.clauses import clause_label
from core.i18n import localized_fields
from core.models import (
    CLAUSE_PANEL,
    IMAGES_PANEL,
    PageImages,
    PlanClauseMixin,
    PlanSourced,
    SectionPage,
    page_search_fields,
)
from core.models.fields import choice, optional_line, optional_links, optional_number
from core.public import public
from core.renditions import card_images, child_cards
from core.sorting import stored_order, stored_sort_keys


class CooperationIndexPage(SectionPage):
    """The cooperation section: the strategy areas as cards, in the plan's chapter order."""

    subpage_types = ["cooperation.StrategyAreaPage"]
    cards = ("areas", "chapter")

    class Meta:
        verbose_name = _("cooperation index page")


class StrategyAreaPage(PlanSourced, PageImages, Page):
    """One strategy area: a chapter (3–8) of the plan."""

    chapter = models.PositiveSmallIntegerField(
        _("chapter"),
        unique=True,
        help_text=_(
            "The plan chapter (第N章, 3–8) this strategy area is, e.g. 3 for the Yellow River."
        ),
    )
    short_title = models.CharField(
        _("short title"),
        max_length=80,
        help_text=_(
            "A few words for menus and filters, e.g. “Yellow River national strategy”; the "
            "title above is the chapter's full title."
        ),
    )
    intro = RichTextField(
        _("introduction"), help_text=_("The chapter's opening paragraph, as the plan has it.")
    )
    box_title = optional_line(
        _("box title"),
        help_text=_(
            "The plan box's title, as printed in the plan; empty when the chapter has none."
        ),
    )
    box_number = optional_number(
        _("box number"),
        help_text=_(
            "The number of the chapter's plan box (规划专栏, 专栏N), its list of key projects, "
            "e.g. 1 in chapter 3."
        ),
    )
    box = StreamField(
        [("item", BoxItemBlock())],
        blank=True,
        verbose_name=_("box items"),
        help_text=_("The box's entries in the plan's order, each a heading and its text."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("chapter"),
        FieldPanel("short_title"),
        FieldPanel("intro"),
        MultiFieldPanel(
            [FieldPanel("box_number"), FieldPanel("box_title"), FieldPanel("box")],
            heading=_("Box of key projects"),
        ),
        IMAGES_PANEL,
    ]
    search_fields = page_search_fields("short_title", "intro", "box")
    parent_page_types = ["cooperation.CooperationIndexPage"]
    subpage_types = ["cooperation.ProgrammePage"]

    class Meta:
        verbose_name = _("strategy area")

    @property
    def clause_label(self):
        return clause_label(self.chapter)

    listed_on_home = True

    def frontend_cache_dependents(self):
        """The opportunity listings' filter names the strategy areas (caching/purge.py)."""
        return list(OpportunityIndexPage.objects.all())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["programmes"] = child_cards(self, ProgrammePage, "section")
        context["opportunities"] = (
            public(OpportunityPage.objects.all())
            .filter(strategy_area=self)
            .prefetch_related(card_images())
            .order_by(stored_order("title"))
        )
        return context


class ProgrammePage(PlanSourced, PageImages, Page):
    """A section (第N节) of a strategy-area chapter: one cooperation programme."""

    chapter = models.PositiveSmallIntegerField(
        _("chapter"), help_text=_("The plan chapter (第N章) of this section, e.g. 3.")
    )
    section = models.PositiveSmallIntegerField(
        _("section"),
        help_text=_("The section number within the chapter (第N节), e.g. 1 for 第一节."),
    )
    summary = models.TextField(
        _("goal"),
        help_text=_("The section's goal in one or two sentences, taken from its text."),
    )
    actions = RichTextField(
        _("actions"),
        blank=True,
        features=["ul", "ol", "bold", "link"],
        help_text=_("A list of four to eight concrete actions the section names."),
    )
    body = RichTextField(
        _("full text of the section"),
        help_text=_("The whole section as the plan prints it, unchanged."),
    )
    regions = optional_links(
        "core.PartnerRegion",
        _("partners"),
        help_text=_("The partner regions the section names, e.g. “Shandong Province”."),
    )
    sectors = optional_links(
        "core.Sector",
        _("themes"),
        help_text=_("The sectors the section's cooperation covers."),
    )

    content_panels = Page.content_panels + [
        FieldPanel("chapter"),
        FieldPanel("section"),
        FieldPanel("summary"),
        FieldPanel("actions"),
        FieldPanel("body"),
        AutocompletePanel("regions"),
        AutocompletePanel("sectors"),
        IMAGES_PANEL,
    ]
    search_fields = page_search_fields("summary", "actions", "body")
    parent_page_types = ["cooperation.StrategyAreaPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("programme")
        unique_together = [("chapter", "section")]

    @property
    def clause_label(self):
        return clause_label(self.chapter, self.section)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The parent by its tree path: one query instead of get_parent().specific's two, and
        # only when the template renders (not when its output comes from the fragment cache).
        context["area"] = functools.cache(
            lambda: StrategyAreaPage.objects.get(path=self.path[: -self.steplen])
        )
        context["opportunities"] = (
            public(OpportunityPage.objects.all())
            .filter(clause_chapter=self.chapter, clause_section=self.section)
            .prefetch_related(card_images())
            .order_by(stored_order("title"))
        )
        return context


class OpportunityIndexPage(RoutablePageMixin, SectionPage):
    """The filterable list of opportunities, with its data as CSV and JSON."""

    subpage_types = ["cooperation.OpportunityPage"]

    class Meta:
        verbose_name = _("opportunities index page")

    # The views import these models, hence the imports inside the routes.
    @path("")
    def listing(self, request):
        from cooperation.views import listing_page

        return listing_page(self, request)

    @path("feed/", name="feed")
    def feed(self, request):
        from cooperation.feeds import OpportunityFeed

        return OpportunityFeed()(request, index_page=self)

    def get_cached_paths(self):
        # The unfiltered feed is shared-cached like the listing; filtered ones (a query string)
        # live 2 s and are not purged one by one.
        return [
            "/",
            self.reverse_subpage("feed"),
            self.reverse_subpage("export_csv"),
            self.reverse_subpage("export_json"),
        ]

    def canonical_query(self, request):
        from cooperation.listing import listing_query

        return listing_query(self, request.GET)

    @path("export/csv/", name="export_csv")
    def export_csv(self, request):
        from cooperation.views import export_csv

        return export_csv(self, request)

    @path("export/json/", name="export_json")
    def export_json(self, request):
        from cooperation.views import export_json

        return export_json(self, request)


TITLE_FIELDS = {"title", *localized_fields("title").values()}


class OpportunityPage(PlanSourced, PlanClauseMixin, PageImages, Page):
    """A key project, park, platform, event or partnership named in the plan."""

    class Kind(models.TextChoices):
        PROJECT = "project", _("Project")
        PARK = "park", _("Industrial park or base")
        PLATFORM = "platform", _("Platform")
        EVENT = "event", _("Event")
        PARTNERSHIP = "partnership", _("Partnership")

    class Stage(models.TextChoices):
        PROPOSED = "proposed", _("Being planned")
        PROMOTED = "promoted", _("Being promoted")
        UNDER_CONSTRUCTION = "under-construction", _("Under construction")
        OPERATING = "operating", _("In operation")

    summary = models.TextField(
        _("summary"),
        help_text=_(
            "What the plan says about the opportunity, in one or two sentences and no more "
            "than it states, e.g. “河南省人民医院北院区落户平原新区。”"
        ),
    )
    kind = choice(
        _("kind"),
        Kind,
        help_text=_(
            "What the plan names: a project (e.g. a wetland park to build), an industrial park "
            "or base, a platform (e.g. a trade or innovation platform), an event (a fair or "
            "forum) or a partnership (an agreement between organisations)."
        ),
    )
    stage = choice(
        _("stage"),
        Stage,
        help_text=_(
            "Follows the plan's verb: 谋划, 探索 or 争取 → being planned; 推动, 推进, 支持 or 加强 "
            "→ being promoted; 建设, 加快建设 or 打造 → under construction; already in place or "
            "held (落户, 已, 持续办好) → in operation. Change it when the owner announces "
            "progress."
        ),
    )
    strategy_area = models.ForeignKey(
        StrategyAreaPage,
        verbose_name=_("strategy area"),
        on_delete=models.PROTECT,
        related_name="opportunities",
        help_text=_(
            "The chapter (3–8) whose strategy the opportunity serves, e.g. “Yellow River "
            "national strategy” for chapter 3."
        ),
    )
    sectors = optional_links(
        "core.Sector",
        _("sectors"),
        help_text=_(
            "The industries the plan links it to, e.g. “Biotechnology and new medicine”; choose "
            "several if the plan names several."
        ),
    )
    counties = optional_links(
        "core.County",
        _("counties and districts"),
        help_text=_(
            "Where in Xinxiang it is, as the plan says, e.g. “Fengqiu County”; “Citywide” when "
            "the plan names no place."
        ),
    )
    regions = optional_links(
        "core.PartnerRegion",
        _("partner regions"),
        help_text=_(
            "The places outside Xinxiang the plan names as partners, e.g. “Shenzhen” or "
            "“Beijing”; leave it empty when it names none."
        ),
    )
    organisations = optional_links(
        "cooperation.Organisation",
        _("partner organisations"),
        help_text=_(
            "The companies, universities and institutions the plan names in this item, e.g. "
            "“Tsinghua University”; leave it empty when it names none."
        ),
    )
    # The title's sort key in each language (core/sorting.py), kept on save, so that the database
    # orders the listing and reads one page of it. Collation "C" compares code points, as Python
    # compares the keys.
    title_sort_zh_hans = models.TextField(blank=True, editable=False, db_collation="C")
    title_sort_en = models.TextField(blank=True, editable=False, db_collation="C")

    content_panels = Page.content_panels + [
        FieldPanel("summary"),
        FieldPanel("kind"),
        FieldPanel("stage"),
        FieldPanel("strategy_area"),
        AutocompletePanel("sectors"),
        AutocompletePanel("counties"),
        AutocompletePanel("regions"),
        AutocompletePanel("organisations"),
        CLAUSE_PANEL,
        IMAGES_PANEL,
    ]
    search_fields = page_search_fields("summary", "clause_quote") + [
        index.FilterField("kind"),
        index.FilterField("stage"),
    ]
    api_fields = [
        APIField("title_zh_hans"),
        APIField("title_en"),
        APIField("summary_zh_hans"),
        APIField("summary_en"),
        APIField("kind"),
        APIField("stage"),
        APIField("strategy_area"),
        APIField("sectors", serializer=NamedSnippetSerializer(many=True)),
        APIField("counties", serializer=NamedSnippetSerializer(many=True)),
        APIField("regions", serializer=NamedSnippetSerializer(many=True)),
        APIField("organisations", serializer=NamedSnippetSerializer(many=True)),
        APIField("clause_chapter"),
        APIField("clause_section"),
        APIField("clause_box"),
    ]
    parent_page_types = ["cooperation.OpportunityIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("opportunity")
        verbose_name_plural = _("opportunities")

    def save(self, *args, **kwargs):
        update_fields = kwargs.get("update_fields")
        # A draft saved with its revision leaves the live title, hence its sort keys, as they are.
        if update_fields is None or TITLE_FIELDS.intersection(update_fields):
            keys = stored_sort_keys(functools.partial(getattr, self), "title")
            for name, key in keys.items():
                setattr(self, name, key)
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, *keys}
        return super().save(*args, **kwargs)

    def get_context(self, request, *args, **kwargs):
        from cooperation.forms import EnquiryForm

        context = super().get_context(request, *args, **kwargs)
        # Callables, which the template calls only when it renders rather than reads its output
        # from the fragment cache.
        counties = functools.cache(lambda: list(self.counties.all()))
        context.update(
            counties=counties,
            map_markers=functools.cache(lambda: markers(counties())),
            map_areas=functools.cache(lambda: areas(counties())),
            related=self.related_opportunities(),
            form=EnquiryForm(),
            enquiry_sent=bool(self.canonical_query(request)),
            retention_days=settings.ENQUIRY_RETENTION_DAYS,
        )
        return context

    def canonical_query(self, request):
        """`sent=1`, the thank-you after an enquiry, is all its query string can mean."""
        return "sent=1" if request.GET.get("sent") == "1" else ""

    def related_opportunities(self, limit=4):
        """Up to `limit` live opportunities in the same strategy area or sharing a sector."""
        # A queryset, or in a preview modelcluster's in-memory list (which has no .values("pk")).
        sectors = self.sectors.all()
        sharing_a_sector = OpportunityPage.objects.filter(sectors__in=sectors).values("pk")
        return (
            public(OpportunityPage.objects.all())
            .filter(
                models.Q(strategy_area_id=self.strategy_area_id) | models.Q(pk__in=sharing_a_sector)
            )
            .exclude(pk=self.pk)
            .prefetch_related(card_images())
            .order_by(stored_order("title"))[:limit]
        )

    def frontend_cache_dependents(self):
        """Pages other than the parent that list this one (caching/purge.py)."""
        return [
            self.strategy_area,
            *ProgrammePage.objects.filter(chapter=self.clause_chapter, section=self.clause_section),
        ]
