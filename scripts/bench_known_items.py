"""`make bench-known-items`: can a visitor find a page they know? For every live searchable page
in both languages, four queries are made from its title: the exact title, the title minus one
character (Chinese) or word (English), the title in Traditional script, and the title with one
typo (a homophone character in Chinese, two swapped letters in English). Prints MRR (first ten
results) and the share of queries with no result per variant, on Elasticsearch and on the
database fallback. Throwaway test database and `bench-` indices, deleted at the end."""

from collections import defaultdict
from functools import cache
from io import StringIO

import django_env

django_env.setup("portal.settings.test")

from django.conf import settings  # noqa: E402
from elasticsearch import Elasticsearch  # noqa: E402
from pypinyin import lazy_pinyin  # noqa: E402
from search_bench_site import throwaway_site  # noqa: E402

from search import analysis  # noqa: E402
from search.fallback import database_search  # noqa: E402
from search.indexing import all_pages, rebuild  # noqa: E402
from search.query import elasticsearch_search  # noqa: E402
from search.registry import LANGUAGES, translated  # noqa: E402
from search.results import Query  # noqa: E402

VARIANTS = ("exact", "minus one", "traditional", "one typo")
TARGET_MRR = 0.95


@cache
def characters_by_reading():
    """{toneless reading: [common (GB2312) characters read that way]}."""
    found = defaultdict(list)
    for code in range(0x4E00, 0x9FA6):
        character = chr(code)
        try:
            character.encode("gb2312")
        except UnicodeEncodeError:
            continue
        found[lazy_pinyin(character)[0]].append(character)
    return found


def homophone(character):
    """Another common character read the same (toneless), or None."""
    others = [c for c in characters_by_reading()[lazy_pinyin(character)[0]] if c != character]
    return others[0] if others else None


def variants(title, language):
    """{variant: query} made from a title."""
    if language == "zh-hans":
        han = [i for i, c in enumerate(title) if analysis.HAN_RUN.fullmatch(c)]
        middle = han[len(han) // 2] if han else 0
        replacement = homophone(title[middle]) if han else None
        typo = title[:middle] + (replacement or title[middle]) + title[middle + 1 :]
        minus = title[:middle] + title[middle + 1 :] if len(han) > 2 else title
    else:
        words = title.split()
        minus = " ".join(words[:-1]) if len(words) > 1 else title[:-1]
        longest = max(words, key=len)
        i = len(longest) // 2
        swapped = longest[: i - 1] + longest[i] + longest[i - 1] + longest[i + 1 :]
        typo = title.replace(longest, swapped, 1)
    return {
        "exact": title,
        "minus one": minus,
        "traditional": analysis.traditional(title),
        "one typo": typo,
    }


def measure(search):
    """{variant: (MRR, share of zero-result queries, queries)} over every page and language."""
    ranks, empty = defaultdict(list), defaultdict(int)
    for page in all_pages():  # what is indexed: public pages only
        for language in LANGUAGES:
            title = translated(page, "title", language)
            for variant, text in variants(title, language).items():
                results = search(Query(text, language))
                keys = [hit.plan_key for hit in results.hits]
                rank = keys.index(page.plan_key) + 1 if page.plan_key in keys else None
                ranks[variant].append(1 / rank if rank else 0)
                empty[variant] += results.total == 0
    return {
        v: (sum(ranks[v]) / len(ranks[v]), empty[v] / len(ranks[v]), len(ranks[v]))
        for v in VARIANTS
    }


def report(name, figures):
    print(f"\n{name}")
    print(f"{'variant':<14}{'queries':>9}{'MRR':>9}{'no result':>12}")
    for variant, (mrr, empty, count) in figures.items():
        print(f"{variant:<14}{count:>9}{mrr:>9.3f}{empty:>11.1%}")


def main():
    with throwaway_site() as (es, _prefix):
        rebuild(es, out=StringIO(), pages=list(all_pages()))
        # Relevance, not latency: a busy machine must not turn a slow answer into a miss, so
        # this client has no circuit breaker and its searches are not cut at the visitors' timeout.
        patient = Elasticsearch(
            settings.ELASTICSEARCH_URL, request_timeout=60, max_retries=3, retry_on_timeout=True
        )
        on_es = measure(lambda query: elasticsearch_search(patient, query))
        on_database = measure(database_search)
    report("Elasticsearch", on_es)
    report("Database fallback", on_database)
    passed = all(mrr >= TARGET_MRR and empty < 0.02 for mrr, empty, _count in on_es.values())
    print(
        f"\nElasticsearch MRR >= {TARGET_MRR} and < 2 % without result per variant: "
        f"{'yes' if passed else 'NO'}"
    )


if __name__ == "__main__":
    main()
