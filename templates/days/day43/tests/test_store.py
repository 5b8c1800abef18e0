"""The store ranks by cosine similarity: direction, not length."""

from __future__ import annotations

import numpy as np
import pytest

from shop.chunking import Chunk
from shop.store import VectorStore


def chunk(ident: str) -> Chunk:
    return Chunk(ident, ident.split("#")[0], f"text of {ident}", 0, 10)


def test_search_ranks_by_direction_not_by_length():
    store = VectorStore()
    # "near" points the query's way; "long" is off by 45 degrees but ten times longer, as the
    # embedding of a long, wordy chunk can be.
    store.add([chunk("near#0"), chunk("long#0")], np.array([[1.0, 0.1], [10.0, 10.0]]))

    hits = store.search(np.array([1.0, 0.0]), k=2)

    assert [hit.chunk.id for hit in hits] == ["near#0", "long#0"]


def test_scores_are_cosine_similarities():
    store = VectorStore()
    vectors = np.array([[3.0, 4.0, 0.0], [0.0, 0.0, 2.0], [-1.0, 0.0, 0.0]])
    store.add([chunk("a#0"), chunk("b#0"), chunk("c#0")], vectors)
    query = np.array([6.0, 8.0, 0.0])

    hits = store.search(query, k=3)

    assert [hit.chunk.id for hit in hits] == ["a#0", "b#0", "c#0"]
    assert [hit.score for hit in hits] == pytest.approx([1.0, 0.0, -0.6])


def test_only_the_top_k_come_back_and_ties_go_by_id():
    store = VectorStore()
    store.add([chunk("b#0"), chunk("a#0"), chunk("c#0")], np.array([[1, 0], [2, 0], [0, 1]]))
    store.add([chunk("d#0")], np.array([[0.5, 0.5]]))

    hits = store.search(np.array([1.0, 0.0]), k=2)

    assert [hit.chunk.id for hit in hits] == ["a#0", "b#0"]
    assert len(store) == 4


def test_vectors_must_match_the_chunks():
    with pytest.raises(ValueError):
        VectorStore().add([chunk("a#0")], np.zeros((2, 3)))
