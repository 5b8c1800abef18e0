"""Batched embeddings: as few calls as the batch size allows, none empty, order kept."""

from __future__ import annotations

import math

import numpy as np

from knowledgecloud.cost.embeddings import BatchingEmbedder, embed_one, embed_texts


class SpyEmbedder:
    """Wraps the real one-call embedder and records the size of every call."""

    def __init__(self) -> None:
        self.calls: list[int] = []

    def __call__(self, texts):
        self.calls.append(len(texts))
        return embed_texts(texts)


def chunks(n: int) -> list[str]:
    topics = ["invoices", "passwords", "uploads", "retention", "search", "workspaces", "billing"]
    return [f"Chunk {i} of the handbook, about {topics[i % len(topics)]}." for i in range(n)]


def test_100_texts_take_exactly_4_calls_of_at_most_32():
    spy = SpyEmbedder()
    texts = chunks(100)

    vectors = BatchingEmbedder(spy, batch_size=32).embed(texts)

    assert len(spy.calls) == math.ceil(100 / 32) == 4, f"calls of sizes {spy.calls}"
    assert spy.calls == [32, 32, 32, 4]
    assert vectors.shape[0] == 100, "every text gets a vector"
    for i in (0, 31, 32, 63, 99):
        assert np.allclose(vectors[i], embed_one(texts[i]), atol=1e-5), f"row {i} is another text"


def test_an_exact_multiple_of_the_batch_size_makes_no_empty_call():
    spy = SpyEmbedder()

    vectors = BatchingEmbedder(spy, batch_size=32).embed(chunks(64))

    assert spy.calls == [32, 32], f"calls of sizes {spy.calls}: an empty call still costs a trip"
    assert vectors.shape[0] == 64


def test_fewer_texts_than_a_batch_is_one_call_and_none_is_no_call():
    spy = SpyEmbedder()
    embedder = BatchingEmbedder(spy, batch_size=32)

    assert embedder.embed(chunks(5)).shape[0] == 5
    assert embedder.embed([]).shape[0] == 0
    assert spy.calls == [5]
