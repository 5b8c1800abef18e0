"""An in-memory vector store: chunks with their embeddings, searched by cosine similarity.

Cosine similarity compares directions only: cos(q, v) = q·v / (|q| |v|), from -1 to 1. A raw dot
product also grows with the vectors' lengths, and an embedding's length says more about how
long or wordy its text is than about what it means, so an unnormalised store prefers long chunks
to relevant ones. Normalise every vector once when it is added, and the query once per search:
then a dot product *is* the cosine.

The search is exact (the query is compared with every chunk): a few thousand chunks take well
under a millisecond with numpy. Day 28's Qdrant does the same job with an approximate index when
there are millions.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from shop.chunking import Chunk


@dataclass(frozen=True)
class Hit:
    chunk: Chunk
    score: float  # cosine similarity with the query, -1..1


def normalise(vectors: np.ndarray) -> np.ndarray:
    """Each row scaled to length 1 (a zero row stays zero)."""
    # BEGIN SOLUTION
    vectors = np.atleast_2d(np.asarray(vectors, dtype=np.float32))
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)
    # STARTER: raise NotImplementedError("TODO(day43): scale each row to unit length")
    # END SOLUTION


class VectorStore:
    def __init__(self) -> None:
        self.chunks: list[Chunk] = []
        self._vectors = np.zeros((0, 0), dtype=np.float32)

    def __len__(self) -> int:
        return len(self.chunks)

    def add(self, chunks: list[Chunk], vectors: np.ndarray) -> None:
        """Store the chunks with their embeddings (one row per chunk, in the same order)."""
        # BEGIN SOLUTION
        if len(chunks) != len(vectors):
            raise ValueError(f"{len(chunks)} chunks but {len(vectors)} vectors")
        if not chunks:
            return
        rows = normalise(vectors)
        self._vectors = rows if not self.chunks else np.vstack([self._vectors, rows])
        self.chunks.extend(chunks)
        # STARTER: raise NotImplementedError("TODO(day43): keep the chunks and their vectors")
        # END SOLUTION

    def search(self, query: np.ndarray, k: int = 3) -> list[Hit]:
        """The k chunks most similar to the query vector, best first, by cosine similarity.
        Equal scores are ordered by chunk id, so results are the same on every run."""
        if not self.chunks or k <= 0:
            return []
        # BEGIN SOLUTION
        scores = self._vectors @ normalise(query)[0]
        hits = [Hit(chunk, float(score)) for chunk, score in zip(self.chunks, scores, strict=True)]
        hits.sort(key=lambda hit: (-hit.score, hit.chunk.id))
        return hits[:k]
        # STARTER: raise NotImplementedError("TODO(day43): cosine similarity, best k first")
        # END SOLUTION
