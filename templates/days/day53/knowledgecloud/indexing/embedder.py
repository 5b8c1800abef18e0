"""Sentence embeddings with WordLlama, a small static-embedding model that ships its weights in
its Python package: no download, deterministic, fast on a CPU. 256 dimensions, unit length, so a
dot product is the cosine similarity.

A plain ``WordLlama.load()`` looks in a cache folder and then tries to download; pointing
``cache_dir`` at the package folder with downloads disabled uses the files inside the wheel.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
import wordllama
from wordllama import WordLlama


@cache
def model() -> WordLlama:
    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


def embed(texts: list[str]) -> np.ndarray:
    """One float32 unit-length row per text."""
    vectors = np.asarray(model().embed(texts), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)
