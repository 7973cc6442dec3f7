"""Wagtail's Elasticsearch 8 backend (the admin's own search), adapted to this portal.

- Core-only analysis: Wagtail's index settings use the ngram, edge_ngram and asciifolding filters
  of the analysis-common module, which the Elasticsearch we run does not have (see
  scripts/NOTES-services.md): creating its index fails. Its two analyzers are redefined on the
  core `standard` tokenizer; the admin then matches whole words (and single Chinese characters).
- Both languages: Wagtail indexes a page's fields in the active language only, so every
  translation of the model's translated fields (title_zh_hans, title_en, …) is added to the
  document's catch-all and autocomplete text.
- Quoted phrases in an autocomplete (the admin's search box) are searched as their words instead
  of raising "Phrase is not supported for autocomplete".
- Queries are cut to what Elasticsearch accepts, and when Elasticsearch errors or cannot be
  reached the same search is answered by Wagtail's database fallback backend (plain
  `icontains`, no index table needed) instead of an error page.
"""

from django.utils.html import strip_tags
from elasticsearch import ApiError, TransportError
from modelsearch.backends.database.fallback import DatabaseSearchBackend
from modelsearch.query import And, Or, Phrase, PlainText
from modeltranslation.translator import NotRegistered, translator
from wagtail.search.backends.elasticsearch8 import (
    Elasticsearch8AutocompleteQueryCompiler,
    Elasticsearch8Mapping,
    Elasticsearch8SearchBackend,
    Elasticsearch8SearchResults,
)

from search import analysis
from search.registry import FIELD_SUFFIX

CORE_ANALYZER = {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]}
MAX_QUERY_LENGTH = 200


class BilingualMapping(Elasticsearch8Mapping):
    def get_document(self, obj):
        doc = super().get_document(obj)
        try:
            names = translator.get_options_for_model(type(obj)).get_field_names()
        except NotRegistered:
            return doc
        texts = [
            strip_tags(str(value))
            for name in sorted(names)
            for suffix in FIELD_SUFFIX.values()
            if (value := getattr(obj, f"{name}_{suffix}", None))
        ]
        doc["_all_text"] = texts
        titles = [getattr(obj, f"title_{suffix}", "") for suffix in FIELD_SUFFIX.values()]
        doc["_edgengrams"] = [*doc.get("_edgengrams", []), *(t for t in titles if t)]
        return doc


def plain(query):
    """A parsed query as plain text where autocomplete cannot take it as it is."""
    if isinstance(query, Phrase):
        return PlainText(query.query_string)
    if isinstance(query, And | Or):
        parts = [plain(subquery) for subquery in query.subqueries]
        if all(isinstance(part, PlainText) for part in parts):
            return PlainText(" ".join(part.query_string for part in parts))
    return query


class PlainAutocompleteQueryCompiler(Elasticsearch8AutocompleteQueryCompiler):
    mapping_class = BilingualMapping

    def __init__(self, queryset, query, *args, **kwargs):
        super().__init__(queryset, plain(query), *args, **kwargs)


class DatabaseFallbackResults(Elasticsearch8SearchResults):
    """Results that come from the database backend when Elasticsearch fails."""

    fallback = None  # a callable returning the same search on the database backend

    def _on_database(self):
        results = self.fallback()
        results.start, results.stop = self.start, self.stop
        return results

    def _do_search(self):
        try:
            return super()._do_search()
        except (ApiError, TransportError):
            return self._on_database()._do_search()

    def _do_count(self):
        try:
            return super()._do_count()
        except (ApiError, TransportError):
            return self._on_database()._do_count()


class CoreAnalysisElasticsearchBackend(Elasticsearch8SearchBackend):
    mapping_class = BilingualMapping
    autocomplete_query_compiler_class = PlainAutocompleteQueryCompiler
    results_class = DatabaseFallbackResults
    settings = {
        "settings": {
            "analysis": {
                "analyzer": {
                    "ngram_analyzer": CORE_ANALYZER,
                    "edgengram_analyzer": CORE_ANALYZER,
                }
            }
        }
    }

    def __init__(self, params):
        super().__init__(params)
        self.database = DatabaseSearchBackend({})

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        if isinstance(query, str):
            query = analysis.limited(query[:MAX_QUERY_LENGTH])
        results = super()._search(query_compiler_class, query, model_or_queryset, **kwargs)
        if isinstance(results, DatabaseFallbackResults):
            database_compiler = (
                self.database.autocomplete_query_compiler_class
                if query_compiler_class is self.autocomplete_query_compiler_class
                else self.database.query_compiler_class
            )
            results.fallback = lambda: self.database._search(
                database_compiler, plain(query), model_or_queryset, **kwargs
            )
        return results


SearchBackend = CoreAnalysisElasticsearchBackend
