"""The enquiry rate limit behind nginx and two app nodes: it counts each real visitor (the
address nginx saw) in the shared Redis, whatever X-Forwarded-For the visitor sends."""

import http.client
import random
import re
import secrets
import string
import urllib.parse
import urllib.request

import pytest

from tests.cooperation.test_opportunity_page import ENQUIRY

pytestmark = pytest.mark.production


def read(url):
    with urllib.request.urlopen(url, timeout=15) as response:
        return response.read().decode()


def an_enquiry_form(base):
    """Where an opportunity page's enquiry form posts (its own endpoint, /en/enquiry/<id>/)."""
    listing = read(f"{base}/en/opportunities/")
    for path in re.findall(r'href="(/en/opportunities/[^"/?]+/)"', listing):
        form = re.search(r'action="(/en/enquiry/\d+/)', read(base + path))
        if form:  # the listing also links its feed and exports
            return form[1]
    raise AssertionError("no opportunity page with an enquiry form is linked from the listing")


def post_enquiry(base, path, visitor, spoofed):
    """POST a valid enquiry from source address `visitor`, claiming to be `spoofed`."""
    netloc = urllib.parse.urlsplit(base).netloc
    host, port = netloc.split(":")
    token = "".join(secrets.choice(string.ascii_letters + string.digits) for _ in range(32))
    connection = http.client.HTTPConnection(
        host, int(port), timeout=30, source_address=(visitor, 0)
    )
    try:
        connection.request(
            "POST",
            path,
            body=urllib.parse.urlencode({**ENQUIRY, "csrfmiddlewaretoken": token}),
            headers={
                "Host": netloc,
                "Content-Type": "application/x-www-form-urlencoded",
                "Cookie": f"csrftoken={token}",
                "X-Forwarded-For": spoofed,
            },
        )
        return connection.getresponse().status
    finally:
        connection.close()


def test_spoofed_forwarded_for_does_not_escape_the_limit_across_two_nodes(topology):
    base = topology
    path = an_enquiry_form(base)
    # two visitors on fresh loopback addresses, so an earlier run's counters do not apply
    visitor, other = (f"127.{random.randrange(1, 255)}.{random.randrange(256)}.{n}" for n in (2, 3))
    statuses = [
        post_enquiry(base, path, visitor, spoofed=f"203.0.113.{attempt}") for attempt in range(6)
    ]
    # nginx alternates the two app nodes: the count is shared, and a new spoofed address each
    # time changes nothing
    assert statuses == [302] * 5 + [429]
    assert post_enquiry(base, path, other, spoofed="203.0.113.1") == 302
