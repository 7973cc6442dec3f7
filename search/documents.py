"""The index mapping: one index per language, reached through an alias (`<prefix>-<language>`).

Every searchable text is stored twice: as written (`standard` analysis, used by the highlighter
to build snippets) and as tokens analysed in Python (`*_tokens`, `whitespace` analysis, used for
matching and ranking). Only analyzers built into core Elasticsearch are used, so the same index
works on the integ-test distribution we run and on any full installation.
"""

import copy
import hashlib
import json

from django.conf import settings
from django.utils import timezone
from elasticsearch.dsl import (
    Completion,
    Date,
    Document,
    Index,
    Integer,
    Keyword,
    Text,
)

from search import analysis
from search.registry import LANGUAGES

TOKENS = {"analyzer": "whitespace"}  # tokens come lowercased and analysed from search/analysis.py
DISPLAY = {"analyzer": "standard", "term_vector": "with_positions_offsets"}


class PageDocument(Document):
    page_id = Integer()
    plan_key = Keyword()
    # Facets hold language-neutral plan keys. Their global ordinals are built when a refresh
    # makes documents visible, not by the first search after it (after a rebuild, that one
    # waited long enough to time out and open the circuit breaker).
    kind = Keyword(eager_global_ordinals=True)
    strategy_area = Keyword(eager_global_ordinals=True)
    county = Keyword(eager_global_ordinals=True)
    sector = Keyword(eager_global_ordinals=True)
    clauses = Keyword()  # keys of the plan clauses the page cites (search/clauses.py)
    clause_own = Keyword()  # … and of the clause whose text it publishes
    date = Date()
    url = Keyword(index=False)

    title = Text(**DISPLAY)
    title_tokens = Text(**TOKENS)
    title_bigrams = Text(**TOKENS)
    title_characters = Text(**TOKENS)
    title_words = Text(**TOKENS)
    title_exact = Keyword()
    other_title = Text(**DISPLAY)
    other_title_tokens = Text(**TOKENS)
    other_title_words = Text(**TOKENS)
    pinyin = Text(**TOKENS)
    pinyin_exact = Keyword()
    pinyin_words = Text(**TOKENS)
    body = Text(**DISPLAY)
    body_tokens = Text(**TOKENS)
    body_bigrams = Text(**TOKENS)
    body_characters = Text(**TOKENS)
    body_pinyin_pairs = Text(**TOKENS)
    suggest = Completion(analyzer="keyword", search_analyzer="keyword")


# Suggestions of the same quality rank by kind: what visitors most often look for first.
SUGGESTION_KIND_RANK = {"route": 0, "strategy-area": 1, "attraction": 2, "opportunity": 3}


def other_language(language):
    return next(other for other in LANGUAGES if other != language)


def alias_name(language):
    return f"{settings.SEARCH_INDEX_PREFIX}-{language}"


# Raise it when what a field holds changes but the mapping does not (a change to index_source or
# to search/analysis.py that queries rely on): indices built before then need a rebuild too.
DOCUMENT_FORMAT = 2


def schema_version():
    """A fingerprint of the mapping and DOCUMENT_FORMAT, kept in each index's mapping `_meta`:
    an index built under another one is out of date (`search_index rebuild --if-outdated`)."""
    mapping = json.dumps(PageDocument._doc_type.mapping.properties.to_dict(), sort_keys=True)
    return hashlib.sha256(f"{DOCUMENT_FORMAT}:{mapping}".encode()).hexdigest()[:16]


def new_index(language):
    """A fresh, uniquely named index for `language`, with the mapping, not yet created."""
    stamp = timezone.now().strftime("%Y%m%d%H%M%S%f")
    index = Index(f"{alias_name(language)}-{stamp}")
    index.settings(number_of_shards=1, number_of_replicas=settings.SEARCH_INDEX_REPLICAS)
    mapping = copy.deepcopy(PageDocument._doc_type.mapping)
    index.mapping(mapping.meta("_meta", schema=schema_version()))
    return index


def suggestions_for(title):
    """Completion inputs: the whole title and each tail of it starting at a word, so typing a
    word from the middle of a title (农谷 → 中原农谷) suggests it too."""
    text = analysis.simplified(title).lower()
    inputs = {text}
    position = 0
    for word in analysis.jieba.cut(text):
        if position and word.strip():
            inputs.add(text[position:].strip())
        position += len(word)
    return sorted(inputs)


def suggestion_inputs(fields, language, syllables):
    """Completion inputs with weights that rank the suggestions: the title itself before a tail
    of it or its pinyin, then by kind, then shorter titles first."""
    rank = SUGGESTION_KIND_RANK.get(fields["kind"], len(SUGGESTION_KIND_RANK))
    weight = 1000 * (len(SUGGESTION_KIND_RANK) - rank) + max(0, 999 - len(fields["title"]))
    title = analysis.simplified(fields["title"]).lower()
    inputs = [{"input": [title], "weight": 10_000 + weight}]
    others = [
        *suggestions_for(fields["title"]),
        "".join(syllables),
        *suggestions_for(fields["other_title"]),
    ]
    others = [text for text in others if text and text != title]
    if others:
        inputs.append({"input": sorted(set(others)), "weight": weight})
    return inputs


def chinese_fields(title, body):
    """What only the Chinese index's queries read: bigrams, single characters and the body's
    syllable pairs. The English index goes without them (search/query.py never asks it)."""
    return {
        "title_bigrams": " ".join(analysis.han_bigrams(title)),
        "title_characters": " ".join(analysis.han_characters(title)),
        "body_bigrams": " ".join(analysis.han_bigrams(body)),
        "body_characters": " ".join(analysis.han_characters(body)),
        "body_pinyin_pairs": " ".join(analysis.pinyin_pairs(body)),
    }


def index_source(fields, language):
    """The `_source` of one page in the `language` index, from registry.DocumentBuilder output."""
    other = other_language(language)
    chinese_title = fields["title"] if language == "zh-hans" else fields["other_title"]
    syllables = analysis.pinyin_syllables(chinese_title)
    title, body = fields["title"], fields["body"]
    return {
        **fields,
        "title_tokens": " ".join(analysis.tokens(title, language)),
        "title_words": " ".join(analysis.latin_words(title)),
        "title_exact": analysis.normalise(title),
        "other_title_tokens": " ".join(analysis.tokens(fields["other_title"], other)),
        "other_title_words": " ".join(analysis.latin_words(fields["other_title"])),
        "pinyin": " ".join(syllables),
        "pinyin_exact": "".join(syllables),
        "pinyin_words": " ".join(analysis.pinyin_words(chinese_title)),
        "body_tokens": " ".join(analysis.tokens(body, language)),
        **(chinese_fields(title, body) if language == "zh-hans" else {}),
        "suggest": suggestion_inputs(fields, language, syllables),
    }
