"""Vector search: embed the products' text and find the nearest neighbours of the query.

The embedder is WordLlama, a small static-embedding model whose weights ship inside its Python
package: no download, deterministic, fast on a CPU. Similar meanings get nearby vectors, so
"keep my coffee hot" lands near "insulated travel mug" without sharing a word. It has no idea
what "EL-2077" means.

This index compares the query with every product (exact search, fine for a catalogue of
thousands). Vector databases such as Qdrant use an approximate index (HNSW) to answer in
milliseconds over millions of vectors; see compose.yaml and app/qdrant.py.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

import numpy as np
import wordllama
from wordllama import WordLlama

from app.catalogue import Product
from app.filters import NO_FILTERS, Filters
from app.keyword import Hit


@cache
def embedder():
    """The WordLlama model bundled with the package.

    A plain WordLlama.load() looks in a cache folder first and then tries to download from
    Hugging Face; pointing cache_dir at the package folder, with downloads disabled, uses the
    weights and tokenizer inside the installed wheel and never touches the network.
    """
    return WordLlama.load(cache_dir=Path(wordllama.__file__).parent, disable_download=True)


def embed(texts: list[str]) -> np.ndarray:
    """One unit-length row per text, so a dot product is the cosine similarity."""
    vectors = np.asarray(embedder().embed(texts), dtype=np.float32)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return vectors / np.where(norms == 0, 1, norms)


class VectorIndex:
    def __init__(self, products: list[Product]) -> None:
        self.products = products
        self.vectors = embed([p.text() for p in products])

    def search(self, query: str, k: int = 5, filters: Filters = NO_FILTERS) -> list[Hit]:
        """The k products nearest to the query (cosine) among those the filters allow.

        Ties are broken by SKU.
        """
        similarities = self.vectors @ embed([query])[0]
        # BEGIN SOLUTION
        hits = [
            Hit(product.sku, float(similarity))
            for product, similarity in zip(self.products, similarities, strict=True)
            if filters.matches(product)
        ]
        hits.sort(key=lambda hit: (-hit.score, hit.sku))
        return hits[:k]
        # STARTER: raise NotImplementedError("TODO(day28): filter, then sort and keep the top k")
        # END SOLUTION
