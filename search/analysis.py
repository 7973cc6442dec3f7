"""Language analysis done in Python, for documents and queries alike.

The Elasticsearch we run (the integ-test distribution) has only core analysis: its `standard`
tokenizer cuts Chinese into single characters and nothing stems English. So texts are analysed
here and indexed as space-separated tokens into `whitespace` fields (see search/README.md):

- Chinese: Traditional → Simplified (OpenCC t2s), jieba's search segmentation, plus every pair of
  adjacent Han characters so a word inside a longer run (农谷 in 中原农谷) is still found.
- English: lowercase words, Snowball-stemmed, without stop words.
- Pinyin: toneless syllables of a title ("wan xian shan") and the joined form ("wanxianshan").
"""

import re
from functools import cache

import jieba
import opencc
import snowballstemmer
from pypinyin import lazy_pinyin
from pypinyin.pinyin_dict import pinyin_dict

jieba.setLogLevel(60)  # jieba logs its dictionary loading at INFO on the root logger

HAN = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
HAN_RUN = re.compile(f"[{HAN}]+")
WORD = re.compile(f"[{HAN}]|[^\\W_]+", re.UNICODE)
LATIN_WORD = re.compile(r"[^\W_]+", re.ASCII)
ENGLISH_STOP_WORDS = frozenset(
    ["a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it"]
    + ["of", "on", "or", "the", "to", "with"]
)


@cache
def _t2s():
    return opencc.OpenCC("t2s")


@cache
def _stemmer():
    return snowballstemmer.stemmer("english")


def simplified(text):
    return _t2s().convert(text)


def normalise(text):
    """Simplified, lowercased text without spaces or punctuation: for whole-title comparison."""
    return "".join(WORD.findall(simplified(text).lower()))


def english_tokens(text):
    words = [w for w in LATIN_WORD.findall(text.lower()) if w not in ENGLISH_STOP_WORDS]
    return _stemmer().stemWords(words)


def chinese_tokens(text):
    """jieba search-mode words, Han bigrams and lowercased Latin words, in reading order."""
    text = simplified(text).lower()
    tokens = []
    for word in jieba.cut_for_search(text):
        if HAN_RUN.fullmatch(word):
            tokens.append(word)
        else:
            tokens.extend(LATIN_WORD.findall(word))
    for run in HAN_RUN.findall(text):
        tokens.extend(run[i : i + 2] for i in range(len(run) - 1))
    return tokens


def words(text):
    """The words of `text` as written (Simplified), for marking and database matching."""
    return [
        word
        for word in jieba.cut(simplified(text))
        if HAN_RUN.fullmatch(word) or LATIN_WORD.fullmatch(word)
    ]


def tokens(text, language):
    """Index or query tokens of `text` analysed as `language` ("zh-hans" or "en")."""
    return chinese_tokens(text) if language == "zh-hans" else english_tokens(text)


def pinyin_syllables(text):
    """Toneless pinyin of the Han characters in `text`, one syllable per character."""
    return [s for run in HAN_RUN.findall(simplified(text)) for s in lazy_pinyin(run)]


@cache
def _toneless_syllables():
    from pypinyin import Style
    from pypinyin.style import convert

    return frozenset(
        convert(reading, Style.NORMAL, strict=False)
        for readings in pinyin_dict.values()
        for reading in readings.split(",")
    )


def split_pinyin(text):
    """ "wanxianshan" → ["wan", "xian", "shan"]; None when `text` is not toneless pinyin.

    Fewest syllables wins, which prefers "xian" to "xi an" as readers do.
    """
    syllables = _toneless_syllables()
    words = LATIN_WORD.findall(text.lower())
    if not words or len("".join(words)) > 60:
        return None
    result = []
    for word in words:
        best = [[]] + [None] * len(word)  # best[i]: fewest syllables spelling word[:i]
        for end in range(1, len(word) + 1):
            for start in range(max(0, end - 6), end):
                if best[start] is not None and word[start:end] in syllables:
                    candidate = best[start] + [word[start:end]]
                    if best[end] is None or len(candidate) < len(best[end]):
                        best[end] = candidate
        if best[-1] is None:
            return None
        result.extend(best[-1])
    return result
