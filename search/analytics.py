"""Search analytics: every search is recorded (language, query, result count, the result opened),
without anything about the visitor. Reports and the empty search page's popular searches read it.
"""

from django.db.models import Count, Q
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


def query_report(language=None, zero_results=False, days=POPULAR_DAYS):
    """[{query, language, searches, clicks, zero, click_through}], most searched first."""
    since = timezone.localdate() - timezone.timedelta(days=days)
    records = SearchRecord.objects.filter(date__gte=since)
    if language:
        records = records.filter(language=language)
    if zero_results:
        records = records.filter(results=0)
    rows = (
        records.values("query", "language")
        .annotate(
            searches=Count("id"),
            clicks=Count("id", filter=Q(clicked_page__isnull=False)),
            zero=Count("id", filter=Q(results=0)),
        )
        .order_by("-searches", "query")
    )
    return [{**row, "click_through": f"{row['clicks'] / row['searches']:.0%}"} for row in rows]


def click_through_by_language(days=POPULAR_DAYS):
    """{language: (searches, searches with a result opened)}."""
    since = timezone.localdate() - timezone.timedelta(days=days)
    rows = (
        SearchRecord.objects.filter(date__gte=since)
        .values("language")
        .annotate(searches=Count("id"), clicks=Count("id", filter=Q(clicked_page__isnull=False)))
    )
    return {row["language"]: (row["searches"], row["clicks"]) for row in rows}


def popular_terms(language):
    """The most searched queries that found something, recently, in `language`."""
    return [row["query"] for row in query_report(language) if row["zero"] < row["searches"]][
        :POPULAR_COUNT
    ]
