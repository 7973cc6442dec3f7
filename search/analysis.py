"""Language analysis done in Python, for documents and queries alike.

The Elasticsearch we run (the integ-test distribution) has only core analysis: its `standard`
tokenizer cuts Chinese into single characters and nothing stems English. So texts are analysed
here and indexed as space-separated tokens into `whitespace` fields (see search/README.md):

- Chinese: Traditional → Simplified (OpenCC t2s), jieba's search segmentation into words; every
  pair of adjacent Han characters (bigrams) and every single character (unigrams) go into their
  own, lower-boosted fields, so 农谷 inside 中原农谷, 河 alone or 万山 for 万仙山 still match.
  Chinese stop words (的, 和 …) are dropped everywhere.
- English: lowercase words, Snowball-stemmed, without stop words.
- Pinyin: toneless syllables ("wan xian shan"), the joined title ("wanxianshan"), each word
  joined ("zhengzhou dushiquan") and, for the body, adjacent syllable pairs ("wan_xian"), so
  pinyin, pinyin typos and Chinese homophone typos match.
- A query is cut into script parts (Han / Latin), each analysed by its own language.
"""

import re
import threading
from functools import cache, lru_cache
from itertools import pairwise

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
SCRIPT_RUN = re.compile(f"([{HAN}]+)|[A-Za-z0-9\u00c0-\u024f]+")
ENGLISH_STOP_WORDS = frozenset(
    ["a", "an", "and", "are", "as", "at", "be", "by", "for", "from", "in", "into", "is", "it"]
    + ["of", "on", "or", "the", "to", "with"]
)
# Function words that occur in nearly every Chinese text: alone they match everything.
CHINESE_STOP_WORDS = frozenset(
    [
        "的",
        "地",
        "得",
        "了",
        "着",
        "和",
        "与",
        "及",
        "或",
        "并",
        "在",
        "是",
        "之",
        "其",
        "等",
        "为",
        "以",
        "于",
        "而",
        "也",
        "把",
        "被",
        "对",
    ]
)
# Elasticsearch refuses a query with more clauses than `indices.query.bool.max_clause_count`
# or terms longer than it can store; no visitor means more than this many words or characters.
MAX_QUERY_TOKENS = 32
MAX_QUERY_LENGTH = 200


@cache
def _t2s():
    return opencc.OpenCC("t2s")


@cache
def _s2t():
    return opencc.OpenCC("s2t")


_per_thread = threading.local()


def _stemmer():
    """One stemmer per thread: a Snowball stemmer keeps the word it works on in itself, so two
    threads sharing one (gunicorn's gthread workers) corrupt each other's words."""
    stemmer = getattr(_per_thread, "stemmer", None)
    if stemmer is None:
        stemmer = _per_thread.stemmer = snowballstemmer.stemmer("english")
    return stemmer


def simplified(text):
    return _t2s().convert(text)


def traditional(text):
    return _s2t().convert(text)


def normalise(text):
    """Simplified, lowercased text without spaces or punctuation: for whole-title comparison."""
    return "".join(WORD.findall(simplified(text).lower()))


def latin_words(text):
    """Lowercased Latin-script words without stop words, as written (not stemmed)."""
    return [w for w in LATIN_WORD.findall(text.lower()) if w not in ENGLISH_STOP_WORDS]


def stem(word):
    return _stemmer().stemWord(word)


def english_tokens(text):
    return _stemmer().stemWords(latin_words(text))


def chinese_words(text):
    """jieba search-mode words (without stop words) and lowercased Latin words, in order."""
    tokens = []
    for word in jieba.cut_for_search(simplified(text).lower()):
        if HAN_RUN.fullmatch(word):
            if word not in CHINESE_STOP_WORDS:
                tokens.append(word)
        else:
            tokens.extend(LATIN_WORD.findall(word))
    return tokens


def han_bigrams(text):
    return [
        run[i : i + 2] for run in HAN_RUN.findall(simplified(text)) for i in range(len(run) - 1)
    ]


def han_characters(text):
    return [c for c in "".join(HAN_RUN.findall(simplified(text))) if c not in CHINESE_STOP_WORDS]


