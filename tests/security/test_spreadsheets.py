"""Every CSV the portal writes: cells that a spreadsheet would run as a formula are escaped."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model

from cooperation.models import Enquiry, OpportunityIndexPage, OpportunityPage
from editorial.translation_report import TranslationReportView
from portal.spreadsheets import safe_cell

pytestmark = pytest.mark.django_db

HOSTILE = ['=HYPERLINK("http://evil.example","x")', "@SUM(A1:A2)", "+1+1", "-2+3", "\tx", "\rx"]


@pytest.mark.parametrize("value", HOSTILE)
def test_formula_cells_become_text(value):
    assert safe_cell(value) == "'" + value


@pytest.mark.parametrize("value", ["Ada", "新乡", "", "1-2", "a=b", 7, None])
def test_other_cells_are_unchanged(value):
    assert safe_cell(value) == value


def rows(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))


def test_admin_enquiry_export_escapes_visitor_text(client):
    opportunity = OpportunityPage.objects.live().first()
    Enquiry.objects.create(
        opportunity=opportunity,
        name=HOSTILE[0],
        organisation=HOSTILE[1],
        email="ada@example.com",
        country=HOSTILE[2],
        message=HOSTILE[4],
        consent=True,
        language="en",
    )
    client.force_login(get_user_model().objects.create_superuser("boss", "b@example.com", "pw"))
    response = client.get("/admin/snippets/cooperation/enquiry/", {"export": "csv"})
    row = rows(response)[1]
    for value in (HOSTILE[0], HOSTILE[1], HOSTILE[2], HOSTILE[4]):
        assert "'" + value in row
        assert value not in row


def test_public_opportunity_csv_escapes_titles(client):
    opportunity = OpportunityPage.objects.live().order_by("path").first()
    opportunity.title_en = "=1+1"
    opportunity.summary_en = "@SUM(A1)"
    opportunity.save()
    index = OpportunityIndexPage.objects.get()
    response = client.get(f"/en/{index.slug_en}/export/csv/")
    row = next(r for r in rows(response)[1:] if r[0] == str(opportunity.pk))
    assert row[1] == "'=1+1"
    assert row[3] == "'@SUM(A1)"


def test_translation_report_csv_escapes_page_titles():
    view = TranslationReportView()
    assert view.preprocess_field_value("title", "=cmd|' /C calc'!A0", "csv") == (
        "'=cmd|' /C calc'!A0"
    )
    assert view.preprocess_field_value("title", "=1+1", "xlsx") == "=1+1"
