"""The opportunities listing: facet filters read from GET parameters, per-option counts, sorting.

Filters combine with AND across facets and OR within one facet. Each option's count is computed
with every *other* facet applied, so a visitor sees how many results ticking it would give.
Unknown parameters and unknown values are ignored: a shared or hand-edited URL never fails.
"""

from collections import Counter
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.cache import cache
from django.db.models import Case, Count, IntegerField, Value, When
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from caching.version import content_version
from cooperation.models import OpportunityPage, StrategyAreaPage
from core.models import County, PartnerRegion, Sector
from core.public import public

PAGE_SIZE = 12
OPTIONS_TIMEOUT = 24 * 60 * 60
STAGE_ORDER = [value for value, _label in OpportunityPage.Stage.choices]


@dataclass
class Facet:
    param: str  # the GET parameter
    lookup: str  # the OpportunityPage field it filters
    legend: str
    options: list = field(default_factory=list)  # [(value, label)], value as a string
    selected: list = field(default_factory=list)
    counts: dict = field(default_factory=dict)

    @property
    def many(self):
        return self.lookup in ("sectors", "counties", "regions")

    def read(self, query):
        known = {value for value, _label in self.options}
        self.selected = [
            value for value in dict.fromkeys(query.getlist(self.param)) if value in known
        ]

    def apply(self, queryset):
        if not self.selected:
            return queryset
        if self.many:
            # A subquery keeps the outer query free of m2m joins, hence of duplicate rows.
            matching = OpportunityPage.objects.filter(**{f"{self.lookup}__in": self.selected})
            return queryset.filter(pk__in=matching.values("pk"))
        return queryset.filter(**{f"{self.lookup}__in": self.selected})

    def admits(self, value):
        return not self.selected or str(value) in self.selected

    def count(self, queryset):
        rows = queryset.order_by().values(self.lookup).annotate(total=Count("pk"))
        self.counts = {str(row[self.lookup]): row["total"] for row in rows}

    def choices(self):
        """What the template renders: one checkbox per option, with its count."""
        return [
            {
                "value": value,
                "label": label,
                "count": self.counts.get(value, 0),
                "checked": value in self.selected,
                "id": f"filter-{self.param}-{value}",
            }
            for value, label in self.options
        ]


def named_options(model):
    return [(str(obj.pk), obj.name) for obj in model.objects.all()]


def named_facet_options():
    """The options of the facets that come from the database, in the current language: the same
    for every request until content changes, so read from the cache."""
    key = f"listing-options:{content_version()}:{get_language()}"
    options = cache.get(key)
    if options is None:
        areas = StrategyAreaPage.objects.live().order_by("chapter").only("id", "short_title")
        options = {
            "area": [(str(area.pk), area.short_title) for area in areas],
            "sector": named_options(Sector),
            "county": named_options(County),
            "region": named_options(PartnerRegion),
        }
        cache.set(key, options, OPTIONS_TIMEOUT)
    return options


def build_facets():
    options = named_facet_options()
    return [
        Facet("area", "strategy_area", _("Strategy area"), options["area"]),
        Facet("sector", "sectors", _("Sector"), options["sector"]),
        Facet("county", "counties", _("County or district"), options["county"]),
        Facet("region", "regions", _("Partner region"), options["region"]),
        Facet("kind", "kind", _("Kind"), list(OpportunityPage.Kind.choices)),
        Facet("stage", "stage", _("Stage"), list(OpportunityPage.Stage.choices)),
    ]


SORTS = {
    "title": (_("Title"), ["title"]),
    "stage": (_("Stage"), ["stage_rank", "title"]),
    "area": (_("Strategy area"), ["strategy_area__chapter", "title"]),
}
DEFAULT_SORT = "title"


class OpportunityListing:
    """Everything the listing, its exports and its counts need, read from one request."""

    def __init__(self, index_page, query):
        self.query = query
        self.base = public(OpportunityPage.objects.child_of(index_page))
        self.facets = build_facets()
        for facet in self.facets:
            facet.read(query)
        sort = query.get("sort")
        self.sort = sort if sort in SORTS else DEFAULT_SORT

    def filtered(self, skip=()):
        queryset = self.base
        for facet in self.facets:
            if facet not in skip:
                queryset = facet.apply(queryset)
        return queryset

    def count_options(self):
        """Set each facet's counts and the total number of results, in four queries."""
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
                    facet.counts[str(group[facet.lookup])] += group["total"]
        self.total = sum(group["total"] for group in groups if admitted(group, single))

    def results(self):
        stage_rank = Case(
            *[When(stage=stage, then=Value(rank)) for rank, stage in enumerate(STAGE_ORDER)],
            output_field=IntegerField(),
        )
        return (
            self.filtered()
            .annotate(stage_rank=stage_rank)
            .select_related("strategy_area")
            .order_by(*SORTS[self.sort][1])
        )

    @property
    def active(self):
        return any(facet.selected for facet in self.facets)

    def sort_choices(self):
        return [
            {"value": key, "label": label, "selected": key == self.sort}
            for key, (label, _fields) in SORTS.items()
        ]

    def querystring(self):
        """The current filter and sort, cleaned of anything unknown, for links and exports."""
        pairs = [(facet.param, value) for facet in self.facets for value in facet.selected]
        if self.sort != DEFAULT_SORT:
            pairs.append(("sort", self.sort))
        return urlencode(pairs)