def words(text):
    """The words of `text` as written (Simplified), for marking and database matching."""
    return [
        word
        for word in jieba.cut(simplified(text))
        if (HAN_RUN.fullmatch(word) and word not in CHINESE_STOP_WORDS)
        or (LATIN_WORD.fullmatch(word) and word.lower() not in ENGLISH_STOP_WORDS)
    ]


def query_words(text):
    """The words a database search requires: without stop words, and without single Latin
    letters ("Dragon's" → dragon) unless they are all there is ("R&D" → r, d)."""
    found = words(text)
    longer = [w for w in found if not (len(w) == 1 and LATIN_WORD.fullmatch(w))]
    return [w.lower() for w in (longer or found)]


def word_pattern(found):
    """A regex marking `found` (query_words) in a text: Chinese words anywhere, Latin words
    whole, in any inflection with the same stem (city marks cities)."""
    alternatives = []
    for word in sorted(found, key=len, reverse=True):
        if HAN_RUN.fullmatch(word):
            alternatives.append(re.escape(word))
        else:
            forms = "|".join(inflections(word))
            alternatives.append(f"(?<![A-Za-z0-9])(?:{forms})(?![A-Za-z0-9])")
    return re.compile("|".join(alternatives), re.IGNORECASE) if alternatives else None


def tokens(text, language):
    """Index or query word tokens of `text` analysed as `language` ("zh-hans" or "en")."""
    return chinese_words(text) if language == "zh-hans" else english_tokens(text)


def script_parts(text):
    """[(part, language)]: runs of Han text are Chinese, runs of Latin-script words English
    ("新乡 new energy" → [("新乡", "zh-hans"), ("new energy", "en")])."""
    text = simplified(text)
    parts = []  # [start, end, language]
    for run in SCRIPT_RUN.finditer(text):
        language = "zh-hans" if run.group(1) else "en"
        if parts and parts[-1][2] == language:
            parts[-1][1] = run.end()
        else:
            parts.append([run.start(), run.end(), language])
    return [(text[start:end], language) for start, end, language in parts]


def limited(text):
    """`text` cut after MAX_QUERY_LENGTH characters and MAX_QUERY_TOKENS words (a Chinese
    character counts as a word), so every query stays within what Elasticsearch accepts (clauses
    per query, term length). Longer queries are cut, not refused."""
    text = text[:MAX_QUERY_LENGTH]
    found = list(WORD.finditer(text))
    if len(found) <= MAX_QUERY_TOKENS:
        return text
    return text[: found[MAX_QUERY_TOKENS - 1].end()]


def pinyin_syllables(text):
    """Toneless pinyin of the Han characters in `text`, one syllable per character."""
    return [s for run in HAN_RUN.findall(simplified(text)) for s in lazy_pinyin(run)]


def pinyin_pairs(text):
    """Each two adjacent toneless syllables of every Han run, joined: 比干庙 → bi_gan gan_miao.
    All pairs of a query in a text find the same homophones as a phrase of its syllables, as a
    term lookup instead of reading the positions of every syllable of long texts."""
    pairs = []
    for run in HAN_RUN.findall(simplified(text)):
        pairs += [f"{a}_{b}" for a, b in pairwise(lazy_pinyin(run))]
    return pairs


def pinyin_words(text):
    """Toneless pinyin of each Chinese word of `text`, joined: 郑州都市圈 → zhengzhou dushiquan."""
    return [
        "".join(lazy_pinyin(word))
        for word in jieba.cut(simplified(text))
        if HAN_RUN.fullmatch(word) and word not in CHINESE_STOP_WORDS
    ]


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


# English endings tried when looking for the words a stem came from (highlighting).
ENDINGS = ("", "s", "es", "ed", "ing", "ion", "ions")


@lru_cache(maxsize=4096)
def inflections(word):
    """Words with the same Snowball stem as `word`, from common endings: cities → city, cities.

    Highlighting marks these in the original text, where only the stem was matched. Remembered
    per word: stemming the two dozen candidates was most of an English query's analysis.
    """
    word = word.lower()
    root = stem(word)
    bases = {root, word, root + "e", root[:-1] + "y" if root.endswith("i") else root}
    candidates = {base + ending for base in bases for ending in ENDINGS}
    return tuple(sorted(c for c in candidates if stem(c) == root))
