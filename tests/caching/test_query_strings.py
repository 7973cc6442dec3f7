"""A page's ETag, cached fragments, language links and og:url follow what its query string means
(core/page_query.py): junk parameters share the plain page's one cached copy and never reach its
markup; filters, result pages and trip picks keep copies of their own."""

import pytest

from cooperation.models import OpportunityIndexPage, OpportunityPage, StrategyAreaPage
from tourism.models import AttractionPage, RoutePage, TourismIndexPage

pytestmark = pytest.mark.django_db

JUNK = "utm_source=%3Cscript%3Ejunk%3C%2Fscript%3E&x=17"


def etag(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response["ETag"]


@pytest.mark.parametrize(
    "url",
    [
        lambda: "/en/",
        lambda: OpportunityPage.objects.live().first().url,
        lambda: RoutePage.objects.live().first().url,
        lambda: OpportunityIndexPage.objects.get().url,
    ],
)
def test_junk_parameters_share_the_plain_pages_copy(client, url):
    url = url()
    junk = client.get(f"{url}?{JUNK}")
    assert junk["ETag"] == etag(client, url)
    for response in (junk, client.get(url)):  # the second one from the fragment cache
        body = response.content.decode()
        assert "utm_source" not in body and "junk" not in body and "x=17" not in body


def test_filters_and_result_pages_have_copies_of_their_own(client):
    listing = OpportunityIndexPage.objects.get().url
    area = StrategyAreaPage.objects.live().first().plan_key
    plain = etag(client, listing)
    filtered = etag(client, f"{listing}?area={area}")
    assert filtered != plain
    assert etag(client, f"{listing}?area={area}&{JUNK}") == filtered
    assert etag(client, f"{listing}?area=no-such-area") == plain  # an unknown key filters nothing
    second_page = etag(client, f"{listing}?page=2")
    assert second_page != plain
    # As Django's paginator reads them: no integer is page 1; 1 is page 1.
    assert etag(client, f"{listing}?page=abc") == plain
    assert etag(client, f"{listing}?page=1") == plain
    assert etag(client, f"{listing}?page=%202") == second_page
    # Past either end is the last page, whatever the number.
    assert etag(client, f"{listing}?page=0") == etag(client, f"{listing}?page=123456789")

    body = client.get(f"{listing}?area={area}&{JUNK}").content.decode()
    assert f"area={area}" in body  # the language links keep the filter …
    assert "utm_source" not in body  # … and nothing else


def test_the_thank_you_after_an_enquiry_is_its_own_copy(client):
    url = OpportunityPage.objects.live().first().url
    assert etag(client, f"{url}?sent=1") != etag(client, url)
    assert etag(client, f"{url}?sent=yes") == etag(client, url)


def test_trip_picks_are_their_own_copy_and_typed_errors_are_not_shared(client):
    plan = TourismIndexPage.objects.get().url + "plan/"
    first, second = AttractionPage.objects.live()[:2]
    picks = f"a={first.slug}&a={second.slug}"
    picked = etag(client, f"{plan}?{picks}")
    assert picked != etag(client, plan)
    assert etag(client, f"{plan}?{picks}&a={first.slug}&a=nowhere&{JUNK}") == picked

    # An invalid date is shown back beside its error: rendered for that visitor alone.
    typed = client.get(f"{plan}?{picks}&date=not-a-date-{JUNK[:20]}")
    assert typed.status_code == 200 and not typed.has_header("ETag")
    assert "not-a-date" in typed.content.decode()
    assert "not-a-date" not in client.get(f"{plan}?{picks}").content.decode()
