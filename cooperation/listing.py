"""The opportunities listing: facet filters read from GET parameters, per-option counts, sorting.

Filters combine with AND across facets and OR within one facet. Each option's count is computed
with every *other* facet applied, so a visitor sees how many results ticking it would give.
Filter values in URLs are the plan's keys (`?area=yangtze-river-delta&sector=new-materials`),
which survive a reload of the plan into another database; the database ids that older URLs used
are still understood, and the view redirects them to the key-based URL. Unknown parameters and
unknown values are ignored: a shared or hand-edited URL never fails.
"""

from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.cache import cache
from django.db.models import Case, Count, F, Value, When
from django.utils.text import capfirst
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from cooperation.models import OpportunityPage, SectorGroup, StrategyAreaPage
from core.content_version import content_version
from core.models import County, PartnerRegion, Sector
from core.public import public
from core.sorting import sort_key, stored_order

PAGE_SIZE = 12
# Result pages a link may name; any number past it is "past the end" (the paginator shows the
# last page), so junk numbers share one cache key.
MAX_PAGE = 10_000
OPTIONS_TIMEOUT = 24 * 60 * 60
STAGE_RANK = {value: rank for rank, (value, _label) in enumerate(OpportunityPage.Stage.choices)}


@dataclass
class Option:
    value: str  # in URLs
    label: str
    target: object  # what the filtered field stores: a primary key or a choice value
    legacy: str = ""  # the value older, id-based URLs used for it


def keyed_option(obj, label):
    """Loaded objects go by their plan key; one created in the admin (no key) by its id."""
    if obj.plan_key:
        return Option(obj.plan_key, label, obj.pk, legacy=str(obj.pk))
    return Option(str(obj.pk), label, obj.pk)


@dataclass
class Facet:
    param: str  # the GET parameter
    lookup: str  # the OpportunityPage field (or relation path) it filters
    legend: str
    options: list = field(default_factory=list)
    many: bool = False  # a many-valued relation (filtered through a subquery)
    selected: list = field(default_factory=list)  # selected Options
    from_old_url: bool = False  # some value was given as a database id
    counts: dict = field(default_factory=dict)  # target → number of results

    def read(self, query):
        by_value = {option.value: option for option in self.options}
        by_legacy = {option.legacy: option for option in self.options if option.legacy}
        self.selected = []
        for raw in dict.fromkeys(query.getlist(self.param)):
            option = by_value.get(raw) or by_legacy.get(raw)
            if option is None or option in self.selected:
                continue
            self.selected.append(option)
            self.from_old_url |= raw not in by_value

    @property
    def targets(self):
        return [option.target for option in self.selected]

    def apply(self, queryset):
        if not self.selected:
            return queryset
        if self.many:
            # A subquery keeps the outer query free of m2m joins, hence of duplicate rows.
            matching = OpportunityPage.objects.filter(**{f"{self.lookup}__in": self.targets})
            return queryset.filter(pk__in=matching.values("pk"))
        return queryset.filter(**{f"{self.lookup}__in": self.targets})

    def admits(self, target):
        return not self.selected or target in self.targets

    def count(self, queryset):
        # distinct: one opportunity reaches a sector group through each of its sectors.
        rows = queryset.order_by().values(self.lookup).annotate(total=Count("pk", distinct=True))
        self.counts = {row[self.lookup]: row["total"] for row in rows}

    def choices(self):
        """What the template renders: the options that would give results, and the ticked ones."""
        return [
            {
                "value": option.value,
                "label": capfirst(option.label),
                "count": self.counts.get(option.target, 0),
                "checked": option in self.selected,
                "id": f"filter-{self.param}-{option.value}",
            }
            for option in self.options
            if option in self.selected or self.counts.get(option.target, 0)
        ]


def named_options(model):
    options = [keyed_option(obj, obj.name) for obj in model.objects.all()]
    return sorted(options, key=lambda option: sort_key(option.label))


def region_options(area_values):
    """Partner regions; a region that is also a strategy area ("Yangtze River Delta") says which
    it is, so the two checkboxes are not mistaken for one."""
    options = named_options(PartnerRegion)
    for option in options:
        if option.value in area_values:
            option.label = _("%(name)s (as a partner region)") % {"name": capfirst(option.label)}
    return options


def named_facet_options():
    """The options of the facets that come from the database, in the current language: the same
    for every request until content changes, so read from the cache."""
    key = f"listing-options:{content_version()}:{get_language()}"
    options = cache.get(key)
    if options is None:
        areas = (
            public(StrategyAreaPage.objects.all())
            .order_by("chapter")
            .only("id", "plan_key", "short_title")
        )
        area_options = [keyed_option(area, area.short_title) for area in areas]
        options = {
            "group": [Option(g.key, g.name, g.pk) for g in SectorGroup.objects.all()],
            "area": area_options,
            "sector": named_options(Sector),
            "county": named_options(County),
            "region": region_options({option.value for option in area_options}),
        }
        cache.set(key, options, OPTIONS_TIMEOUT)
    return options


def build_facets():
    options = named_facet_options()
    return [
        Facet("group", "sectors__groups", _("Sector group"), options["group"], many=True),
        Facet("area", "strategy_area", _("Strategy area"), options["area"]),
        Facet("sector", "sectors", _("Sector"), options["sector"], many=True),
        Facet("county", "counties", _("County or district"), options["county"], many=True),
        Facet("region", "regions", _("Partner region"), options["region"], many=True),
        Facet("kind", "kind", _("Kind"), choice_options(OpportunityPage.Kind)),
        Facet("stage", "stage", _("Stage"), choice_options(OpportunityPage.Stage)),
    ]


