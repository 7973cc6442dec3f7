from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from search.models import SearchTerm


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
