"""Search on the database, for when Elasticsearch is not configured or does not answer.

Each word of the query must occur in a title in either language or in the page's text in the
visitor's language: Chinese words (jieba) anywhere, so 农谷 is found inside 中原农谷; Latin words
as whole words, in any inflection with the same stem; stop words are ignored. The facets are
the index's (kind, strategy area, county, sector), but there is no pinyin or stemming: results
may be less complete.
"""

from functools import reduce
from operator import and_, or_

from django.db.models import Q
from django.utils import translation
from modeltranslation.translator import translator

from core.i18n import localized_field
from search import analysis
from search.registry import (
    LANGUAGES,
    PAGE_FIELDS,
    page_body,
    page_facets,
    searchable_models,
    searchable_pages,
    strategy_areas_by_chapter,
    translated,
)
from search.results import FACETS, PAGE_SIZE, Hit, Results, mark_terms


def text_fields(model, language):
    names = translator.get_options_for_model(model).get_field_names()
    own = [localized_field(name, language) for name in names if name not in PAGE_FIELDS]
    return [localized_field("title", other) for other in LANGUAGES] + own


def word_condition(field, word):
    if analysis.HAN_RUN.fullmatch(word):
        return Q(**{f"{field}__icontains": word})
    # Word boundaries that PostgreSQL's and Python's regular expressions both understand.
    forms = "|".join(analysis.inflections(word))
    return Q(**{f"{field}__iregex": f"(^|[^a-z0-9])({forms})($|[^a-z0-9])"})


def score(page, terms, pattern, normalised_text, language):
    title = translated(page, "title", language).lower()
    titles = " ".join(translated(page, "title", other) for other in LANGUAGES).lower()
    exact = analysis.normalise(title) == normalised_text
    return (
        100 * exact
        + 10 * (len(pattern.findall(title)) >= len(terms))
        + len(pattern.findall(titles))
    )


def matches_filters(values, filters):
    return all(value in values[name] for name, value in filters.items())


def database_search(query):
    terms = analysis.query_words(query.text)
    pattern = analysis.word_pattern(terms)
    found = []
    if terms:
        areas = strategy_areas_by_chapter()
        for model, spec in searchable_models().items():
            fields = text_fields(model, query.language)
            condition = reduce(
                and_, (reduce(or_, (word_condition(f, t) for f in fields)) for t in terms)
            )
            for page in searchable_pages(model).filter(condition):
                values = {"kind": [spec.kind], **page_facets(page, areas)}
                if matches_filters(values, query.filters):
                    found.append((page, spec.kind, values))
    normalised = analysis.normalise(query.text)
    found.sort(key=lambda item: -score(item[0], terms, pattern, normalised, query.language))
    counts = {name: {} for name in FACETS}
    for _page, _kind, values in found:
        for name in FACETS:
            for value in values[name]:
                counts[name][value] = counts[name].get(value, 0) + 1
    start = (query.page - 1) * PAGE_SIZE
    with translation.override(query.language):
        hits = [
            Hit(
                title=translated(page, "title", query.language),
                url=page.get_url(None),
                kind=page_kind,
                snippet=mark_terms(page_body(page, query.language), pattern),
                plan_key=page.plan_key,
                page_id=page.pk,
            )
            for page, page_kind, _values in found[start : start + PAGE_SIZE]
        ]
    facets = {name: sorted(counts[name].items(), key=lambda item: -item[1]) for name in FACETS}
    return Results(query, len(found), hits, facets, backend="database")
