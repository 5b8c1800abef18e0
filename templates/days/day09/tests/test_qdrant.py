"""The Qdrant adapter against a fake server: httpx.MockTransport records every request."""

import json
import uuid

import httpx
import pytest

from app.qdrant import QdrantStore, point_id


class FakeQdrant:
    def __init__(self, existing: bool = False, points: list | None = None) -> None:
        self.requests: list[httpx.Request] = []
        self.existing = existing
        self.points = points or []

    def handler(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        path = request.url.path
        if request.method == "GET" and path.endswith("/exists"):
            result: object = {"exists": self.existing}
        elif request.method == "POST" and path.endswith("/points/query"):
            result = {"points": self.points}
        elif request.method == "PUT":
            result = True if path.count("/") == 2 else {"operation_id": 1, "status": "completed"}
        else:
            return httpx.Response(404, json={"status": {"error": "not found"}})
        return httpx.Response(200, json={"result": result, "status": "ok", "time": 0.001})

    def store(self, dim: int = 3) -> QdrantStore:
        client = httpx.Client(
            base_url="http://qdrant.test", transport=httpx.MockTransport(self.handler)
        )
        return QdrantStore("docs", dim, client=client)

    def body(self, index: int) -> dict:
        return json.loads(self.requests[index].content)


def test_ensure_collection_creates_a_cosine_collection_only_when_missing():
    fake = FakeQdrant(existing=False)
    assert fake.store(dim=3).ensure_collection() is True
    assert [(r.method, r.url.path) for r in fake.requests] == [
        ("GET", "/collections/docs/exists"),
        ("PUT", "/collections/docs"),
    ]
    assert fake.body(1) == {"vectors": {"size": 3, "distance": "Cosine"}}

    fake = FakeQdrant(existing=True)
    assert fake.store().ensure_collection() is False
    assert [r.method for r in fake.requests] == ["GET"]


def test_upsert_sends_a_uuid_point_with_vector_and_payload():
    fake = FakeQdrant()
    fake.store().upsert("faq-3", [0.5, 0.25, 0.0], {"topic": "auth"})

    (request,) = fake.requests
    assert request.method == "PUT"
    assert request.url.path == "/collections/docs/points"
    assert request.url.params["wait"] == "true"
    (point,) = fake.body(0)["points"]
    assert point["id"] == point_id("faq-3")
    assert uuid.UUID(point["id"]).version == 5
    assert point["vector"] == [0.5, 0.25, 0.0]
    assert point["payload"] == {"topic": "auth", "doc_id": "faq-3"}

    with pytest.raises(ValueError):
        fake.store().upsert("short", [1.0, 0.0], {})
    assert len(fake.requests) == 1, "a bad vector must be rejected before any request"


def test_query_sends_limit_and_filter_and_maps_points_back_to_hits():
    fake = FakeQdrant(
        points=[
            {
                "id": point_id("a"),
                "version": 1,
                "score": 0.91,
                "payload": {"doc_id": "a", "lang": "en"},
            },
            {
                "id": point_id("b"),
                "version": 1,
                "score": 0.42,
                "payload": {"doc_id": "b", "lang": "en"},
            },
        ]
    )
    hits = fake.store().query([1.0, 0.0, 0.0], top_k=2, where={"lang": "en", "topic": ["x", "y"]})

    (request,) = fake.requests
    assert (request.method, request.url.path) == ("POST", "/collections/docs/points/query")
    assert fake.body(0) == {
        "query": [1.0, 0.0, 0.0],
        "limit": 2,
        "with_payload": True,
        "filter": {
            "must": [
                {"key": "lang", "match": {"value": "en"}},
                {"key": "topic", "match": {"any": ["x", "y"]}},
            ]
        },
    }
    assert [(h.id, h.score) for h in hits] == [("a", 0.91), ("b", 0.42)]
    assert hits[0].payload == {"lang": "en"}

    fake.store().query([0.0, 1.0, 0.0], top_k=1)
    assert "filter" not in fake.body(1)
