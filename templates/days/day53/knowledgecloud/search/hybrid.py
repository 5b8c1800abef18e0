"""Hybrid retrieval: BM25 (exact words, codes, names) and vectors (meaning), fused with RRF.

Both rankings are computed over one tenant's chunks only: the tenant filter comes first, then
the top-k. Filtering after the top-k would return fewer results than asked (or none) whenever
other tenants' chunks score higher, and ranking across tenants leaks their statistics into yours.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from rank_bm25 import BM25Okapi

from knowledgecloud.indexing.embedder import embed
from knowledgecloud.indexing.index import Chunk, IndexReader
from knowledgecloud.search.fusion import Hit, reciprocal_rank_fusion

TOKEN = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*")


def tokenize(text: str) -> list[str]:
    """Lowercase words; hyphenated codes such as ERR-4711 stay one token."""
    return TOKEN.findall(text.lower())


@dataclass(frozen=True)
class Result:
    chunk: Chunk
    score: float

    def citation(self) -> dict:
        return {
            "document_id": self.chunk.document_id,
            "chunk_id": self.chunk.id,
            "page": self.chunk.page,
            "text": self.chunk.text,
            "score": round(self.score, 6),
        }


def keyword_ranking(chunks: list[Chunk], query: str, depth: int) -> list[Hit]:
    """BM25 over the chunks; only chunks sharing a word with the query are ranked."""
    terms = tokenize(query)
    if not chunks or not terms:
        return []
    documents = [tokenize(chunk.text) for chunk in chunks]
    scores = BM25Okapi(documents).get_scores(terms)
    wanted = set(terms)
    hits = [
        Hit(chunk.id, float(score))
        for chunk, words, score in zip(chunks, documents, scores, strict=True)
        if wanted.intersection(words)
    ]
    return sorted(hits, key=lambda hit: (-hit.score, hit.id))[:depth]


def vector_ranking(
    ids: list[str], matrix: np.ndarray, query_vector: np.ndarray, depth: int
) -> list[Hit]:
    """Cosine similarity (rows are unit length): the nearest chunks first."""
    if not ids:
        return []
    similarities = matrix @ query_vector
    hits = [Hit(chunk_id, float(s)) for chunk_id, s in zip(ids, similarities, strict=True)]
    return sorted(hits, key=lambda hit: (-hit.score, hit.id))[:depth]


class HybridSearch:
    def __init__(
        self,
        reader: IndexReader,
        embedder: Callable[[list[str]], np.ndarray] = embed,
        depth: int = 20,
    ) -> None:
        self.reader = reader
        self.embedder = embedder
        self.depth = depth

    def search(self, tenant_id: str, query: str, k: int = 5) -> list[Result]:
        """The tenant's k best chunks for the query, by RRF of the BM25 and vector rankings."""
        # BEGIN SOLUTION
        chunks = {chunk.id: chunk for chunk in self.reader.chunks(tenant_id)}
        if not chunks or not query.strip():
            return []
        keyword = keyword_ranking(list(chunks.values()), query, self.depth)
        ids, matrix = self.reader.vectors(tenant_id)
        semantic = vector_ranking(ids, matrix, self.embedder([query])[0], self.depth)
        fused = reciprocal_rank_fusion([keyword, semantic])
        return [Result(chunks[f.id], f.score) for f in fused if f.id in chunks][:k]
        # STARTER: raise NotImplementedError("TODO(day53): rank both ways, fuse, cite")
        # END SOLUTION
