"""The same store interface, backed by Qdrant's REST API.

Only plain HTTP through httpx: you see every request a client library would hide. Qdrant wraps
each answer as {"result": ..., "status": "ok", "time": ...}.

Qdrant point ids must be unsigned integers or UUIDs, so a document id such as "faq-3" is mapped
to a stable UUID (uuid5) and the original id travels in the payload under "doc_id".
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Sequence
from typing import Any

import httpx
import numpy as np

from app.similarity import as_vector
from app.store import Hit, Where

ID_NAMESPACE = uuid.UUID("3f1c7a52-9d4e-4b8a-a6f0-5c2e8d9b7a10")


def point_id(doc_id: str) -> str:
    """The Qdrant point id for a document id: the same input always gives the same UUID."""
    return str(uuid.uuid5(ID_NAMESPACE, doc_id))


def to_qdrant_filter(where: Where | None) -> dict[str, Any] | None:
    """Translate our `where` dict into a Qdrant filter (None when there is nothing to filter).

    {"lang": "en", "topic": ["auth", "billing"]} ->
    {"must": [{"key": "lang", "match": {"value": "en"}},
              {"key": "topic", "match": {"any": ["auth", "billing"]}}]}
    """
    # BEGIN SOLUTION
    if not where:
        return None
    conditions = []
    for key, wanted in where.items():
        if isinstance(wanted, list | tuple | set | frozenset):
            match: dict[str, Any] = {"any": list(wanted)}
        else:
            match = {"value": wanted}
        conditions.append({"key": key, "match": match})
    return {"must": conditions}
    # STARTER: raise NotImplementedError("TODO(day09): build a Qdrant filter with must/match")
    # END SOLUTION


class QdrantStore:
    def __init__(
        self,
        collection: str,
        dim: int,
        *,
        base_url: str | None = None,
        api_key: str | None = None,
        client: httpx.Client | None = None,
    ) -> None:
        self.collection = collection
        self.dim = dim
        if client is None:
            headers = {}
            key = api_key if api_key is not None else os.environ.get("QDRANT_API_KEY")
            if key:
                headers["api-key"] = key
            client = httpx.Client(
                base_url=base_url or os.environ.get("QDRANT_URL", "http://localhost:6333"),
                headers=headers,
                timeout=10.0,
            )
        self.client = client

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        """Send one request and return the "result" part of Qdrant's answer."""
        response = self.client.request(method, path, json=body)
        response.raise_for_status()
        return response.json()["result"]

    def _vector(self, vector: Sequence[float] | np.ndarray) -> list[float]:
        """Check the vector locally (ValueError before any request) and make it JSON-friendly."""
        return [float(x) for x in as_vector(vector, self.dim)]

    def ensure_collection(self) -> bool:
        """Create the collection (cosine distance, self.dim) unless it exists. True if created.

        GET  /collections/{name}/exists -> {"exists": bool}
        PUT  /collections/{name}  with {"vectors": {"size": ..., "distance": "Cosine"}}
        """
        # BEGIN SOLUTION
        exists = self._call("GET", f"/collections/{self.collection}/exists")["exists"]
        if exists:
            return False
        self._call(
            "PUT",
            f"/collections/{self.collection}",
            {"vectors": {"size": self.dim, "distance": "Cosine"}},
        )
        return True
        # STARTER: raise NotImplementedError("TODO(day09): check /exists, then PUT the collection")
        # END SOLUTION

    def upsert(
        self, doc_id: str, vector: Sequence[float] | np.ndarray, payload: Where | None = None
    ) -> None:
        """Store one point and wait until it is searchable.

        PUT /collections/{name}/points?wait=true with
        {"points": [{"id": <uuid>, "vector": [floats], "payload": {..., "doc_id": doc_id}}]}
        Check the vector with self._vector before sending anything.
        """
        # BEGIN SOLUTION
        point = {
            "id": point_id(doc_id),
            "vector": self._vector(vector),
            "payload": {**dict(payload or {}), "doc_id": doc_id},
        }
        self._call("PUT", f"/collections/{self.collection}/points?wait=true", {"points": [point]})
        # STARTER: raise NotImplementedError("TODO(day09): PUT the point with a uuid5 id")
        # END SOLUTION

    def query(
        self, vector: Sequence[float] | np.ndarray, top_k: int = 3, where: Where | None = None
    ) -> list[Hit]:
        """Nearest points, best first, as Hit(id=<doc_id>, score, payload without "doc_id").

        POST /collections/{name}/points/query with
        {"query": [floats], "limit": top_k, "with_payload": true, "filter": ... (only if any)}
        The answer's result is {"points": [{"id", "score", "payload"}, ...]}.
        """
        # BEGIN SOLUTION
        if top_k < 1:
            raise ValueError("top_k must be at least 1")
        body: dict[str, Any] = {
            "query": self._vector(vector),
            "limit": top_k,
            "with_payload": True,
        }
        qfilter = to_qdrant_filter(where)
        if qfilter is not None:
            body["filter"] = qfilter
        result = self._call("POST", f"/collections/{self.collection}/points/query", body)
        hits = []
        for point in result["points"]:
            payload = dict(point.get("payload") or {})
            doc_id = payload.pop("doc_id", str(point["id"]))
            hits.append(Hit(doc_id, float(point["score"]), payload))
        return hits
        # STARTER: raise NotImplementedError("TODO(day09): POST a query and parse the points")
        # END SOLUTION
