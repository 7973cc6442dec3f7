"""Wagtail's Elasticsearch 8 backend (the admin's own search and API v2's `?search=`) with
core-only analysis, cut queries, and the database when Elasticsearch fails.

Wagtail's index settings use the ngram, edge_ngram and asciifolding filters of the
analysis-common module, which the Elasticsearch we run does not have (see
scripts/NOTES-services.md): creating its index fails. Redefining its two analyzers with the
core `standard` tokenizer keeps every mapping valid; the admin then matches whole words
(and single Chinese characters) instead of word prefixes.
"""

import functools
import inspect
import logging

from elastic_transport import TransportError
from elasticsearch import ApiError
from wagtail.search.backends.database.fallback import (
    MATCH_NONE,
    DatabaseSearchBackend,
    DatabaseSearchQueryCompiler,
    DatabaseSearchResults,
)
from wagtail.search.backends.elasticsearch8 import (
    Elasticsearch8SearchBackend,
    Elasticsearch8SearchResults,
)
from wagtail.search.query import Phrase, PlainText

from search import analysis

logger = logging.getLogger(__name__)
CORE_ANALYZER = {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]}
DATABASE = DatabaseSearchBackend({})


def or_database(method):
    """`method` of the results, answered by the database's results when Elasticsearch fails."""

    @functools.wraps(method)
    def answer(results, *args):
        try:
            answer = method(results, *args)
            # The search is a generator: it only reaches Elasticsearch when consumed.
            return list(answer) if inspect.isgenerator(answer) else answer
        except (ApiError, TransportError) as error:
            logger.warning("Wagtail search answered from the database: %s", error)
            return getattr(results.on_database(), method.__name__)(*args)

    return answer


class WordlessTolerantCompiler(DatabaseSearchQueryCompiler):
    """The database's query compiler, except that a text with no word in it (blank, or blank once
    cut: `?search=%20`) matches nothing, as on Elasticsearch, instead of raising TypeError (the
    backend reduces an empty list of words)."""

    def build_database_filter(self, query, boost=1.0):
        if isinstance(query, PlainText) and not query.query_string.split():
            return MATCH_NONE
        return super().build_database_filter(query, boost=boost)


class ResultsWithDatabaseFallback(Elasticsearch8SearchResults):
    """Results that the database answers when Elasticsearch fails, times out or has its circuit
    open: Wagtail's index-free backend, `icontains` on the model's search fields (a translated
    field in the active language). Slower and unranked, but the admin's and API v2's searches
    keep working instead of answering 500."""

    _do_search = or_database(Elasticsearch8SearchResults._do_search)
    _do_count = or_database(Elasticsearch8SearchResults._do_count)
    facet = or_database(Elasticsearch8SearchResults.facet)  # the admin's page types

    def on_database(self):
        compiler = self.query_compiler
        results = DatabaseSearchResults(
            DATABASE,
            WordlessTolerantCompiler(
                compiler.queryset,
                compiler.query,
                fields=compiler.fields,
                order_by_relevance=compiler.order_by_relevance,
            ),
        )
        results.start, results.stop = self.start, self.stop
        results._score_field = self._score_field
        return results


class CoreAnalysisElasticsearchBackend(Elasticsearch8SearchBackend):
    results_class = ResultsWithDatabaseFallback
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

    def autocomplete(self, query, model_or_queryset, **kwargs):
        # Without edge n-grams, autocomplete matches the same whole words as a search, but only
        # in `title` as indexed (Chinese): an English title was never found, and a quoted
        # phrase was a 500 ("Phrase is not supported for autocomplete"). A search covers every
        # translated field, both titles included, and phrases.
        return self.search(query, model_or_queryset, **kwargs)

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        return super()._search(query_compiler_class, limited(query), model_or_queryset, **kwargs)


def limited(query):
    """The admin's and API v2's search terms, cut like the portal's (analysis.limited): a
    10,000-character Chinese term was 10,000 clauses, past Elasticsearch's maxClauseCount (a
    500). API v2 passes a string; the admin parses quotes into a tree of query objects."""
    if isinstance(query, str):
        return analysis.limited(query)
    if isinstance(query, PlainText | Phrase):
        query.query_string = analysis.limited(query.query_string)
    for subquery in getattr(query, "subqueries", ()):
        limited(subquery)
    if hasattr(query, "subquery"):
        limited(query.subquery)
    return query


SearchBackend = CoreAnalysisElasticsearchBackend
