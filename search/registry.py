"""Which pages are searchable, and what each one contributes to the index.

The mapping lives here, not on the page models, so search owns everything about search: a
page's kind, its facets (strategy area, counties, sectors, date) and its text per language.
"""

from collections import defaultdict
from dataclasses import dataclass

from django.apps import apps
from django.core.cache import cache
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator
from wagtail.models import Page

from core.clauses import ABOUT_CHAPTERS
from core.content_version import content_version
from core.i18n import localized_field
from core.models import County, Sector
from core.public import public
from search import clauses

LANGUAGES = ("zh-hans", "en")
# Page fields every page has; the body is built from each model's other translated fields.
PAGE_FIELDS = {"title", "slug", "url_path", "seo_title", "search_description"}

KIND_LABELS = {
    "strategy-area": _("Strategy area"),
    "programme": _("Programme"),
    "opportunity": _("Opportunity"),
    "attraction": _("Attraction"),
    "route": _("Tourism route"),
    "event": _("Event"),
    "news": _("News"),
    "about": _("About the plan"),
}


@dataclass(frozen=True)
class Searchable:
    kind: str
    select_related: tuple = ()
    prefetch_related: tuple = ()
    date_field: str | None = None
    # Dotted attribute paths to the page's counties and sectors (a relation or one object).
    counties: str | None = None
    sectors: str | None = None


# Keyed by model label, not imported: search depends on no content app (see README, Layout).
SEARCHABLE = {
    "cooperation.StrategyAreaPage": Searchable("strategy-area"),
    "cooperation.ProgrammePage": Searchable(
        "programme", prefetch_related=("sectors",), sectors="sectors"
    ),
    "cooperation.OpportunityPage": Searchable(
        "opportunity",
        prefetch_related=("sectors", "counties"),
        counties="counties",
        sectors="sectors",
    ),
    "tourism.AttractionPage": Searchable(
        "attraction", select_related=("county",), counties="county"
    ),
    "tourism.RoutePage": Searchable("route"),
    "tourism.EventPage": Searchable(
        "event",
        select_related=("attraction__county",),
        date_field="start_date",
        counties="attraction.county",
    ),
    "home.NewsPage": Searchable("news", date_field="date"),
    "home.AboutPlanPage": Searchable("about", date_field="issued"),
    "home.IndicatorPage": Searchable("about"),
}


def searchable_models():
    """{model: Searchable} for every searchable page type."""
    return {apps.get_model(label): spec for label, spec in SEARCHABLE.items()}


def searchable_pages(model):
    """Public pages of one searchable model, with what building their documents needs."""
    spec = SEARCHABLE[model._meta.label]
    return (
        public(model.objects.all())
        .select_related(*spec.select_related)
        .prefetch_related(*spec.prefetch_related)
        .order_by("path")
    )


def live_searchable_pages(page_ids):
    """{id: the live searchable page with that id, or None (deleted, unpublished or not
    searchable)}, with one query per model rather than per page."""
    found = dict.fromkeys(page_ids)
    ids_by_model = defaultdict(list)
    for page in public(Page.objects.filter(pk__in=page_ids)):
        if page.specific_class._meta.label in SEARCHABLE:
            ids_by_model[page.specific_class].append(page.pk)
    for model, ids in ids_by_model.items():
        found.update((page.pk, page) for page in searchable_pages(model).filter(pk__in=ids))
    return found


def translated(obj, name, language):
    return getattr(obj, localized_field(name, language)) or ""


def _text(model, name, value):
    if not value:
        return ""
    model_field = model._meta.get_field(name)
    if hasattr(model_field, "get_searchable_content"):
        return " ".join(str(part) for part in model_field.get_searchable_content(value))
    return str(value)


def page_body(page, language):
    """The page's own translated text in `language`, as plain text."""
    model = type(page)
    parts = (
        _text(model, name, translated(page, name, language))
        for name in translator.get_options_for_model(model).get_field_names()
        if name not in PAGE_FIELDS
    )
    return " ".join(part for part in parts if part)


