"""An in-memory vector store: the same job a vector database does, minus the index structures.

A vector database keeps (id, vector, payload) points and answers "which stored vectors are
closest to this one?", optionally restricted by a filter on the payload. This store does it by
brute force: score every candidate, keep the best k. Real engines (Qdrant, Weaviate, Pinecone)
use approximate indexes such as HNSW to avoid scoring everything.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np

from app.similarity import as_vector

Where = Mapping[str, Any]


@dataclass(frozen=True)
class Hit:
    id: str
    score: float
    payload: dict[str, Any] = field(default_factory=dict)


def unit(vector: np.ndarray) -> np.ndarray:
    """Scale a (non-zero) vector to length 1. For unit vectors, cosine similarity = dot product."""
    return vector / np.linalg.norm(vector)


def matches(payload: Mapping[str, Any], where: Where | None) -> bool:
    """True when the payload satisfies every condition in `where`.

    {"lang": "en"}                 -> payload["lang"] == "en"
    {"topic": ["auth", "billing"]} -> payload["topic"] is one of the listed values
    A key missing from the payload never matches. None or {} matches everything.
    """
    # BEGIN SOLUTION
    if not where:
        return True
    for key, wanted in where.items():
        if key not in payload:
            return False
        value = payload[key]
        if isinstance(wanted, list | tuple | set | frozenset):
            if value not in wanted:
                return False
        elif value != wanted:
            return False
    return True
    # STARTER: raise NotImplementedError("TODO(day09): check every condition of the filter")
    # END SOLUTION


class InMemoryVectorStore:
    def __init__(self, dim: int) -> None:
        self.dim = dim
        self._points: dict[str, tuple[np.ndarray, dict[str, Any]]] = {}

    def __len__(self) -> int:
        return len(self._points)

    def upsert(
        self, point_id: str, vector: Sequence[float] | np.ndarray, payload: Where | None = None
    ) -> None:
        """Insert a point, or replace the one with the same id (that is what "upsert" means).

        Vectors are checked, then stored normalised to length 1.
        """
        self._points[point_id] = (unit(as_vector(vector, self.dim)), dict(payload or {}))

    def query(
        self, vector: Sequence[float] | np.ndarray, top_k: int = 3, where: Where | None = None
    ) -> list[Hit]:
        """The `top_k` points most similar to `vector`, best first, among those matching `where`.

        Scores are cosine similarities: stored vectors are unit length, so normalise the query
        too and the score is a dot product. Equal scores are ordered by id so results are stable.
        top_k < 1 and a vector of the wrong dimension raise ValueError.
        """
        # BEGIN SOLUTION
        if top_k < 1:
            raise ValueError("top_k must be at least 1")
        q = unit(as_vector(vector, self.dim))
        hits = [
            Hit(point_id, float(np.clip(np.dot(q, stored), -1.0, 1.0)), dict(payload))
            for point_id, (stored, payload) in self._points.items()
            if matches(payload, where)
        ]
        hits.sort(key=lambda hit: (-hit.score, hit.id))
        return hits[:top_k]
        # STARTER: raise NotImplementedError("TODO(day09): filter, score, sort, cut to top_k")
        # END SOLUTION
