from django.core.paginator import Paginator
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import translation
from django.utils.translation import get_language
from django.views.decorators.http import require_GET
from elasticsearch import ApiError, TransportError
from wagtail.models import Page

from core.public import public
from search import analytics
from search.client import get_client
from search.forms import ApiSearchForm, QueryForm, SearchForm
from search.query import search as run_search
from search.query import suggest
from search.registry import KIND_LABELS, facet_labels
from search.results import PAGE_SIZE
from search.suggestions import database_suggestions, popular_links

SUGGEST_MIN_LENGTH = 1


def facet_label(labels, name, value):
    """A facet value (a language-neutral key) as shown to visitors, in their language."""
    if name == "kind":
        return str(KIND_LABELS.get(value, value))
    return labels.get(name, {}).get(value, value)


def facet_links(request, results, labels):
    """Facet values as links that add (or, when selected, remove) a filter, keeping the rest.
    Links carry plan keys, so they keep working after switching language."""
    groups = {}
    for name, buckets in results.facets.items():
        links = []
        for value, count in buckets:
            params = request.GET.copy()
            params.pop("page", None)
            selected = params.get(name) == value
            if selected:
                params.pop(name)
            else:
                params[name] = value
            links.append(
                {
                    "label": facet_label(labels, name, value),
                    "count": count,
                    "selected": selected,
                    "query": params.urlencode(),
                }
            )
        if links:
            groups[name] = links
    return groups


def pager(request, results):
    """The site's pager (`{% pagination %}`): the results' page among all of them, and the
    query string that every page link keeps."""
    params = request.GET.copy()
    params.pop("page", None)
    page_obj = Paginator(range(results.total), PAGE_SIZE).get_page(results.query.page)
    return {"page_obj": page_obj, "querystring": params.urlencode()}


@require_GET
def search(request):
    form = SearchForm(request.GET)
    if not form.is_valid():
        return render(request, "search/search.html", {"form": form}, status=400)
    language = get_language()
    query = form.to_query(language)
    context = {"form": form}
    results = run_search(query) if query.text else None
    if results:
        context.update(
            results=results,
            record_id=record_new_search(query, results),
            facets=facet_links(request, results, facet_labels(language)),
            **pager(request, results),
        )
    if not (results and results.hits):  # the template shows them only then
        context["popular"] = popular_links(language)
    return render(request, "search/search.html", context)


def record_new_search(query, results):
    """Analytics count a search once: its first page, before any filter is chosen."""
    if query.page == 1 and not query.filters:
        return analytics.record(query, results.total)
    return None


@require_GET
def go(request, record_id, page_id):
    """A result opened from the search page: counted for the analytics, then redirected to
    the page (only to a live, public page, so this is no open redirect)."""
    page = get_object_or_404(public(Page.objects.all()), pk=page_id)
    analytics.record_click(record_id, page)
    return redirect(page.get_url(request))


def hit_json(hit):
    return {"title": hit.title, "url": hit.url, "kind": hit.kind, "snippet": str(hit.snippet)}


@require_GET
def api_search(request):
    """GET /api/search/?q=…&lang=zh-hans|en[&kind=…&page=…] → total, results, facets."""
    form = ApiSearchForm(request.GET)
    if not form.is_valid():
        return JsonResponse({"error": "invalid parameters", "fields": form.errors}, status=400)
    query = form.to_query()
    if not query.text:
        return JsonResponse({"total": 0, "results": [], "facets": {}})
    results = run_search(query)
    record_new_search(query, results)
    labels = facet_labels(query.language)
    with translation.override(query.language):
        return facet_json(results, labels)


def facet_json(results, labels):
    return JsonResponse(
        {
            "total": results.total,
            "results": [hit_json(hit) for hit in results.hits],
            "facets": {
                name: [
                    {"value": value, "label": facet_label(labels, name, value), "count": count}
                    for value, count in buckets
                ]
                for name, buckets in results.facets.items()
            },
            "complete": results.complete,
        },
        json_dumps_params={"ensure_ascii": False},
    )


@require_GET
def suggestions(request):
    """As-you-type title suggestions for the search box: {"suggestions": [{title, url}]}."""
    form = QueryForm(request.GET)
    text = form.cleaned_data["q"] if form.is_valid() else ""
    if len(text) < SUGGEST_MIN_LENGTH:
        return JsonResponse({"suggestions": []})
    language = get_language()
    client = get_client()
    found = None
    if client is not None:
        try:
            found = suggest(client, text, language)
        except (ApiError, TransportError):
            found = None
    if found is None:
        found = database_suggestions(text, language)
    return JsonResponse({"suggestions": found}, json_dumps_params={"ensure_ascii": False})
