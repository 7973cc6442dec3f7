"""The visitor's address: X-Forwarded-For only counts when one of our own proxies sent it."""

import pytest
from django.test import RequestFactory

from portal.client_address import client_address

VISITOR = "203.0.113.9"


def request(remote, forwarded=None):
    headers = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **headers)


def test_untrusted_peer_cannot_choose_its_address(settings):
    settings.TRUSTED_PROXIES = []
    assert client_address(request(VISITOR, "198.51.100.1")) == VISITOR


def test_peer_outside_the_trusted_proxies_is_not_believed(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert client_address(request(VISITOR, "198.51.100.1")) == VISITOR


def test_trusted_proxy_names_the_visitor(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert client_address(request("127.0.0.1", VISITOR)) == VISITOR


@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        # The client wrote the left-most hop itself; nginx appended the real peer.
        (["127.0.0.1"], f"198.51.100.1, {VISITOR}", VISITOR),
        # A CDN network in front of nginx: skip every hop inside it.
        (["127.0.0.1", "10.0.0.0/8"], f"198.51.100.1, {VISITOR}, 10.1.2.3", VISITOR),
        # Garbage written by the client stops the walk at the last hop a proxy of ours wrote.
        (["127.0.0.1", "10.0.0.0/8"], "not-an-address, 10.1.2.3", "10.1.2.3"),
        (["::1"], "2001:DB8::0001", "2001:db8::1"),
    ],
)
def test_right_most_untrusted_hop(settings, proxies, forwarded, expected):
    settings.TRUSTED_PROXIES = proxies
    assert client_address(request(proxies[0], forwarded)) == expected


def test_trusted_proxy_without_header_is_the_address(settings):
    settings.TRUSTED_PROXIES = ["127.0.0.1"]
    assert client_address(request("127.0.0.1")) == "127.0.0.1"
