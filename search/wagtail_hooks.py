from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import SearchTerm
from search.reports import SearchClickThroughReport, SearchQueriesReport


class SearchTermViewSet(SnippetViewSet):
    model = SearchTerm
    icon = "search"
    list_display = ["zh", "en"]
    panels = [
        FieldPanel("zh"),
        FieldPanel("en"),
        FieldPanel("zh_synonyms"),
        FieldPanel("en_synonyms"),
    ]


register_snippet(SearchTermViewSet)

REPORTS = [
    ("queries", SearchQueriesReport, "search_queries_report"),
    ("click-through", SearchClickThroughReport, "search_click_through_report"),
]


@hooks.register("register_admin_urls")
def search_report_urls():
    urls = []
    for slug, view, name in REPORTS:
        urls += [
            path(f"reports/search-{slug}/", view.as_view(), name=name),
            path(
                f"reports/search-{slug}/results/",
                view.as_view(results_only=True),
                name=f"{name}_results",
            ),
        ]
    return urls


@hooks.register("register_reports_menu_item")
def top_searches_menu_item():
    return MenuItem(_("Top searches"), reverse("search_queries_report"), icon_name="search")


@hooks.register("register_reports_menu_item")
def zero_result_searches_menu_item():
    url = reverse("search_queries_report") + "?zero=1"
    return MenuItem(_("Searches without results"), url, icon_name="search")


@hooks.register("register_reports_menu_item")
def click_through_menu_item():
    url = reverse("search_click_through_report")
    return MenuItem(_("Search click-through per language"), url, icon_name="search")
