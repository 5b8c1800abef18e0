import math

import numpy as np
import pytest

from app.corpus import DOCS
from app.embeddings import DIM, embed
from app.semantic import DIM as SEMANTIC_DIM
from app.semantic import embed_meaning
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


def test_a_trained_model_finds_paraphrases_that_share_no_words():
    """The same store and search, fed by a real (offline) model instead of the hashing trick."""
    store = InMemoryVectorStore(SEMANTIC_DIM)
    for doc in DOCS:
        store.upsert(doc["id"], embed_meaning(doc["text"]), {"lang": doc["lang"]})

    paraphrases = {
        "my package has not arrived yet": "shipping-1",
        "I lost the secret I use to sign in": "auth-1",
    }
    for question, expected in paraphrases.items():
        by_meaning = store.query(embed_meaning(question), top_k=1, where={"lang": "en"})
        assert [hit.id for hit in by_meaning] == [expected], question
        by_surface = corpus_store().query(embed(question), top_k=1)
        assert [hit.id for hit in by_surface] != [expected], "the hashing trick should miss it"
