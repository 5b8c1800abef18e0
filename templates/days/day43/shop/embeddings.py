"""Sentence embeddings from WordLlama, a small static-embedding model bundled with its package.

No download and no GPU: the 256-dimension weights and the tokenizer ship inside the wheel, and
the same text always gives the same vector. Texts with similar meanings get vectors pointing in
similar directions ("I can't sign in" lands near the password-reset paragraph without sharing a
word with it). The vectors are NOT unit length: their size grows with the text, which is why the
store compares directions (cosine), not raw dot products.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
import wordllama
from wordllama import WordLlama


@cache
def model() -> WordLlama:
    """Loaded once per process. `cache_dir` points at the weights inside the installed package and
    downloads are disabled: a plain `WordLlama.load()` would look elsewhere and try the network."""
    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


def embed(texts: list[str]) -> np.ndarray:
    """One row per text, as the model gives it (not normalised)."""
    return np.asarray(model().embed(list(texts)), dtype=np.float32)
