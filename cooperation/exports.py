"""Open data: the opportunities of the current filter as CSV or JSON, in the page's language.

Both stream: rows are written as the database cursor yields them (in chunks, with the many-to-
many names prefetched per chunk), so an export of every opportunity holds neither the whole
queryset nor the whole file in memory, and its first bytes leave at once.
"""

import csv
import json

from django.http import StreamingHttpResponse
from django.utils import translation
from django.utils.http import content_disposition_header

from core.links import absolute_url
from portal.spreadsheets import safe_cell

CHUNK_SIZE = 500
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


def opportunity_record(opportunity, url):
    return {
        "id": opportunity.pk,
        "title": opportunity.title,
        "url": url,
        "summary": opportunity.summary,
        "kind": opportunity.kind,
        "stage": opportunity.stage,
        "strategy_area": opportunity.strategy_area.short_title,
        "sectors": [str(sector) for sector in opportunity.sectors.all()],
        "counties": [str(county) for county in opportunity.counties.all()],
        "partner_regions": [str(region) for region in opportunity.regions.all()],
        "plan_clause": str(opportunity.clause_label or ""),
    }


def records(opportunities, index_page, request):
    # Every exported page is a child of the listing: its URL is the listing's plus its own part
    # of the URL path (what Wagtail's get_url computes, without resolving the site per row).
    base_url, base_path = absolute_url(index_page, request), index_page.url_path
    # The rows are produced while the response is sent: in the language of the request.
    language = translation.get_language()

    def generate():
        with translation.override(language):
            for opportunity in opportunities.iterator(chunk_size=CHUNK_SIZE):
                url = base_url + opportunity.url_path[len(base_path) :]
                yield opportunity_record(opportunity, url)

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
