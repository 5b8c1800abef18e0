"""Contextual compression: keep only the sentences of each chunk that bear on the question.

A retrieved chunk is relevant as a whole, but most of its sentences are not: the refunds chunk
that answers "how long do card refunds take?" also explains PayPal and gift cards. Those
sentences cost prompt tokens on every call and give the model more to get wrong. Compression
keeps, per chunk, the sentences that score best for the question (with the reranker's sentence
score: meaning plus exact words), in their original order and under the chunk's own id so
citations still work, and drops the rest.

Cutting each chunk to its first N characters is *not* compression: it keeps whatever came first
and drops the answer whenever it sits later in the chunk.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import numpy as np

from shop.chunking import Chunk
from shop.embeddings import embed
from shop.rerank import sentence_scores
from shop.sentences import split_sentences

KEEP_SENTENCES = 1

Embed = Callable[[list[str]], np.ndarray]


def compress_chunk(
    question: str, chunk: Chunk, *, keep: int = KEEP_SENTENCES, embed: Embed = embed
) -> Chunk:
    """The chunk with only its `keep` best sentences for the question (`sentence_scores`; equal
    scores: the earlier sentence), joined by single spaces in their original order. A chunk with
    `keep` sentences or fewer is unchanged. The chunk's id stays, so citations still work (its
    `start`/`end` still locate the whole chunk in its article)."""
    sentences = split_sentences(chunk.text)
    if len(sentences) <= keep:
        return chunk
    # BEGIN SOLUTION
    scores = sentence_scores(question, sentences, embed)
    best = sorted(np.argsort(-scores, kind="stable")[:keep])
    return replace(chunk, text=" ".join(sentences[i] for i in best))
    # STARTER: raise NotImplementedError("TODO(day44): keep the sentences nearest the question")
    # END SOLUTION


def compress(
    question: str, chunks: list[Chunk], *, keep: int = KEEP_SENTENCES, embed: Embed = embed
) -> list[Chunk]:
    return [compress_chunk(question, chunk, keep=keep, embed=embed) for chunk in chunks]
