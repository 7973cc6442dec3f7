"""Admin reports on the search analytics (Reports menu), exportable as CSV/XLSX."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

from portal.spreadsheets import SafeCsvExportMixin
from search import analytics

HEADINGS = {
    "query": _("Query"),
    "language": _("Language"),
    "searches": _("Searches"),
    "zero": _("Searches without results"),
    "clicks": _("Searches with a result opened"),
    "click_through": _("Click-through"),
}


def report_columns(fields):
    return [Column(field, label=HEADINGS[field]) for field in fields]


class SearchReport(SafeCsvExportMixin, ReportView):
    header_icon = "search"


class SearchQueriesReport(SearchReport):
    """Most searched queries of the last 90 days; `?zero=1`: only those that found nothing;
    `?language=en|zh-hans`: one language."""

    index_url_name = "search_queries_report"
    index_results_url_name = "search_queries_report_results"
    export_filename = "search-queries"
    list_export = ["query", "language", "searches", "zero", "clicks", "click_through"]
    export_headings = HEADINGS
    columns = report_columns(list_export)

    @property
    def zero_only(self):
        return self.request.GET.get("zero") == "1"

    def get_page_title(self):
        return _("Searches without results") if self.zero_only else _("Top searches")

    def get_queryset(self):
        language = self.request.GET.get("language")
        return analytics.query_report(
            language if language in ("zh-hans", "en") else None, zero_results=self.zero_only
        )


class SearchClickThroughReport(SearchReport):
    index_url_name = "search_click_through_report"
    index_results_url_name = "search_click_through_report_results"
    page_title = _("Search click-through per language")
    export_filename = "search-click-through"
    list_export = ["language", "searches", "clicks", "click_through"]
    export_headings = HEADINGS
    columns = report_columns(list_export)

    def get_queryset(self):
        return [
            {
                "language": language,
                "searches": searches,
                "clicks": clicks,
                "click_through": f"{clicks / searches:.0%}",
            }
            for language, (searches, clicks) in sorted(
                analytics.click_through_by_language().items()
            )
        ]
