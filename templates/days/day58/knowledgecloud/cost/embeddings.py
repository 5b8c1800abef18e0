"""Embeddings: a real offline model, and batching for an embedding API that bills per call.

WordLlama's weights ship inside its Python package, so the tests embed for real without a
download. A hosted embedding API is different: each HTTP call has a fixed overhead (latency, a
slot of the rate limit, often a minimum charge), and most accept up to a few dozen texts per call.
Indexing 10,000 chunks one call at a time spends 10,000 round trips; in batches of 32, 313.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

import numpy as np
import wordllama
from wordllama import WordLlama

BATCH_SIZE = 32  # texts per call: the provider's limit, or what keeps a request small enough


@cache
def model() -> WordLlama:
    """The model bundled with the package, loaded once per process; never downloads."""
    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


def embed_texts(texts: Sequence[str]) -> np.ndarray:
    """One call: a row per text, each L2-normalised (so a dot product is the cosine)."""
    vectors = np.asarray(model().embed(list(texts)), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


def embed_one(text: str) -> np.ndarray:
    return embed_texts([text])[0]


class BatchingEmbedder:
    """Embeds any number of texts with as few calls of `embed_batch` as the batch size allows."""

    def __init__(
        self,
        embed_batch: Callable[[Sequence[str]], np.ndarray] = embed_texts,
        batch_size: int = BATCH_SIZE,
    ) -> None:
        if batch_size < 1:
            raise ValueError("batch_size must be at least 1")
        self.embed_batch = embed_batch
        self.batch_size = batch_size

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        """A row per text, in the order given: ceil(len(texts) / batch_size) calls, none empty."""
        # BEGIN SOLUTION
        rows = [
            self.embed_batch(texts[start : start + self.batch_size])
            for start in range(0, len(texts), self.batch_size)
        ]
        if not rows:
            return np.zeros((0, 0), dtype=np.float32)
        return np.vstack(rows)
        # STARTER: raise NotImplementedError("TODO(day58): slices of batch_size, one call each")
        # END SOLUTION
