"""Wagtail's Elasticsearch 8 backend (the admin's own search) with core-only analysis.

Wagtail's index settings use the ngram, edge_ngram and asciifolding filters of the
analysis-common module, which the Elasticsearch we run does not have (see
scripts/NOTES-services.md): creating its index fails. Redefining its two analyzers with the
core `standard` tokenizer keeps every mapping valid; the admin then matches whole words
(and single Chinese characters) instead of word prefixes.
"""

from wagtail.search.backends.elasticsearch8 import Elasticsearch8SearchBackend

from search import analysis

CORE_ANALYZER = {"type": "custom", "tokenizer": "standard", "filter": ["lowercase"]}


class CoreAnalysisElasticsearchBackend(Elasticsearch8SearchBackend):
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

    def _search(self, query_compiler_class, query, model_or_queryset, **kwargs):
        # The admin's and API v2's search terms are cut like the portal's: a 10,000-character
        # Chinese term was 10,000 clauses, past Elasticsearch's maxClauseCount (a 500).
        if isinstance(query, str):
            query = analysis.limited(query)
        return super()._search(query_compiler_class, query, model_or_queryset, **kwargs)


SearchBackend = CoreAnalysisElasticsearchBackend
