"""A real embedding model that works offline: WordLlama, whose weights ship inside its package.

`app/embeddings.py` only sees shared words and word parts. A trained model places texts by
meaning, so "my package has not arrived yet" lands next to "track the delivery of your parcel"
without one word in common. WordLlama is a small static-embedding model (a learned vector per
token, pooled over the text): far weaker than a transformer, but deterministic, fast on a CPU and
installed with pip, with no download at run time. Its vectors have 256 dimensions, like ours, so
the same vector store takes either.

Swap in any other model here (a sentence-transformers model, a hosted embedding API): the
store, the similarity and the filters do not change. That is the point of the interface.
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
    """The model bundled with the package. A plain `WordLlama.load()` would look in a cache
    folder and then try to download; this reads the weights from the installed package only."""
    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


def embed_meaning(text: str) -> np.ndarray:
    """Embed `text` by meaning, as an L2-normalised float32 vector of length DIM."""
    vector = np.asarray(model().embed([text])[0], dtype=np.float32)
    norm = float(np.linalg.norm(vector))
    if norm == 0.0:
        raise ValueError(f"nothing to embed in {text!r}")
    return vector / norm
