"""What a page tells search engines and link previews: description, Open Graph, JSON-LD."""

import json
import re
from html import unescape

import pytest

from cooperation.models import OpportunityPage
from core.i18n import page_url_in
from tourism.models import AttractionPage, EventPage

pytestmark = pytest.mark.django_db


def meta(body, attribute, name):
    match = re.search(rf'<meta {attribute}="{re.escape(name)}" content="([^"]*)">', body)
    return unescape(match.group(1)) if match else None


def json_ld(body):
    scripts = re.findall(r'<script type="application/ld\+json">(.*?)</script>', body, re.S)
    assert len(scripts) == 1
    return json.loads(scripts[0])


def graph_types(data):
    return {node["@type"]: node for node in data["@graph"]}


@pytest.mark.parametrize(
    ("language", "site_name"),
    [("en", "Xinxiang Open Cooperation Portal"), ("zh-hans", "新乡开放合作门户")],
)
def test_home_title_names_the_site_once(client, language, site_name):
    body = client.get(f"/{language}/").content.decode()
    assert re.search(r"<title>(.*?)</title>", body).group(1) == site_name


@pytest.mark.parametrize("language", ["en", "zh-hans"])
def test_opportunity_description_is_its_summary_in_the_page_language(client, language):
    opportunity = OpportunityPage.objects.live().first()
    body = client.get(page_url_in(opportunity, language)).content.decode()
    summary = opportunity.summary_en if language == "en" else opportunity.summary_zh_hans
    description = meta(body, "name", "description")
    assert description and summary.startswith(description.removesuffix("…"))
    assert meta(body, "property", "og:description") == description
    assert meta(body, "property", "og:title") == getattr(
        opportunity, f"title_{language.replace('-', '_')}"
    )
    assert meta(body, "name", "twitter:card") == "summary_large_image"
    image = meta(body, "property", "og:image")
    assert re.fullmatch(
        rf"http://testserver/{language}/share-cards/{opportunity.pk}-\d+\.png", image
    )
    assert f'<link rel="canonical" href="http://testserver/{language}/' in body


def test_every_page_type_has_a_description(client):
    for url in ["/en/", "/en/tourism/", "/en/search/", "/zh-hans/about/"]:
        response = client.get(url, follow=True)
        assert meta(response.content.decode(), "name", "description"), url


def test_route_json_ld_is_a_tourist_trip_with_its_stops_in_order(client, south_taihang):
    data = json_ld(client.get(f"/en/tourism/{south_taihang.slug}/").content.decode())
    assert data["@context"] == "https://schema.org"
    nodes = graph_types(data)
    assert nodes["GovernmentOrganization"]["name"] == "Xinxiang Municipal People's Government"
    webpage = nodes["WebPage"]
    assert webpage["publisher"] == {"@id": nodes["GovernmentOrganization"]["@id"]}
    trip = webpage["mainEntity"]
    assert trip["@type"] == "TouristTrip" and trip["name"] == south_taihang.title_en
    stops = trip["itinerary"]["itemListElement"]
    assert [stop["item"]["name"] for stop in stops] == [
        attraction.title_en for attraction in south_taihang.itinerary.attractions
    ]
    assert [stop["position"] for stop in stops] == list(range(1, len(stops) + 1))
    crumbs = webpage["breadcrumb"]["itemListElement"]
    assert [crumb["name"] for crumb in crumbs] == ["Home", "Tourism", south_taihang.title_en]
    assert all(crumb["item"].startswith("http://testserver/en/") for crumb in crumbs)


def test_attraction_json_ld_has_its_coordinates(client):
    attraction = AttractionPage.objects.live().first()
    data = json_ld(client.get(page_url_in(attraction, "en")).content.decode())
    place = graph_types(data)["WebPage"]["mainEntity"]
    assert place["@type"] == "TouristAttraction"
    assert place["geo"] == {
        "@type": "GeoCoordinates",
        "latitude": float(attraction.latitude),
        "longitude": float(attraction.longitude),
    }
    assert place["address"]["addressLocality"] == attraction.county.name_en


def test_event_json_ld_only_with_a_known_date(client):
    for event in EventPage.objects.live():
        data = json_ld(client.get(page_url_in(event, "en")).content.decode())
        entity = graph_types(data)["WebPage"].get("mainEntity")
        if event.in_calendar:
            assert entity["@type"] == "Event"
            assert {"name", "startDate", "location"} <= entity.keys()
        else:
            assert entity is None


def test_json_ld_cannot_break_out_of_its_script(client, south_taihang):
    south_taihang.title_en = "</script><script>alert(1)</script>"
    south_taihang.save_revision().publish()
    body = client.get(f"/en/tourism/{south_taihang.slug}/").content.decode()
    data = json_ld(body)
    assert graph_types(data)["WebPage"]["name"] == "</script><script>alert(1)</script>"
    assert "<script>alert(1)" not in body