def _related(page, path):
    """The objects at a dotted attribute path: a relation's members, or the one object."""
    if not path:
        return []
    value = page
    for name in path.split("."):
        value = getattr(value, name)
        if value is None:
            return []
    return list(value.all()) if hasattr(value, "all") else [value]


def _counties(page):
    return _related(page, SEARCHABLE[page._meta.label].counties)


def _sectors(page):
    return _related(page, SEARCHABLE[page._meta.label].sectors)


def _chapter(page):
    return getattr(page, "chapter", None) or getattr(page, "clause_chapter", None)


def page_facets(page, areas_by_chapter):
    """{facet: [language-neutral plan keys]} for strategy area, county and sector."""
    area = areas_by_chapter.get(_chapter(page))
    return {
        "strategy_area": [area.plan_key] if area else [],
        "county": [c.plan_key for c in _counties(page)],
        "sector": [s.plan_key for s in _sectors(page)],
    }


def facet_names(page, language):
    """Names of the page's counties and sectors in `language`, searchable with its text."""
    return [translated(obj, "name", language) for obj in _counties(page) + _sectors(page)]


LABELS_TIMEOUT = 24 * 60 * 60  # a new content version makes old keys unreachable


def facet_labels(language):
    """{facet: {plan key: label in `language`}}, for showing facet values to visitors.

    Every search page shows them: they are cached under the content version, which any publish
    or snippet edit changes, so a renamed county or area shows at once without a query per
    search."""
    key = f"search:facet-labels:{language}:{content_version()}"
    labels = cache.get(key)
    if labels is None:
        strategy_area_page = apps.get_model("cooperation", "StrategyAreaPage")
        labels = {
            "strategy_area": {
                area.plan_key: translated(area, "short_title", language)
                for area in strategy_area_page.objects.all()
            },
            "county": {c.plan_key: translated(c, "name", language) for c in County.objects.all()},
            "sector": {s.plan_key: translated(s, "name", language) for s in Sector.objects.all()},
        }
        cache.set(key, labels, timeout=LABELS_TIMEOUT)
    return labels


def page_clauses(page):
    """(keys of the clauses the page cites, keys of the clauses whose text it publishes)."""
    label = page._meta.label
    if label == "cooperation.StrategyAreaPage":
        own = clauses.cited(page.chapter, box=page.box_number)
        return own, own
    if label == "cooperation.ProgrammePage":
        return clauses.cited(page.chapter, page.section), [clauses.key(page.chapter, page.section)]
    if label == "home.AboutPlanPage":
        own = [clauses.key(chapter) for chapter in ABOUT_CHAPTERS]
        return own, own
    chapter = getattr(page, "clause_chapter", None)
    section, box = getattr(page, "clause_section", None), getattr(page, "clause_box", None)
    return clauses.cited(chapter, section, box), []


def strategy_areas_by_chapter():
    strategy_area_page = apps.get_model("cooperation", "StrategyAreaPage")
    return {area.chapter: area for area in strategy_area_page.objects.all()}


class DocumentBuilder:
    """Builds the per-language index documents of pages; strategy areas are looked up once."""

    def __init__(self):
        self.areas_by_chapter = strategy_areas_by_chapter()

    def build(self, page):
        """{language: fields} for one specific page (see search/documents.py for the mapping)."""
        spec = SEARCHABLE[page._meta.label]
        date = getattr(page, spec.date_field) if spec.date_field else None
        if date is None and page.last_published_at:
            date = page.last_published_at.date()
        facets = page_facets(page, self.areas_by_chapter)
        cited, own = page_clauses(page)
        documents = {}
        for language in LANGUAGES:
            with translation.override(language):
                url = page.get_url(None)
            documents[language] = {
                "page_id": page.pk,
                "plan_key": page.plan_key,
                "kind": spec.kind,
                "title": translated(page, "title", language),
                "body": " ".join([page_body(page, language), *facet_names(page, language)]),
                "url": url,
                **facets,
                "clauses": cited,
                "clause_own": own,
                "date": date,
            }
        for language, other in zip(LANGUAGES, reversed(LANGUAGES), strict=True):
            documents[language]["other_title"] = documents[other]["title"]
        return documents
