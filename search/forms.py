from django import forms
from django.utils.translation import gettext_lazy as _

from search import analysis
from search.registry import KIND_LABELS, LANGUAGES
from search.results import FACETS, Query

MAX_PAGE = 500


class QueryForm(forms.Form):
    """The search box alone: what the search page and the title suggestions both read."""

    q = forms.CharField(label=_("Search for"), required=False, strip=True)

    def clean_q(self):
        return analysis.limited(self.cleaned_data["q"]).strip()


class SearchForm(QueryForm):
    page = forms.IntegerField(required=False, min_value=1, max_value=MAX_PAGE)
    kind = forms.ChoiceField(required=False, choices=[("", "")] + list(KIND_LABELS.items()))
    strategy_area = forms.CharField(required=False, max_length=200)
    county = forms.CharField(required=False, max_length=200)
    sector = forms.CharField(required=False, max_length=200)

    def to_query(self, language):
        data = self.cleaned_data
        filters = {name: data[name] for name in FACETS if data.get(name)}
        return Query(data["q"], language, filters, data["page"] or 1)


class ApiSearchForm(SearchForm):
    lang = forms.ChoiceField(choices=[(code, code) for code in LANGUAGES], required=False)

    def to_query(self, language=None):
        return super().to_query(self.cleaned_data["lang"] or LANGUAGES[0])
