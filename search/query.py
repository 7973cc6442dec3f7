"""Searching: Elasticsearch when it answers, the database otherwise.

Queries go through the same Python analysis as the documents (search/analysis.py) and only
reach Elasticsearch as `match`/`term` clauses on analysed fields, never as query syntax, so
quotes, brackets, colons or backslashes in a query are just text.
"""

import logging

from elasticsearch import ApiError, TransportError
from elasticsearch.dsl import A, Q, Search

from search import analysis
from search.client import get_client
from search.documents import alias_name, other_language
from search.fallback import database_search
from search.results import FACETS, MARK_END, MARK_START, PAGE_SIZE, Hit, Results, safe_highlight

logger = logging.getLogger(__name__)
SNIPPET_LENGTH = 160


def search(query):
    client = get_client()
    if client is not None:
        try:
            return elasticsearch_search(client, query)
        except (ApiError, TransportError) as error:
            logger.warning("Search answered from the database: %s", error)
    return database_search(query)


def matching(text, language):
    """Ranking, best first: the whole title, the title's words, pinyin of the Chinese title,
    the other language's title, then the body."""
    own = " ".join(analysis.tokens(text, language))
    foreign = " ".join(analysis.tokens(text, other_language(language)))
    clauses = [Q("term", title_exact={"value": analysis.normalise(text), "boost": 20})]
    if own:
        clauses += [
            Q("match", title_tokens={"query": own, "operator": "and", "boost": 6}),
            Q("match", title_tokens={"query": own, "minimum_should_match": "2<75%", "boost": 2}),
            Q("match", body_tokens={"query": own, "minimum_should_match": "2<75%"}),
        ]
    if foreign:
        clauses.append(
            Q(
                "match",
                other_title_tokens={"query": foreign, "minimum_should_match": "2<75%", "boost": 4},
            )
        )
    syllables = analysis.split_pinyin(text)
    if syllables:
        clauses += [
            Q("term", pinyin_exact={"value": "".join(syllables), "boost": 20}),
            Q("match_phrase", pinyin={"query": " ".join(syllables), "boost": 5}),
        ]
    return Q("bool", should=clauses, minimum_should_match=1)


def highlighting(text, language):
    """What to mark in the `standard`-analysed body: each word as a phrase (so 黄河 marks 黄河,
    not every 河), and in English also longer forms of each stem (river → rivers)."""
    clauses = [Q("match_phrase", body=word) for word in analysis.words(text)]
    if language == "en":
        clauses += [
            Q("prefix", body=stem) for stem in analysis.english_tokens(text) if len(stem) > 2
        ]
    return Q("bool", should=clauses or [Q("match_none")])


def first_fragment(hit):
    highlight = hit.meta.to_dict().get("highlight", {})
    return next(iter(highlight.get("body", [])), "")


def elasticsearch_search(client, query):
    search = Search(using=client, index=alias_name(query.language)).query(
        matching(query.text, query.language)
    )
    for name, value in query.filters.items():
        search = search.filter("term", **{name: value})
    for name in FACETS:
        search.aggs.bucket(name, A("terms", field=name, size=30))
    search = search.highlight(
        "body",
        fragment_size=SNIPPET_LENGTH,
        number_of_fragments=1,
        no_match_size=SNIPPET_LENGTH,
        pre_tags=[MARK_START],
        post_tags=[MARK_END],
        highlight_query=highlighting(query.text, query.language).to_dict(),
    )
    search = search.source(["title", "url", "kind", "plan_key"])
    start = (query.page - 1) * PAGE_SIZE
    response = search[start : start + PAGE_SIZE].execute()
    hits = [
        Hit(hit.title, hit.url, hit.kind, safe_highlight(first_fragment(hit)), hit.plan_key)
        for hit in response
    ]
    facets = {
        name: [(b.key, b.doc_count) for b in response.aggregations[name].buckets] for name in FACETS
    }
    return Results(query, response.hits.total.value, hits, facets, backend="elasticsearch")


def suggest(client, text, language, size=6):
    """Titles starting with what the visitor typed (or with one of its words, or its pinyin)."""
    prefix = analysis.simplified(text).lower().strip()
    search = Search(using=client, index=alias_name(language)).source(["title", "url"])
    search = search.suggest("titles", prefix, completion={"field": "suggest", "size": size})
    options = search.execute().suggest.titles[0].options
    return [{"title": o._source.title, "url": o._source.url} for o in options]
