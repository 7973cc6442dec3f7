"""Search analytics: every search is recorded (language, query, result count, the result opened),
without anything about the visitor. Reports and the empty search page's popular searches read it.
"""

from datetime import timedelta

from django.db.models import Count, F, Q
from django.utils import timezone

from search.models import SearchRecord

POPULAR_DAYS = 90
POPULAR_COUNT = 6


def normalised(text):
    """Queries are counted together regardless of case and spacing."""
    return " ".join(text.lower().split())[:200]


def record(query, total):
    """Record a new search (page 1, no filters); returns the record's id for click tracking."""
    return SearchRecord.objects.create(
        language=query.language, query=normalised(query.text), results=total
    ).pk


def record_click(record_id, page):
    SearchRecord.objects.filter(pk=record_id, clicked_page=None).update(clicked_page=page)


# What every report counts per group of searches.
COUNTS = {
    "searches": Count("id"),
    "clicks": Count("id", filter=Q(clicked_page__isnull=False)),
}


def recent(days=POPULAR_DAYS):
    return SearchRecord.objects.filter(date__gte=timezone.localdate() - timedelta(days=days))


def query_rows(language=None, zero_results=False, days=POPULAR_DAYS):
    """Per query and language: searches, clicks and searches without results, most searched
    first, aggregated by the database."""
    records = recent(days)
    if language:
        records = records.filter(language=language)
    if zero_results:
        records = records.filter(results=0)
    return (
        records.values("query", "language")
        .annotate(**COUNTS, zero=Count("id", filter=Q(results=0)))
        .order_by("-searches", "query")
    )


def query_report(language=None, zero_results=False, days=POPULAR_DAYS):
    """[{query, language, searches, clicks, zero, click_through}], most searched first."""
    rows = query_rows(language, zero_results, days)
    return [{**row, "click_through": f"{row['clicks'] / row['searches']:.0%}"} for row in rows]


def click_through_by_language(days=POPULAR_DAYS):
    """{language: (searches, searches with a result opened)}."""
    rows = recent(days).values("language").annotate(**COUNTS)
    return {row["language"]: (row["searches"], row["clicks"]) for row in rows}


def popular_terms(language):
    """The most searched queries that found something, recently, in `language`: one query with
    a LIMIT, not every query of the last 90 days brought into Python."""
    rows = query_rows(language).filter(zero__lt=F("searches"))[:POPULAR_COUNT]
    return [row["query"] for row in rows]
