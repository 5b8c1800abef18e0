"""Sentences of a chunk, for the reranker and the compressor.

A chunk starts and ends wherever the chunker cut it, so its first and last "sentences" may be
fragments; that is fine for scoring. Markdown headings count as sentences of their own.
"""

from __future__ import annotations

import re

_BOUNDARY = re.compile(r"(?<=[.!?])\s+|\n+")


def split_sentences(text: str) -> list[str]:
    """The non-empty sentences of `text`, stripped, in order."""
    return [part.strip() for part in _BOUNDARY.split(text) if part.strip()]
