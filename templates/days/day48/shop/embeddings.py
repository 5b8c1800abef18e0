"""Text to vectors with WordLlama, a small embedding model whose weights ship in its package.

Given. WordLlama learns a vector per token and pools them: weaker than a transformer, but
deterministic, fast on a CPU and offline. Texts with similar meaning get vectors with a high
cosine similarity ("I'm allergic to peanuts" and "does this contain nuts?") even without shared
words. Any other embedding model (a hosted API, a sentence-transformers model) fits behind the
same function: the memory store does not care.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
import wordllama
from wordllama import WordLlama

DIM = 256


@cache
def model() -> WordLlama:
    """Loaded once per process, from the installed package only (no download, no cache dir)."""
    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


def embed(texts: list[str]) -> np.ndarray:
    """One L2-normalised float32 row of length DIM per text: a dot product is the cosine."""
    vectors = np.asarray(model().embed(texts), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    if np.any(norms == 0):
        raise ValueError("nothing to embed in one of the texts")
    return vectors / norms
