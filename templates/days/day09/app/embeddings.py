"""A tiny, deterministic text embedding: no model, no download, same output on every machine.

Real embedding models (sentence transformers, hosted embedding APIs) map text to a dense vector
whose direction captures meaning. This one only captures *surface* similarity, using the
"hashing trick": every feature of the text (each word, and each 3-letter chunk of each word) is
hashed to one of DIM slots and adds +weight or -weight there. Texts that share words or word
parts end up pointing in similar directions, which is enough to learn how vector search works.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

DIM = 256

_WORD = re.compile(r"[a-z0-9]+")
_STOPWORDS = frozenset(
    "a an and are as at be by do does for from how i in is it my of on or the to what with you "
    "your can".split()
)
WORD_WEIGHT = 1.0
TRIGRAM_WEIGHT = 0.5


def words(text: str) -> list[str]:
    """Lower-cased words without the most common filler words."""
    return [w for w in _WORD.findall(text.lower()) if w not in _STOPWORDS]


def features(text: str) -> list[tuple[str, float]]:
    """Weighted features: whole words, plus character trigrams of each word.

    Trigrams let "passwords" and "password" share most of their features.
    """
    out: list[tuple[str, float]] = []
    for word in words(text):
        out.append((f"w:{word}", WORD_WEIGHT))
        padded = f"<{word}>"
        out.extend((f"c:{padded[i : i + 3]}", TRIGRAM_WEIGHT) for i in range(len(padded) - 2))
    return out


def _slot(feature: str, dim: int) -> tuple[int, float]:
    """A stable (slot, sign) for a feature.

    Python's built-in hash() is salted per process, so it would give different vectors on every
    run; a real hash function such as blake2b does not.
    """
    digest = hashlib.blake2b(feature.encode("utf-8"), digest_size=8).digest()
    value = int.from_bytes(digest, "big")
    sign = 1.0 if value >> 63 else -1.0
    return value % dim, sign


def embed(text: str, dim: int = DIM) -> np.ndarray:
    """Embed `text` as an L2-normalised float32 vector of length `dim`.

    Raises ValueError when the text has no words to embed.
    """
    vector = np.zeros(dim, dtype=np.float32)
    for feature, weight in features(text):
        slot, sign = _slot(feature, dim)
        vector[slot] += sign * weight
    norm = float(np.linalg.norm(vector))
    if norm == 0.0:
        raise ValueError(f"nothing to embed in {text!r}")
    return vector / norm
