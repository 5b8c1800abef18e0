"""The shop database, the fake carrier API, a fake resolver and the course's fake LLM."""

from __future__ import annotations

import json
import os

import httpx
import pytest

from fakellm import FakeLLM
from shop.approvals import ApprovalQueue
from shop.http_tool import Fetcher
from shop.shopdb import create_shop_db
from shop.toolbox import CARRIER_HOST, build_registry

CARRIER_IP = "93.184.216.34"  # a public address: what the carrier's name resolves to here
METADATA_IP = "169.254.169.254"


def pytest_collection_modifyitems(config, items):
    if os.environ.get("BEC_LIVE") == "1":
        return
    skip_live = pytest.mark.skip(reason="needs a real provider; run with BEC_LIVE=1")
    for item in items:
        if "live" in item.keywords:
            item.add_marker(skip_live)


@pytest.fixture
def db_path(tmp_path):
    return create_shop_db(tmp_path / "shop.db")


class FakeResolver:
    """A DNS stand-in: answers from a table, or from a list of answers in turn (rebinding)."""

    def __init__(self, table: dict[str, list[str] | list[list[str]]]) -> None:
        self.table = table
        self.calls: list[tuple[str, int]] = []

    def __call__(self, host: str, port: int) -> list[str]:
        self.calls.append((host, port))
        answer = self.table.get(host, [])
        if answer and isinstance(answer[0], list):  # a sequence of answers, one per lookup
            return answer.pop(0) if len(answer) > 1 else answer[0]
        return list(answer)


class FakeNetwork:
    """The carrier's API and, behind it, the cloud metadata service nobody may reach."""

    def __init__(self) -> None:
        self.requests: list[httpx.Request] = []

    def handle(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        if request.url.host == METADATA_IP or request.url.path.startswith("/latest/meta-data"):
            return httpx.Response(200, text="AWS_SECRET_ACCESS_KEY=metadata-secret")
        path = request.url.path
        if path.startswith("/track/"):
            parcel = path.rsplit("/", 1)[1]
            return httpx.Response(200, json={"parcel": parcel, "status": "out for delivery"})
        if path == "/moved-outside":
            return httpx.Response(
                302, headers={"location": f"http://{METADATA_IP}/latest/meta-data/"}
            )
        if path == "/moved-inside":
            return httpx.Response(301, headers={"location": "/track/PP-1"})
        if path == "/loop":
            return httpx.Response(302, headers={"location": "/loop"})
        return httpx.Response(404, json={"error": "not found"})

    def reached_metadata(self) -> bool:
        return any(
            r.url.host == METADATA_IP or r.url.path.startswith("/latest/meta-data")
            for r in self.requests
        )


@pytest.fixture
def network():
    return FakeNetwork()


@pytest.fixture
def resolver():
    return FakeResolver({CARRIER_HOST: [CARRIER_IP]})


@pytest.fixture
def fetcher(resolver, network):
    return Fetcher(
        allowed_hosts=frozenset({CARRIER_HOST}),
        resolver=resolver,
        transport=httpx.MockTransport(network.handle),
    )


@pytest.fixture
def approvals():
    return ApprovalQueue()


@pytest.fixture
def registry(db_path, fetcher, approvals):
    return build_registry(db_path, fetcher, approvals)


@pytest.fixture
def llm() -> FakeLLM:
    return FakeLLM()


def tool_messages(body: dict) -> list[dict]:
    """The decoded `tool` messages of a recorded request."""
    return [json.loads(m["content"]) for m in body["messages"] if m["role"] == "tool"]
