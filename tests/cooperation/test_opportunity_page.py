"""An opportunity's page: facts, map, related opportunities, and the enquiry form."""

import csv
import io

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client

from cooperation.county_map import county_seats
from cooperation.models import Enquiry, OpportunityPage
from core.models import County
from tests import factories
from tests.geography import inside_xinxiang

pytestmark = pytest.mark.django_db

ENQUIRY = {
    "name": "Ada Investor",
    "organisation": "Example Capital",
    "email": "ada@example.com",
    "country": "Germany",
    "message": "We would like to discuss a joint venture.",
    "consent": "on",
}


@pytest.fixture
def opportunity():
    """An opportunity in a county with a known seat, with sectors and partners."""
    return (
        OpportunityPage.objects.live()
        .filter(counties__plan_key="fengqiu", sectors__isnull=False)
        .distinct()
        .first()
    )


@pytest.fixture
def built_opportunity(built_home):
    """One opportunity and nothing else of the plan: enough for the enquiry form."""
    return factories.opportunity(built_home)


def url(page, language="en"):
    return f"/{language}/{page.get_parent().specific.slug_en}/{page.slug_en}/"


def enquiry_url(page, language="en"):
    return f"/{language}/enquiry/{page.pk}/"


def test_page_shows_facts_place_and_map_data(client, opportunity):
    body = client.get(url(opportunity)).content.decode()
    assert opportunity.title_en in body
    assert '<ul id="where-list"><li>Fengqiu County</li>' in body
    lat, lon = county_seats()["fengqiu"]
    assert '"name": "Fengqiu County"' in body and str(lat) in body and str(lon) in body
    assert "vendor/leaflet/leaflet.js" in body
    assert 'class="clause"' in body


def test_the_map_shades_the_opportunitys_county(client, opportunity):
    body = client.get(url(opportunity)).content.decode()
    assert 'data-areas="fengqiu"' in body  # Fengqiu County in maps/counties.geojson


@pytest.mark.parametrize("language", ["zh-hans", "en"])
def test_a_citywide_opportunity_shades_the_city_and_has_no_marker(client, language):
    """A citywide opportunity's place is the whole city, not a pin."""
    citywide = County.objects.get(plan_key="citywide")
    opportunity = next(
        page
        for page in OpportunityPage.objects.live().filter(counties=citywide)
        if list(page.counties.all()) == [citywide]
    )
    body = client.get(url(opportunity, language)).content.decode()
    assert 'data-areas="citywide"' in body
    assert '<script id="portal-map-points" type="application/json">[]</script>' in body
    assert "vendor/leaflet/leaflet.js" in body


def test_every_county_seat_is_a_known_county_inside_xinxiang():
    keys = set(County.objects.values_list("plan_key", flat=True))
    for key, (lat, lon) in county_seats().items():
        assert key in keys
        assert inside_xinxiang(lat, lon), key


def test_related_opportunities_share_an_area_or_sector(client, opportunity):
    related = client.get(url(opportunity)).context["related"]
    assert 0 < len(related) <= 4
    sectors = set(opportunity.sectors.values_list("pk", flat=True))
    for other in related:
        assert other.pk != opportunity.pk
        shares_sector = bool(sectors & set(other.sectors.values_list("pk", flat=True)))
        assert other.strategy_area_id == opportunity.strategy_area_id or shares_sector


def test_related_opportunities_in_a_preview(opportunity):
    """A preview's sectors are modelcluster's in-memory list, not a queryset."""
    preview = opportunity.save_revision().as_object()
    assert list(preview.related_opportunities()) == list(opportunity.related_opportunities())


@pytest.mark.parametrize(
    ("language", "thanks"),
    [("en", "Thank you. Your enquiry has been sent."), ("zh-hans", "谢谢！您的咨询已发送。")],
)
def test_enquiry_is_stored_mailed_and_acknowledged(client, opportunity, language, thanks):
    response = client.post(enquiry_url(opportunity, language), ENQUIRY, REMOTE_ADDR="203.0.113.5")
    assert response.status_code == 302
    assert response["Location"].endswith("?sent=1#enquiry")
    enquiry = Enquiry.objects.get()
    assert (enquiry.opportunity, enquiry.email, enquiry.language) == (
        opportunity.page_ptr.specific,
        "ada@example.com",
        language,
    )
    assert "203.0.113.5" not in enquiry.ip_hash and len(enquiry.ip_hash) == 64
    assert len(mail.outbox) == 2  # to the staff, and the investor's acknowledgement
    assert mail.outbox[0].reply_to == ["ada@example.com"]
    assert "We would like to discuss" in mail.outbox[0].body
    assert thanks in client.get(response["Location"]).content.decode()


