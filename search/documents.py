"""The index mapping: one index per language, reached through an alias (`<prefix>-<language>`).

Every searchable text is stored twice: as written (`standard` analysis, used by the highlighter
to build snippets) and as tokens analysed in Python (`*_tokens`, `whitespace` analysis, used for
matching and ranking). Only analyzers built into core Elasticsearch are used, so the same index
works on the integ-test distribution we run and on any full installation.
"""

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
    kind = Keyword()
    strategy_area = Keyword()
    county = Keyword()
    sector = Keyword()
    date = Date()
    url = Keyword(index=False)

    title = Text(**DISPLAY)
    title_tokens = Text(**TOKENS)
    title_exact = Keyword()
    other_title = Text(**DISPLAY)
    other_title_tokens = Text(**TOKENS)
    pinyin = Text(**TOKENS)
    pinyin_exact = Keyword()
    body = Text(**DISPLAY)
    body_tokens = Text(**TOKENS)
    suggest = Completion(analyzer="keyword", search_analyzer="keyword")


def other_language(language):
    return next(other for other in LANGUAGES if other != language)


def alias_name(language):
    return f"{settings.SEARCH_INDEX_PREFIX}-{language}"


def new_index(language):
    """A fresh, uniquely named index for `language`, with the mapping, not yet created."""
    stamp = timezone.now().strftime("%Y%m%d%H%M%S%f")
    index = Index(f"{alias_name(language)}-{stamp}")
    index.settings(number_of_shards=1, number_of_replicas=0)
    index.mapping(PageDocument._doc_type.mapping)
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


def index_source(fields, language):
    """The `_source` of one page in the `language` index, from registry.DocumentBuilder output."""
    other = other_language(language)
    syllables = analysis.pinyin_syllables(
        fields["title"] if language == "zh-hans" else fields["other_title"]
    )
    return {
        **fields,
        "title_tokens": " ".join(analysis.tokens(fields["title"], language)),
        "title_exact": analysis.normalise(fields["title"]),
        "other_title_tokens": " ".join(analysis.tokens(fields["other_title"], other)),
        "pinyin": " ".join(syllables),
        "pinyin_exact": "".join(syllables),
        "body_tokens": " ".join(analysis.tokens(fields["body"], language)),
        "suggest": [
            text for text in [*suggestions_for(fields["title"]), "".join(syllables)] if text
        ],
    }