def choice_options(choices):
    return [Option(value, label, value) for value, label in choices.choices]


def stage_order():
    ranks = [When(stage=value, then=Value(rank)) for value, rank in STAGE_RANK.items()]
    return Case(*ranks, default=Value(len(STAGE_RANK)))


# What each sort orders by, in the database, so that a result page reads only its own rows; ties
# fall back to plan order.
SORTS = {
    "title": (_("Title"), lambda: [stored_order("title")]),
    "stage": (_("Stage"), lambda: [stage_order(), stored_order("title")]),
    "area": (_("Strategy area"), lambda: [F("strategy_area__chapter"), stored_order("title")]),
}
DEFAULT_SORT = "title"


class Counted:
    """An ordered queryset whose length the facet counts gave already: a paginator reads the one
    page it shows, without a COUNT query."""

    def __init__(self, queryset, count):
        self.queryset = queryset
        self.total = count

    def count(self):
        return self.total

    def __len__(self):
        return self.total

    def __getitem__(self, index):
        if isinstance(index, slice):
            # The database orders narrow rows to find the page's ids, then reads those rows whole:
            # a third of the time of sorting every wide row.
            return self.queryset.filter(pk__in=self.queryset.values("pk")[index])
        return self.queryset[index]

    def __iter__(self):
        return iter(self.queryset)


class OpportunityListing:
    """Everything the listing, its exports and its counts need, read from one request."""

    def __init__(self, index_page, query):
        self.query = query
        self.index_page = index_page
        self.base = public(OpportunityPage.objects.child_of(index_page))
        self.facets = build_facets()
        for facet in self.facets:
            facet.read(query)
        sort = query.get("sort")
        self.sort = sort if sort in SORTS else DEFAULT_SORT
        self.total = None  # the number of results, once count_options has run

    @property
    def from_old_url(self):
        """Whether the URL named options by database id, so it should be redirected."""
        return any(facet.from_old_url for facet in self.facets)

    def filtered(self, skip=()):
        queryset = self.base
        for facet in self.facets:
            if facet not in skip:
                queryset = facet.apply(queryset)
        return queryset

    def count_options(self):
        """Set each facet's counts."""
        many = [facet for facet in self.facets if facet.many]
        single = [facet for facet in self.facets if not facet.many]
        for facet in many:
            facet.count(self.filtered(skip=[facet]))
        # The single-valued facets share one grouped query over the many-valued filters; each
        # facet then adds up the groups that the *other* single-valued filters admit.
        groups = list(
            self.filtered(skip=single)
            .order_by()
            .values(*[facet.lookup for facet in single])
            .annotate(total=Count("pk"))
        )

        def admitted(group, facets):
            return all(facet.admits(group[facet.lookup]) for facet in facets)

        for facet in single:
            others = [other for other in single if other is not facet]
            facet.counts = Counter()
            for group in groups:
                if admitted(group, others):
                    facet.counts[group[facet.lookup]] += group["total"]
        self.total = sum(group["total"] for group in groups if admitted(group, single))

    def matching(self, *prefetch):
        """The matching opportunities in plan order, with `prefetch` relations loaded."""
        found = self.filtered().select_related("strategy_area").prefetch_related(*prefetch)
        return found.order_by("path")

    def results(self, *prefetch):
        """The matching opportunities in the visitor's chosen order: a queryset, so that a page of
        them reads (and prefetches `prefetch` for) only its own rows; counted once the options
        are."""
        ordered = self.in_order(self.matching(*prefetch))
        return ordered if self.total is None else Counted(ordered, self.total)

    def order(self):
        return [*SORTS[self.sort][1](), F("path")]

    def in_order(self, opportunities):
        """The queryset `opportunities` in the visitor's chosen order."""
        return opportunities.order_by(*self.order())

    def newest_first(self):
        """The matching opportunities, the most recently published first, and those published at
        the same time in the reverse of the visitor's order."""
        reverse = [key.desc() for key in self.order()]
        return self.matching().order_by(F("last_published_at").desc(), *reverse)

    @property
    def active(self):
        return any(facet.selected for facet in self.facets)

    def selected_labels(self):
        """The chosen options' labels, in the active language."""
        return [str(option.label) for facet in self.facets for option in facet.selected]

    def sort_choices(self):
        return [
            {"value": key, "label": label, "selected": key == self.sort}
            for key, (label, _order) in SORTS.items()
        ]

    def querystring(self):
        """The current filter and sort, cleaned of anything unknown, for links and exports."""
        pairs = [(facet.param, option.value) for facet in self.facets for option in facet.selected]
        if self.sort != DEFAULT_SORT:
            pairs.append(("sort", self.sort))
        return urlencode(pairs)


def page_number(value):
    """`?page=` as Django's paginator reads it: None for page 1 (also what it shows for a value
    that is no integer), the number, or MAX_PAGE + 1 for a number past either end (it shows the
    last page for those)."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    if number == 1:
        return None
    return number if 1 < number <= MAX_PAGE else MAX_PAGE + 1


def listing_query(index_page, query):
    """The listing's filters, sort and result page, as it reads them (core/page_query.py)."""
    number = page_number(query.get("page"))
    result_page = urlencode({"page": number}) if number else ""
    filters = OpportunityListing(index_page, query).querystring()
    return "&".join(filter(None, [filters, result_page]))