@pytest.mark.without_plan
def test_invalid_enquiry_is_shown_again_with_linked_errors(client, built_opportunity):
    response = client.post(
        enquiry_url(built_opportunity), {**ENQUIRY, "email": "not-an-email", "consent": ""}
    )
    assert response.status_code == 200
    body = response.content.decode()
    assert 'aria-describedby="id_email-error"' in body
    assert 'id="id_email-error"' in body
    assert 'id="id_consent-error"' in body
    assert 'value="Ada Investor"' in body
    assert not Enquiry.objects.exists()


@pytest.mark.without_plan
def test_enquiry_input_is_escaped(client, built_opportunity):
    response = client.post(
        enquiry_url(built_opportunity), {**ENQUIRY, "name": "<script>x()</script>", "email": ""}
    )
    assert "<script>x()</script>" not in response.content.decode()


def test_filled_honeypot_pretends_success_and_stores_nothing(client, opportunity):
    response = client.post(enquiry_url(opportunity), {**ENQUIRY, "website": "http://spam.example"})
    assert response.status_code == 302
    assert not Enquiry.objects.exists()
    assert not mail.outbox


@pytest.mark.without_plan
def test_honeypot_is_hidden_from_people_and_assistive_technology(client, built_opportunity):
    body = client.get(url(built_opportunity)).content.decode()
    assert '<div class="honeypot" aria-hidden="true">' in body
    field = (
        body.split('name="website"')[0].rsplit("<input", 1)[1]
        + body.split('name="website"')[1].split(">")[0]
    )
    assert 'tabindex="-1"' in field and 'autocomplete="off"' in field


@pytest.mark.parametrize(
    ("language", "text"), [("en", "Too many enquiries"), ("zh-hans", "咨询过于频繁")]
)
def test_sixth_enquiry_in_an_hour_is_refused(client, opportunity, language, text):
    for _attempt in range(5):
        assert client.post(enquiry_url(opportunity, language), ENQUIRY).status_code == 302
    response = client.post(enquiry_url(opportunity, language), ENQUIRY)
    assert response.status_code == 429
    assert text in response.content.decode()
    assert Enquiry.objects.count() == 5
    # Another address is not affected.
    assert (
        client.post(enquiry_url(opportunity), ENQUIRY, REMOTE_ADDR="198.51.100.7").status_code
        == 302
    )


def test_enquiry_from_another_site_is_refused(opportunity):
    client = Client(enforce_csrf_checks=True)
    for headers in ({"Origin": "https://evil.example"}, {"Sec-Fetch-Site": "cross-site"}):
        assert client.post(enquiry_url(opportunity), ENQUIRY, headers=headers).status_code == 403
    assert not Enquiry.objects.exists()


@pytest.mark.without_plan
def test_enquiry_to_a_page_that_is_not_a_live_opportunity_is_404(client, built_opportunity):
    assert client.post(enquiry_url(built_opportunity.get_parent()), ENQUIRY).status_code == 404
    assert client.get(enquiry_url(built_opportunity)).status_code == 405


def test_opportunity_page_query_budget(client, opportunity, django_assert_max_num_queries):
    client.get("/en/")  # as on a running site, Wagtail's site-root cache is filled
    # First view (body rendered): routing reads the pages a URL names in one query
    # (core/routing.py); the breadcrumbs read the ancestors the meta tags already read.
    with django_assert_max_num_queries(18):
        assert client.get(url(opportunity)).status_code == 200
    with django_assert_max_num_queries(18):
        assert client.get(url(opportunity, "zh-hans")).status_code == 200


def test_admin_lists_and_exports_enquiries_as_csv(client, opportunity):
    client.post(enquiry_url(opportunity), ENQUIRY)
    admin = get_user_model().objects.create_superuser("boss", "boss@example.com", "pw")
    client.force_login(admin)
    listing = client.get("/admin/snippets/cooperation/enquiry/")
    assert listing.status_code == 200
    assert "Ada Investor" in listing.content.decode()
    response = client.get("/admin/snippets/cooperation/enquiry/", {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content) if response.streaming else response.content
    rows = list(csv.reader(io.StringIO(content.decode("utf-8-sig"))))
    assert len(rows) == 2
    assert "ada@example.com" in rows[1]


def test_an_opportunity_only_in_development_zones_loads_no_map(client):
    """A development zone has no outline and no seat on the map: nothing to draw, no Leaflet."""
    zones = County.objects.filter(kind=County.Kind.ZONE).exclude(plan_key="citywide")
    opportunity = next(
        page
        for page in OpportunityPage.objects.live().filter(counties__in=zones).distinct()
        if all(county in zones for county in page.counties.all())
    )
    body = client.get(url(opportunity)).content.decode()
    assert "vendor/leaflet/leaflet.js" not in body
    assert "data-areas" not in body
