"""An HTTP fetch tool that cannot be turned against the shop's own network (SSRF).

The agent may look things up on a few partner APIs (a carrier's tracking service). Whoever
controls the model's input controls the URL it asks for, so without care "fetch this URL" reads
`http://169.254.169.254/latest/meta-data/` (the cloud's instance credentials), the admin port
on localhost, or anything else only the server can reach. Server-side request forgery.

The rules, all needed:

* **Allowlist the host.** Only `http`/`https`, and only hosts named in `allowed_hosts` (compared
  lower-cased, without a trailing dot). An IP literal or a decimal IP is not on the list.
* **Resolve, then check every address.** An allowed name can still point inside: a stale DNS
  entry, an internal zone, or a name its owner re-points at 127.0.0.1 (DNS rebinding). Resolve
  the host and refuse if ANY address is not public (`is_public_address`).
* **Connect to the address you checked.** Resolving again at connect time could give a
  different answer. `pinned_request` sends the request to the vetted IP while the Host header
  (and TLS server name) stay the host's.
* **Redirects are new requests.** Never let the HTTP client follow them: each `Location` goes
  through the same checks, at most `max_redirects` times.

The resolver and the transport are injected, so tests run without a network.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from shop.tools import Tool

# (host, port) -> the IP addresses it resolves to, as text.
Resolver = Callable[[str, int], list[str]]


def system_resolver(host: str, port: int) -> list[str]:
    """The machine's resolver (used in production and in the live tests)."""
    infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return sorted({str(info[4][0]) for info in infos})


class BlockedURL(ValueError):
    """The URL may not be fetched; the message says which rule refused it."""


def is_public_address(address: str) -> bool:
    """True only for a globally routable unicast address.

    False for private (10/8, 172.16/12, 192.168/16, fc00::/7), loopback, link-local
    (169.254/16, where cloud metadata lives; fe80::/10), carrier-grade NAT, unspecified,
    reserved, documentation and multicast addresses, and for an IPv4 address hidden in IPv6
    (`::ffff:127.0.0.1` is 127.0.0.1). `ipaddress` knows these ranges: use it, not prefixes
    of strings.
    """
    # BEGIN SOLUTION
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast
    # STARTER: raise NotImplementedError("TODO(day47): is this address safe to connect to?")
    # END SOLUTION


def pinned_request(url: httpx.URL, address: str) -> httpx.Request:
    """A GET for `url` that connects to `address`; Host header and TLS name stay `url.host`."""
    return httpx.Request(
        "GET",
        url.copy_with(host=address),
        headers={"Host": url.host},
        extensions={"sni_hostname": url.host},
    )


@dataclass
class Fetcher:
    allowed_hosts: frozenset[str]
    resolver: Resolver = system_resolver
    transport: httpx.BaseTransport | None = None
    max_redirects: int = 3
    max_chars: int = 4000
    timeout_seconds: float = 5.0
    fetched: list[str] = field(default_factory=list)  # the vetted URLs requested, in order

    def vet(self, url: str) -> tuple[httpx.URL, str]:
        """The parsed URL and the one address to connect to, or BlockedURL.

        Check the scheme, then the host against the allowlist (before resolving anything: a
        host that is not allowed is never looked up), then resolve it once with
        `self.resolver(host, port)` (port: the URL's, else 443 for https and 80 for http) and
        refuse when it resolves to nothing or to any address that is not public. Return the
        first address.
        """
        # BEGIN SOLUTION
        try:
            parsed = httpx.URL(url)
        except httpx.InvalidURL as error:
            raise BlockedURL(f"not a valid URL: {error}") from error
        if parsed.scheme not in ("http", "https"):
            raise BlockedURL(f"scheme {parsed.scheme!r} is not allowed; use http or https")
        host = parsed.host.lower().rstrip(".")
        if host not in self.allowed_hosts:
            raise BlockedURL(f"host {host!r} is not on the allowlist")
        port = parsed.port or (443 if parsed.scheme == "https" else 80)
        addresses = self.resolver(host, port)
        if not addresses:
            raise BlockedURL(f"host {host!r} does not resolve")
        for address in addresses:
            if not is_public_address(address):
                raise BlockedURL(f"host {host!r} resolves to {address}, which is not public")
        return parsed.copy_with(host=host), addresses[0]
        # STARTER: raise NotImplementedError("TODO(day47): scheme, allowlist, resolve, check")
        # END SOLUTION

    def fetch(self, url: str) -> dict[str, Any]:
        """GET `url` safely: `{"url", "status", "content_type", "body"}` (body cut at max_chars).

        Use an `httpx.Client(transport=self.transport, follow_redirects=False, ...)`. For each
        hop: `vet` the URL, append it (as text) to `self.fetched`, send `pinned_request`. On a
        redirect (`response.is_redirect`), the next URL is the Location header joined to the
        current URL, and it is vetted like the first. More than `max_redirects` redirects is
        BlockedURL.
        """
        # BEGIN SOLUTION
        with httpx.Client(
            transport=self.transport, follow_redirects=False, timeout=self.timeout_seconds
        ) as client:
            for _hop in range(self.max_redirects + 1):
                target, address = self.vet(url)
                self.fetched.append(str(target))
                response = client.send(pinned_request(target, address))
                if not response.is_redirect:
                    return {
                        "url": str(target),
                        "status": response.status_code,
                        "content_type": response.headers.get("content-type", ""),
                        "body": response.text[: self.max_chars],
                    }
                url = str(target.join(response.headers["location"]))
        raise BlockedURL(f"more than {self.max_redirects} redirects")
        # STARTER: raise NotImplementedError("TODO(day47): vet every hop, follow no redirect")
        # END SOLUTION


def make_http_tool(fetcher: Fetcher) -> Tool:
    hosts = ", ".join(sorted(fetcher.allowed_hosts))
    return Tool(
        name="http_get",
        description=f"Fetch a web page or API response with GET. Only these hosts work: {hosts}.",
        parameters={
            "type": "object",
            "properties": {"url": {"type": "string", "minLength": 1, "maxLength": 2000}},
            "required": ["url"],
            "additionalProperties": False,
        },
        handler=fetcher.fetch,
    )
