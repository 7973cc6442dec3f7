"""Open data: the opportunities of the current filter as CSV or JSON, in the page's language.

Both stream: rows are written as the database cursor yields them, in chunks, so an export of
every opportunity holds neither the whole result nor the whole file in memory, and its first
bytes leave at once. Rows are read as values, not pages (building a page instance costs more than
writing its row), with the many-to-many names looked up per chunk.
"""

import csv
import functools
import json
from collections import defaultdict

from django.http import StreamingHttpResponse
from django.utils import translation
from django.utils.http import content_disposition_header

from cooperation.models import OpportunityPage
from core.clauses import clause_label
from core.i18n import fields_in_active_language, localized_fields
from core.links import absolute_url
from core.models import County, PartnerRegion, Sector
from portal.spreadsheets import safe_cell

CHUNK_SIZE = 1000
COLUMNS = [
    "id",
    "title",
    "url",
    "summary",
    "kind",
    "stage",
    "strategy_area",
    "sectors",
    "counties",
    "partner_regions",
    "plan_clause",
]
# The many-to-many columns: the relation, and the snippet model whose names it lists.
NAMED = {
    "sectors": ("sectors", Sector),
    "counties": ("counties", County),
    "partner_regions": ("regions", PartnerRegion),
}
# Read in every language, to show each in the page's with modeltranslation's fallback.
TRANSLATED = ["title", "summary", "url_path", "strategy_area__short_title"]
VALUE_FIELDS = [
    "pk",
    "path",
    "kind",
    "stage",
    "clause_chapter",
    "clause_section",
    "clause_box",
    *[name for field in TRANSLATED for name in localized_fields(field).values()],
]


def names_of(model):
    """{pk: (position, name)}: the position in the model's own order, which `relation.all()`
    lists a page's snippets in, and the name in the active language."""
    return {obj.pk: (position, str(obj)) for position, obj in enumerate(model.objects.all())}


def related_names(chunk, relation, names):
    """{page id: [names of its `relation`'s snippets, in their model's order]} for the pages of
    `chunk`, rows in tree order: read for the range of the tree they span, which two parameters
    name (a list of ids costs more to send), and also holds the pages that the filter left out."""
    field = OpportunityPage._meta.get_field(relation)
    page, snippet = field.m2m_field_name(), f"{field.m2m_reverse_field_name()}_id"
    span = (chunk[0]["path"], chunk[-1]["path"])
    links = field.remote_field.through.objects.filter(**{f"{page}__path__range": span})
    found = defaultdict(list)
    for page_id, snippet_id in links.values_list(f"{page}_id", snippet):
        found[page_id].append(names[snippet_id])
    return {
        page_id: [name for _position, name in sorted(pairs)] for page_id, pairs in found.items()
    }


def chunks(rows):
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == CHUNK_SIZE:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def record_maker(base_url, base_path):
    """row, {column: {page id: names}} → the row's record, in the active language."""
    plan_clause = functools.cache(lambda *clause: str(clause_label(*clause)))
    # Each translated column's fields in fallback order, looked up once for the whole export.
    fields = {name: fields_in_active_language(name) for name in TRANSLATED}

    def record(row, related):
        def text(name):
            return next(filter(None, map(row.get, fields[name])), "")

        # Every exported page is a child of the listing: its URL is the listing's plus its own
        # part of the URL path (what Wagtail's get_url computes, without resolving the site).
        url_path = text("url_path")
        return {
            "id": row["pk"],
            "title": text("title"),
            "url": base_url + url_path[len(base_path) :],
            "summary": text("summary"),
            "kind": row["kind"],
            "stage": row["stage"],
            "strategy_area": text("strategy_area__short_title"),
            **{column: related[column].get(row["pk"], []) for column in NAMED},
            "plan_clause": plan_clause(
                row["clause_chapter"], row["clause_section"], row["clause_box"]
            ),
        }

    return record


def records(opportunities, index_page, request):
    base_url, base_path = absolute_url(index_page, request), index_page.url_path
    # The rows are produced while the response is sent: in the language of the request.
    language = translation.get_language()

    def generate():
        with translation.override(language):
            record = record_maker(base_url, base_path)
            names = {column: names_of(model) for column, (_relation, model) in NAMED.items()}
            rows = opportunities.order_by("path").values(*VALUE_FIELDS)
            for chunk in chunks(rows.iterator(chunk_size=CHUNK_SIZE)):
                related = {
                    column: related_names(chunk, relation, names[column])
                    for column, (relation, _model) in NAMED.items()
                }
                for row in chunk:
                    yield record(row, related)

    return generate()


class _Line:
    """The file-like object csv.writer needs: hands back each row instead of storing it."""

    def write(self, text):
        return text


def csv_rows(records):
    writer = csv.DictWriter(_Line(), fieldnames=COLUMNS)
    # A byte-order mark lets spreadsheet programs recognise UTF-8 (the Chinese titles).
    yield "\ufeff" + writer.writeheader()
    for record in records:
        yield writer.writerow(
            {
                key: safe_cell("; ".join(value) if isinstance(value, list) else value)
                for key, value in record.items()
            }
        )


def csv_response(opportunities, index_page, request, filename="opportunities.csv"):
    return StreamingHttpResponse(
        csv_rows(records(opportunities, index_page, request)),
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": content_disposition_header(True, filename)},
    )


def json_chunks(records, count):
    yield f'{{"count": {count}, "results": ['
    separator = "\n"
    for record in records:
        yield separator + json.dumps(record, ensure_ascii=False)
        separator = ",\n"
    yield "\n]}\n"


def json_response(opportunities, index_page, request, count):
    return StreamingHttpResponse(
        json_chunks(records(opportunities, index_page, request), count),
        content_type="application/json",
    )
