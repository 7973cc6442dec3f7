"""The visitor's own address, as rate limits and login lockouts must count it.

`X-Forwarded-For` is believed only when the request came from one of `settings.TRUSTED_PROXIES`
(addresses or networks); anyone else could write whatever they like into it. Each proxy appends
the address it received the request from, so the visitor is the right-most hop that is not one
of our own proxies: everything left of it was written by the client and is not trusted.
"""

import ipaddress
from functools import cache

from django.conf import settings


@cache
def _networks(proxies):
    return tuple(ipaddress.ip_network(proxy, strict=False) for proxy in proxies)


def _parse(address):
    try:
        return ipaddress.ip_address(address.strip())
    except ValueError:
        return None


def _is_trusted_proxy(address):
    return any(address in network for network in _networks(tuple(settings.TRUSTED_PROXIES)))


def client_address(request):
    """The address of the visitor behind our trusted proxies, as a normalised string."""
    peer = _parse(request.META.get("REMOTE_ADDR", ""))
    if peer is None:
        return ""
    if not _is_trusted_proxy(peer):
        return str(peer)
    forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    for hop in reversed(forwarded):
        address = _parse(hop)
        if address is None:
            break  # garbage that no proxy of ours wrote: the last hop we trust is the answer
        peer = address
        if not _is_trusted_proxy(address):
            break
    return str(peer)
