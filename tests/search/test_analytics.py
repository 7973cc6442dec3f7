"""Search analytics: searches and opened results are recorded without personal data, reported
in the admin (with a formula-safe CSV export) and feed the popular searches."""

import json

import pytest

from search.models import SearchRecord
from tourism.models import AttractionPage


@pytest.fixture
def database_search(settings, db):
    settings.ELASTICSEARCH_URL = ""
    SearchRecord.objects.all().delete()  # searches recorded by other tests' shared data


def test_searches_are_recorded_without_personal_data(client, database_search):
    client.get("/en/search/", {"q": "  Baoquan "})
    client.get("/en/search/", {"q": "Baoquan", "page": 2})  # a further page is the same search
    json.loads(client.get("/api/search/", {"q": "qqqzzz", "lang": "zh-hans"}).content)
    rows = list(SearchRecord.objects.values_list("language", "query", "results").order_by("id"))
    assert [row[:2] for row in rows] == [("en", "baoquan"), ("zh-hans", "qqqzzz")]
    assert rows[0][2] > 0 and rows[1][2] == 0
    fields = {field.name for field in SearchRecord._meta.get_fields()}
    assert fields == {"id", "language", "query", "results", "clicked_page", "date"}


def test_an_opened_result_is_recorded_and_redirects_to_the_page(client, database_search):
    html = client.get("/en/search/", {"q": "Baoquan"}).content.decode()
    record = SearchRecord.objects.get()
    page = AttractionPage.objects.get(plan_key="baoquan")
    link = f"/en/search/go/{record.pk}/{page.pk}/"
    assert link in html
    response = client.get(link)
    assert response.status_code == 302 and response["Location"].endswith(page.url)
    record.refresh_from_db()
    assert record.clicked_page_id == page.pk
    assert client.get(f"/en/search/go/{record.pk}/999999/").status_code == 404


def test_popular_searches_come_from_the_records(client, database_search):
    for text in ["baoquan", "baoquan", "nothing-here-at-all"]:
        SearchRecord.objects.create(
            language="en", query=text, results=0 if "nothing" in text else 1
        )
    html = client.get("/en/search/").content.decode()
    assert "?q=baoquan" in html and "nothing-here-at-all" not in html


def test_admin_reports_and_formula_safe_csv(client, database_search, django_user_model):
    admin = django_user_model.objects.create_superuser("searchadmin", "a@example.org", "pw")
    client.force_login(admin)
    SearchRecord.objects.create(language="en", query="=HYPERLINK(1)", results=0)
    SearchRecord.objects.create(language="zh-hans", query="黄河", results=5)
    assert "黄河" in client.get("/admin/reports/search-queries/").content.decode()
    zero = client.get("/admin/reports/search-queries/", {"zero": "1"}).content.decode()
    assert "HYPERLINK" in zero and "黄河" not in zero
    assert client.get("/admin/reports/search-click-through/").status_code == 200
    response = client.get("/admin/reports/search-queries/", {"export": "csv"})
    csv = b"".join(response.streaming_content).decode()
    assert "'=HYPERLINK(1)" in csv and "\n=HYPERLINK" not in csv
