import pytest

from app.store import InMemoryVectorStore


def make_store() -> InMemoryVectorStore:
    s = InMemoryVectorStore(dim=3)
    s.upsert("x", [1.0, 0.0, 0.0], {"kind": "axis", "lang": "en"})
    s.upsert("y", [0.0, 1.0, 0.0], {"kind": "axis", "lang": "de"})
    s.upsert("xy", [1.0, 1.0, 0.0], {"kind": "diagonal", "lang": "en"})
    s.upsert("xyz", [1.0, 1.0, 1.0], {"kind": "diagonal", "lang": "fr"})
    s.upsert("-x", [-1.0, 0.0, 0.0], {"kind": "axis", "lang": "en"})
    return s


def test_query_returns_top_k_best_first():
    store = make_store()
    hits = store.query([1.0, 0.1, 0.0], top_k=3)

    assert [h.id for h in hits] == ["x", "xy", "xyz"]
    scores = [h.score for h in hits]
    assert scores == sorted(scores, reverse=True)
    assert scores[0] == pytest.approx(0.995, abs=1e-3)
    assert hits[1].payload == {"kind": "diagonal", "lang": "en"}

    everything = store.query([1.0, 0.0, 0.0], top_k=50)
    assert len(everything) == 5
    assert everything[-1].id == "-x"
    assert everything[-1].score == pytest.approx(-1.0)


def test_metadata_filter_is_applied_before_ranking():
    store = make_store()
    hits = store.query([1.0, 0.1, 0.0], top_k=2, where={"kind": "axis"})
    assert [h.id for h in hits] == ["x", "y"]

    hits = store.query([1.0, 1.0, 0.0], top_k=5, where={"lang": ["de", "fr"]})
    assert [h.id for h in hits] == ["xyz", "y"]

    hits = store.query([1.0, 0.0, 0.0], top_k=5, where={"kind": "axis", "lang": "en"})
    assert [h.id for h in hits] == ["x", "-x"]

    assert store.query([1.0, 0.0, 0.0], where={"colour": "red"}) == []


def test_upsert_with_an_existing_id_replaces_the_point():
    store = make_store()
    store.upsert("x", [0.0, 0.0, 1.0], {"kind": "moved", "lang": "en"})

    assert len(store) == 5
    hit = store.query([0.0, 0.0, 1.0], top_k=1)[0]
    assert hit.id == "x"
    assert hit.payload["kind"] == "moved"


def test_vectors_of_the_wrong_dimension_or_zero_length_are_rejected():
    store = make_store()
    with pytest.raises(ValueError):
        store.upsert("bad", [1.0, 0.0], {})
    with pytest.raises(ValueError):
        store.upsert("zero", [0.0, 0.0, 0.0], {})
    with pytest.raises(ValueError):
        store.query([1.0, 0.0, 0.0, 0.0])
    with pytest.raises(ValueError):
        store.query([1.0, 0.0, 0.0], top_k=0)
    assert len(store) == 5
