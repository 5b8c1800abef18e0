"""Reranking: a second, closer look at a few candidates, to put the best one first.

First-stage retrieval compares one vector per chunk with one vector per question, computed
separately. It is fast enough to scan everything, and coarse: a chunk about three things gets
one blurred vector, so the chunk that answers the question in one sentence can lose to a chunk
that is vaguely about the same topic throughout.

A *cross-encoder* reads the question and a passage together and outputs one relevance score;
far more accurate, far too slow to run on the whole corpus, fine on the 10 candidates the first
stage found. This lab has no cross-encoder model offline, so `SentenceReranker` is a stand-in
with the same shape: it looks at the question and each *sentence* of the chunk together, scoring
a sentence by its meaning (cosine similarity with the question) plus its exact words (the share
of the question's content words it contains), and a chunk is worth its best sentence. Swap in a
real one (sentence-transformers' `CrossEncoder`, or a provider's rerank API) behind the same
`score` method.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from shop.chunking import Chunk
from shop.embeddings import embed
from shop.sentences import split_sentences
from shop.store import normalise

Embed = Callable[[list[str]], np.ndarray]

_WORD = re.compile(r"[a-z0-9]+")
_STOP = frozenset(
    "a an and are as at be by can do does for from had has have how i if in is it its me my no "
    "not of on or our so than that the their them then there these they this to was we what "
    "when where which who why will with you your".split()
)
# How much the exact-word share counts next to the cosine (both lie in 0..1).
WORD_WEIGHT = 1.0


def content_words(text: str) -> set[str]:
    return set(_WORD.findall(text.lower())) - _STOP


def sentence_scores(question: str, sentences: list[str], embed: Embed = embed) -> np.ndarray:
    """How well each sentence answers the question: its cosine similarity with the question plus
    WORD_WEIGHT times the share of the question's content words it contains."""
    q = normalise(embed([question]))[0]
    meaning = normalise(embed(sentences)) @ q
    wanted = content_words(question)
    words = np.array([len(wanted & content_words(s)) / max(len(wanted), 1) for s in sentences])
    return meaning + WORD_WEIGHT * words


@dataclass(frozen=True)
class Ranked:
    chunk: Chunk
    score: float  # the reranker's relevance score


class SentenceReranker:
    def __init__(self, embed: Embed = embed) -> None:
        self.embed = embed

    def score(self, question: str, chunks: list[Chunk]) -> list[float]:
        """One relevance score per chunk: the score of its best sentence (see sentence_scores)."""
        scores = []
        for chunk in chunks:
            sentences = split_sentences(chunk.text) or [chunk.text]
            scores.append(float(np.max(sentence_scores(question, sentences, self.embed))))
        return scores

    def rerank(self, question: str, chunks: list[Chunk], top: int) -> list[Ranked]:
        """The `top` chunks by this reranker's score, best first (ties keep the incoming order)."""
        # BEGIN SOLUTION
        scored = [
            Ranked(chunk, score)
            for chunk, score in zip(chunks, self.score(question, chunks), strict=True)
        ]
        # sorted() is stable: equal scores keep the first stage's order.
        return sorted(scored, key=lambda ranked: -ranked.score)[:top]
        # STARTER: raise NotImplementedError("TODO(day44): score every candidate, keep the best")
        # END SOLUTION
