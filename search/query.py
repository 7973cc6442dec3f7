"""Searching: Elasticsearch when it answers, the database otherwise.

Queries go through the same Python analysis as the documents (search/analysis.py) and only
reach Elasticsearch as `match`/`term` clauses on analysed fields, never as query syntax, so
quotes, brackets, colons or backslashes in a query are just text.
"""

import logging

from elasticsearch import ApiError, TransportError
from elasticsearch.dsl import A, Q, Search

from search import analysis, clauses, termbase
from search.client import get_client
from search.documents import alias_name
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


def match(field, tokens, boost, **options):
    return Q("match", **{field: {"query": " ".join(tokens), "boost": boost, **options}})


MOST = {"minimum_should_match": "2<75%"}
# Fuzzy clauses: one edit (a swap of two letters counts as one) from 3 letters, two from 12,
# never on the first letter, few expansions; boosted below every exact clause so that a typo
# never outranks an exact match. Two edits from 6 letters (plain AUTO) made the fuzzy clauses
# most of an English search's time at 10,000 documents (search/README.md, Measured).
FUZZY = {"fuzziness": "AUTO:3,12", "prefix_length": 1, "max_expansions": 20}


def word_clauses(tokens):
    """The index language's own words: all of them in the title first, then most of them in the
    title or the text."""
    return [
        match("title_tokens", tokens, 6, operator="and"),
        match("title_tokens", tokens, 2, **MOST),
        match("body_tokens", tokens, 1, **MOST),
    ]


def chinese_part(text, language):
    """Clauses for a run of Han text: words, then bigrams and single characters (lower), then
    toneless pinyin, which also finds homophone typos (比甘庙 → bi gan miao → 比干庙)."""
    words = analysis.chinese_words(text)
    characters = analysis.han_characters(text)
    syllables = analysis.pinyin_syllables("".join(characters))
    clauses = []
    if language == "zh-hans" and words:
        bigrams = analysis.han_bigrams(text)
        clauses += [
            *word_clauses(words),
            match("title_bigrams", bigrams, 1.5, operator="and"),
            match("body_bigrams", bigrams, 0.5, operator="and"),
            match("title_characters", characters, 1, operator="and"),
            match("body_characters", characters, 0.2, operator="and"),
        ]
        pairs = analysis.pinyin_pairs("".join(characters))
        if pairs:
            clauses.append(match("body_pinyin_pairs", pairs, 0.3, operator="and"))
    elif words:  # Chinese in the English index: the Chinese title, and names in pinyin
        names = analysis.english_tokens(" ".join(analysis.pinyin_words(text)))
        clauses += [
            match("other_title_tokens", words, 4, **MOST),
            match("title_tokens", names, 3, operator="and"),
            match("body_tokens", names, 1, operator="and"),
        ]
    if syllables:
        clauses += [
            Q("term", pinyin_exact={"value": "".join(syllables), "boost": 8}),
            Q("match_phrase", pinyin={"query": " ".join(syllables), "boost": 3}),
            # Characters left out (万山 → 万仙山), in either index: the title's syllables.
            match("pinyin", syllables, 1, operator="and"),
        ]
    return clauses


def latin_part(text, language):
    """Clauses for a run of Latin-script words: English stems (exact, then fuzzy), the other
    language's title, and toneless pinyin (exact syllables, then fuzzy)."""
    stems = analysis.english_tokens(text)
    written = analysis.latin_words(text)
    clauses = []
    if language == "en" and stems:
        clauses += [
            *word_clauses(stems),
            match("title_words", written, 1, operator="and", **FUZZY),
            match("body_tokens", stems, 0.3, **MOST, **FUZZY),
        ]
    elif stems:  # English in the Chinese index: the English title, Latin words in the text
        own = analysis.chinese_words(text)
        clauses += [
            match("other_title_tokens", stems, 4, **MOST),
            match("other_title_words", written, 1, operator="and", **FUZZY),
            match("title_tokens", own, 3, operator="and"),
            match("body_tokens", own, 1, **MOST),
        ]
    syllables = analysis.split_pinyin(text)
    if syllables:
        clauses += [
            Q("term", pinyin_exact={"value": "".join(syllables), "boost": 20}),
            Q("match_phrase", pinyin={"query": " ".join(syllables), "boost": 5}),
        ]
    joined = "".join(written)
    if len(joined) >= 5:  # toneless pinyin with a typo: Wanxainshan, Zhengzohu
        clauses += [
            Q("fuzzy", pinyin_exact={"value": joined, "boost": 2, **FUZZY}),
            match("pinyin_words", written, 1, operator="and", **FUZZY),
        ]
    return clauses


def expanded(part, language):
    """Clauses for the other names of termbase terms the part mentions (京津冀 → Jing-Jin-Ji),
    weighed by the share of the part the term is: a page naming the term in several ways must
    not outrank the page whose longer title the query names (与大湾区跨境电商合作)."""
    clauses = []
    for share, names in termbase.expansions(part):
        for script, form_tokens in names:
            if script == language:
                clauses += [
                    match("title_tokens", form_tokens, 3 * share, operator="and"),
                    match("body_tokens", form_tokens, 0.5 * share, operator="and"),
                ]
            else:
                clauses.append(match("other_title_tokens", form_tokens, 2 * share, operator="and"))
    return clauses


def matching(text, language):
    """The whole title, clause references (the clause's own page first), then each script part
    of the query analysed in its own language; every part must match."""
    clause_keys, rest = clauses.parse(text)
    should = [Q("term", title_exact={"value": analysis.normalise(text), "boost": 20})]
    for key in clause_keys:
        should += [
            Q("term", clause_own={"value": key, "boost": 40}),
            Q("term", clauses={"value": key, "boost": 10}),
        ]
    parts = []
    for part, script in analysis.script_parts(rest):
        found = chinese_part(part, language) if script == "zh-hans" else latin_part(part, language)
        found += expanded(part, language)
        if found:
            parts.append(Q("bool", should=found, minimum_should_match=1))
    if parts:
        should.append(parts[0] if len(parts) == 1 else Q("bool", must=parts))
    return Q("bool", should=should, minimum_should_match=1)


def highlighting(text, language):
    """What to mark in the `standard`-analysed body: each word as a phrase (so 黄河 marks 黄河,
    not every 河), and in English every word with the same stem (cities → city)."""
    clauses = [Q("match_phrase", body=word) for word in analysis.words(text)]
    if language == "en":
        inflected = {
            form for word in analysis.latin_words(text) for form in analysis.inflections(word)
        }
        if inflected:
            clauses.append(Q("terms", body=sorted(inflected)))
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
    search = search.source(["title", "url", "kind", "plan_key", "page_id"])
    start = (query.page - 1) * PAGE_SIZE
    response = search[start : start + PAGE_SIZE].execute()
    hits = [
        Hit(
            hit.title,
            hit.url,
            hit.kind,
            safe_highlight(first_fragment(hit)),
            hit.plan_key,
            hit.page_id,
        )
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
