import math

import numpy as np
import pytest

from app.corpus import DOCS
from app.embeddings import DIM, embed
from app.similarity import cosine_similarity
from app.store import InMemoryVectorStore


def corpus_store() -> InMemoryVectorStore:
    store = InMemoryVectorStore(DIM)
    for doc in DOCS:
        store.upsert(doc["id"], embed(doc["text"]), {"topic": doc["topic"], "lang": doc["lang"]})
    return store


def test_cosine_similarity_measures_direction_not_length():
    assert cosine_similarity([1.0, 0.0], [1.0, 0.0]) == pytest.approx(1.0)
    assert cosine_similarity([1.0, 0.0], [0.0, 1.0]) == pytest.approx(0.0, abs=1e-6)
    assert cosine_similarity([1.0, 2.0], [-1.0, -2.0]) == pytest.approx(-1.0)
    assert cosine_similarity([1.0, 1.0], [3.0, 3.0]) == pytest.approx(1.0)
    assert cosine_similarity(np.array([1.0, 0.0]), [1.0, 1.0]) == pytest.approx(1 / math.sqrt(2))


def test_cosine_similarity_rejects_zero_and_mismatched_vectors():
    with pytest.raises(ValueError):
        cosine_similarity([0.0, 0.0], [1.0, 0.0])
    with pytest.raises(ValueError):
        cosine_similarity([1.0, 0.0, 0.0], [1.0, 0.0])
    with pytest.raises(ValueError):
        cosine_similarity([[1.0, 0.0]], [[1.0, 0.0]])
    with pytest.raises(ValueError):
        cosine_similarity([float("nan"), 1.0], [1.0, 0.0])


def test_similar_sentences_rank_above_unrelated_ones():
    store = corpus_store()
    question = embed("how can I reset my password")

    hits = store.query(question, top_k=3)
    assert hits[0].id == "auth-1"
    assert hits[0].score > 0.5

    related = cosine_similarity(question, embed("forgot password reset link"))
    unrelated = cosine_similarity(question, embed("track the parcel delivery"))
    assert related > unrelated + 0.3

    parcel = store.query(embed("where is my parcel"), top_k=1)
    assert [hit.id for hit in parcel] == ["shipping-1"]
