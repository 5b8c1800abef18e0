"""The HTTP tool reaches the carrier's API and nothing else: allowlist, resolve, pin, re-check."""

from __future__ import annotations

import httpx
import pytest

from shop.http_tool import BlockedURL, Fetcher, is_public_address
from shop.toolbox import CARRIER_HOST
from tests.conftest import CARRIER_IP, METADATA_IP, FakeResolver


@pytest.mark.parametrize(
    "address",
    [
        "169.254.169.254",
        "127.0.0.1",
        "127.8.8.8",
        "10.0.0.5",
        "172.20.1.1",
        "192.168.1.10",
        "100.64.0.1",
        "0.0.0.0",
        "224.0.0.1",
        "::1",
        "fe80::1",
        "fd00::1",
        "::ffff:127.0.0.1",
        "::ffff:169.254.169.254",
    ],
    ids=lambda address: address.replace(":", "-"),
)
def test_private_loopback_link_local_and_mapped_addresses_are_not_public(address):
    assert is_public_address(address) is False


@pytest.mark.parametrize(
    "address",
    ["93.184.216.34", "8.8.8.8", "2606:4700:4700::1111"],
    ids=lambda address: address.replace(":", "-"),
)
def test_ordinary_internet_addresses_are_public(address):
    assert is_public_address(address) is True


def test_allowed_host_is_fetched_from_the_address_that_was_checked(fetcher, network, resolver):
    result = fetcher.fetch(f"https://{CARRIER_HOST}/track/PP-7")
    assert result["status"] == 200
    assert '"out for delivery"' in result["body"]
    assert resolver.calls == [(CARRIER_HOST, 443)]
    [request] = network.requests
    assert request.url.host == CARRIER_IP
    assert request.headers["host"] == CARRIER_HOST


@pytest.mark.parametrize(
    "url",
    [
        f"http://{METADATA_IP}/latest/meta-data/",
        "http://2852039166/latest/meta-data/",  # 169.254.169.254 written as one number
        "http://0xa9fea9fe/latest/meta-data/",  # and in hex
        "http://localhost:8080/admin",
        f"http://{CARRIER_HOST}@{METADATA_IP}/latest/meta-data/",  # the host is after the @
        f"http://{CARRIER_HOST}.evil.example/track/1",
        f"file:///etc/passwd#{CARRIER_HOST}",
        f"ftp://{CARRIER_HOST}/track/1",
    ],
    ids=[
        "metadata-ip",
        "decimal-ip",
        "hex-ip",
        "localhost",
        "userinfo-trick",
        "suffix-trick",
        "file-scheme",
        "ftp-scheme",
    ],
)
def test_urls_outside_the_allowlist_are_refused_without_a_lookup_or_a_request(
    fetcher, network, resolver, url
):
    with pytest.raises(BlockedURL):
        fetcher.fetch(url)
    assert resolver.calls == []
    assert network.requests == []


@pytest.mark.parametrize(
    "addresses",
    [
        [METADATA_IP],
        ["127.0.0.1"],
        ["10.20.30.40"],
        ["::ffff:127.0.0.1"],
        [CARRIER_IP, "192.168.0.7"],  # one bad address among good ones is enough
        [],
    ],
    ids=["metadata", "loopback", "private", "mapped-loopback", "one-bad-of-two", "no-address"],
)
def test_allowed_name_that_resolves_inside_is_refused(network, addresses):
    fetcher = Fetcher(
        allowed_hosts=frozenset({CARRIER_HOST}),
        resolver=FakeResolver({CARRIER_HOST: addresses}),
        transport=httpx.MockTransport(network.handle),
    )
    with pytest.raises(BlockedURL):
        fetcher.fetch(f"https://{CARRIER_HOST}/track/PP-7")
    assert network.requests == []


def test_dns_rebinding_cannot_switch_the_address_after_the_check(network):
    # The first answer is public; any later lookup would say loopback.
    rebinding = FakeResolver({CARRIER_HOST: [[CARRIER_IP], ["127.0.0.1"]]})
    fetcher = Fetcher(
        allowed_hosts=frozenset({CARRIER_HOST}),
        resolver=rebinding,
        transport=httpx.MockTransport(network.handle),
    )
    fetcher.fetch(f"https://{CARRIER_HOST}/track/PP-7")
    assert len(rebinding.calls) == 1
    assert [r.url.host for r in network.requests] == [CARRIER_IP]


def test_redirect_to_the_metadata_service_is_not_followed(fetcher, network):
    with pytest.raises(BlockedURL):
        fetcher.fetch(f"https://{CARRIER_HOST}/moved-outside")
    assert not network.reached_metadata()
    assert len(network.requests) == 1


def test_redirect_within_the_allowed_host_is_checked_again_and_followed(fetcher, network, resolver):
    result = fetcher.fetch(f"https://{CARRIER_HOST}/moved-inside")
    assert result["url"] == f"https://{CARRIER_HOST}/track/PP-1"
    assert result["status"] == 200
    assert fetcher.fetched == [
        f"https://{CARRIER_HOST}/moved-inside",
        f"https://{CARRIER_HOST}/track/PP-1",
    ]
    assert len(resolver.calls) == 2  # every hop is vetted
    assert all(r.url.host == CARRIER_IP for r in network.requests)


def test_a_redirect_loop_stops_after_max_redirects(fetcher, network):
    with pytest.raises(BlockedURL, match="redirects"):
        fetcher.fetch(f"https://{CARRIER_HOST}/loop")
    assert len(network.requests) == fetcher.max_redirects + 1


def test_the_tool_tells_the_model_why_a_url_was_refused(registry, network):
    outcome = registry.call("http_get", {"url": f"http://{METADATA_IP}/latest/meta-data/"})
    assert outcome["ok"] is False
    assert "allowlist" in outcome["error"]
    assert network.requests == []
