"""Open data: the opportunities of the current filter as CSV or JSON, in the page's language."""

import csv

from django.http import HttpResponse, JsonResponse
from django.utils.http import content_disposition_header

from core.links import absolute_url
from portal.spreadsheets import safe_cell

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


def opportunity_record(opportunity, request):
    return {
        "id": opportunity.pk,
        "title": opportunity.title,
        "url": absolute_url(opportunity, request),
        "summary": opportunity.summary,
        "kind": opportunity.kind,
        "stage": opportunity.stage,
        "strategy_area": opportunity.strategy_area.short_title,
        "sectors": [str(sector) for sector in opportunity.sectors.all()],
        "counties": [str(county) for county in opportunity.counties.all()],
        "partner_regions": [str(region) for region in opportunity.regions.all()],
        "plan_clause": str(opportunity.clause_label or ""),
    }


def csv_response(opportunities, request, filename="opportunities.csv"):
    response = HttpResponse(
        content_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": content_disposition_header(True, filename)},
    )
    # A byte-order mark lets spreadsheet programs recognise UTF-8 (the Chinese titles).
    response.write("\ufeff")
    writer = csv.DictWriter(response, fieldnames=COLUMNS)
    writer.writeheader()
    for opportunity in opportunities:
        record = opportunity_record(opportunity, request)
        writer.writerow(
            {
                key: safe_cell("; ".join(value) if isinstance(value, list) else value)
                for key, value in record.items()
            }
        )
    return response


def json_response(opportunities, request):
    records = [opportunity_record(opportunity, request) for opportunity in opportunities]
    return JsonResponse(
        {"count": len(records), "results": records},
        json_dumps_params={"ensure_ascii": False, "indent": 1},
    )
