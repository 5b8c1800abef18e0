"""The catalogue's vectors in Qdrant, over its REST API (httpx, no extra client library).

Qdrant keeps the vectors in an HNSW graph and the product fields as a *payload* next to each
vector. The filter travels with the query, so Qdrant applies it during the graph search and
returns the k best points that match; indexing the payload fields you filter on keeps that fast.

    QDRANT_URL=http://localhost:6333 and QDRANT_API_KEY (see .env.example and compose.yaml)
"""

from __future__ import annotations

import os
from dataclasses import asdict
from typing import Any

import httpx
import numpy as np

from app.catalogue import Product
from app.filters import NO_FILTERS, Filters
from app.keyword import Hit

# How each filtered payload field is indexed in Qdrant.
PAYLOAD_INDEXES = {"category": "keyword", "price_cents": "integer", "in_stock": "bool"}


class QdrantCatalogue:
    def __init__(self, client: httpx.Client, collection: str = "products") -> None:
        self.client = client
        self.collection = collection

    @classmethod
    def from_env(cls, collection: str = "products") -> QdrantCatalogue:
        """QDRANT_URL, and QDRANT_API_KEY when the server requires one (compose.yaml's does)."""
        url = os.environ.get("QDRANT_URL", "http://localhost:6333")
        key = os.environ.get("QDRANT_API_KEY")
        headers = {"api-key": key} if key else {}
        return cls(httpx.Client(base_url=url, headers=headers, timeout=10.0), collection)

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        response = self.client.request(method, f"/collections/{self.collection}{path}", json=body)
        if response.status_code >= 400:
            raise RuntimeError(
                f"Qdrant {method} {path or '/'} failed: {response.status_code} {response.text}"
            )
        return response.json()["result"]

    def recreate(self, dimensions: int) -> None:
        """Drop the collection if it exists, create it for cosine similarity, index the payload."""
        self.client.delete(f"/collections/{self.collection}")
        self._call("PUT", "", {"vectors": {"size": dimensions, "distance": "Cosine"}})
        for field, schema in PAYLOAD_INDEXES.items():
            self._call("PUT", "/index?wait=true", {"field_name": field, "field_schema": schema})

    def upsert(self, products: list[Product], vectors: np.ndarray) -> None:
        points = [
            {"id": i, "vector": [float(x) for x in vector], "payload": asdict(product)}
            for i, (product, vector) in enumerate(zip(products, vectors, strict=True))
        ]
        self._call("PUT", "/points?wait=true", {"points": points})

    def search(self, vector: np.ndarray, k: int = 5, filters: Filters = NO_FILTERS) -> list[Hit]:
        """The k nearest products that pass the filters, filtered by Qdrant during the search."""
        body: dict[str, Any] = {
            "query": [float(x) for x in vector],
            "limit": k,
            "with_payload": True,
        }
        condition = filters.to_qdrant()
        if condition is not None:
            body["filter"] = condition
        result = self._call("POST", "/points/query", body)
        return [Hit(point["payload"]["sku"], float(point["score"])) for point in result["points"]]
