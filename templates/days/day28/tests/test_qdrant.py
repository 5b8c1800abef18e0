"""The Qdrant adapter: offline against a recording fake server, live against compose.yaml's."""

import json
import os
import uuid

import httpx
import pytest

from app.filters import Filters
from app.qdrant import QdrantCatalogue
from app.vectors import embed


class RecordingQdrant:
    """An httpx handler that records each request and answers like Qdrant would."""

    def __init__(self, points):
        self.requests = []
        self.points = points

    def __call__(self, request: httpx.Request) -> httpx.Response:
        body = json.loads(request.content) if request.content else None
        self.requests.append((request.method, request.url.path, body))
        if request.url.path.endswith("/points/query"):
            return httpx.Response(200, json={"result": {"points": self.points}, "status": "ok"})
        return httpx.Response(200, json={"result": True, "status": "ok"})


def catalogue_with(handler):
    client = httpx.Client(base_url="http://qdrant.test", transport=httpx.MockTransport(handler))
    return QdrantCatalogue(client, collection="products")


def test_qdrant_indexes_the_payload_and_filters_inside_its_search(products):
    server = RecordingQdrant(
        [{"id": 10, "score": 0.71, "payload": {"sku": "KI-3001", "category": "kitchen"}}]
    )
    catalogue = catalogue_with(server)
    catalogue.recreate(256)
    catalogue.upsert(products[:3], embed([p.text() for p in products[:3]]))
    indexed = {b["field_name"]: b["field_schema"] for m, p, b in server.requests if "/index" in p}
    assert indexed == {"category": "keyword", "price_cents": "integer", "in_stock": "bool"}
    _, _, upsert = server.requests[-1]
    assert [point["payload"]["sku"] for point in upsert["points"]] == [p.sku for p in products[:3]]

    filters = Filters(category="kitchen", max_price_cents=5000)
    hits = catalogue.search(embed(["keep my coffee hot"])[0], k=5, filters=filters)
    assert [(h.sku, h.score) for h in hits] == [("KI-3001", 0.71)]
    method, path, body = server.requests[-1]
    assert (method, path) == ("POST", "/collections/products/points/query")
    assert len(body["query"]) == 256
    # The filter goes to Qdrant with the query, and the limit is the k asked for: Qdrant
    # returns the 5 best *matching* points. Filtering its answer afterwards would not.
    assert body["limit"] == 5
    assert body["filter"] == {
        "must": [
            {"key": "category", "match": {"value": "kitchen"}},
            {"key": "price_cents", "range": {"lte": 5000}},
        ]
    }


@pytest.mark.live
def test_live_qdrant_returns_the_same_filtered_neighbours_as_the_local_index(hybrid, products):
    if not os.environ.get("QDRANT_URL"):
        pytest.fail("QDRANT_URL is not set; see .env.example")
    catalogue = QdrantCatalogue.from_env(collection=f"live-{uuid.uuid4().hex[:8]}")
    try:
        catalogue.recreate(hybrid.vectors.vectors.shape[1])
        catalogue.upsert(products, hybrid.vectors.vectors)
        for query, filters in [
            ("keep my coffee hot", Filters()),
            ("coffee", Filters(category="outdoor")),
            ("headphones for travel", Filters(max_price_cents=5000, in_stock=True)),
        ]:
            remote = catalogue.search(embed([query])[0], k=5, filters=filters)
            local = hybrid.vectors.search(query, k=5, filters=filters)
            assert [h.sku for h in remote] == [h.sku for h in local], query
            assert [h.score for h in remote] == pytest.approx([h.score for h in local], abs=1e-4)
    finally:
        catalogue.client.delete(f"/collections/{catalogue.collection}")
