"""The address of the client a request came from, for rate limits.

Behind reverse proxies ``REMOTE_ADDR`` is the nearest proxy's address, the
same for every visitor. Each proxy appends the address it was reached from to
``X-Forwarded-For``, so with ``TRUSTED_PROXY_COUNT`` proxies of ours in front
the client is that many entries from the right. Entries further left were
written by the client and can say anything; with no trusted proxy the header
is not read at all.
"""

import ipaddress

from django.conf import settings
from django.http import HttpRequest


def parse_ip(value: str) -> str:
    """The address in ``value`` in canonical form (a port dropped), or "" if it is none."""
    value = value.strip()
    if value.startswith("["):  # "[2001:db8::1]:443"
        value = value[1:].partition("]")[0]
    elif value.count(":") == 1:  # "203.0.113.7:5000"
        value = value.partition(":")[0]
    try:
        return str(ipaddress.ip_address(value))
    except ValueError:
        return ""


def client_ip(request: HttpRequest) -> str:
    """The client's address: "" only when even ``REMOTE_ADDR`` holds none.

    A header shorter than the number of proxies, or an entry that is not an
    address, means the request did not come through them as configured: the
    answer is then ``REMOTE_ADDR``, which the client cannot choose.
    """
    remote = parse_ip(request.META.get("REMOTE_ADDR", ""))
    count = settings.TRUSTED_PROXY_COUNT
    if count <= 0:
        return remote
    entries = request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
    if len(entries) < count:
        return remote
    return parse_ip(entries[-count]) or remote
