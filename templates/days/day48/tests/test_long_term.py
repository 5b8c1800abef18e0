"""Per-user memory on vectors: relevant facts come back, other users' never do, deletes delete."""

from __future__ import annotations

import sqlite3

from shop.long_term import MemoryStore

NUTS = "Does this chocolate bar contain nuts? I have an allergy."
SHOES = "Which size of running shoes should I order?"


def texts(memories) -> list[str]:
    return [memory.text for memory in memories]


def test_a_relevant_fact_is_recalled_and_unrelated_ones_are_not(store):
    store.remember("ada", "I am allergic to peanuts")
    store.remember("ada", "My shoe size is 42")
    store.remember("ada", "My cat is called Miso")

    assert texts(store.recall("ada", NUTS)) == ["I am allergic to peanuts"]
    assert texts(store.recall("ada", SHOES)) == ["My shoe size is 42"]
    assert store.recall("ada", "Can you recommend a snack?") == []


def test_recall_returns_scores_best_first_and_at_most_k(store):
    for fact in ["I am allergic to peanuts", "I am allergic to tree nuts", "Nuts make me ill"]:
        store.remember("ada", fact)
    recalled = store.recall("ada", NUTS, k=2)
    assert len(recalled) == 2
    assert recalled[0].score >= recalled[1].score >= 0.35
    assert all(memory.user_id == "ada" for memory in recalled)


def test_users_with_similar_facts_only_ever_see_their_own(store):
    ada = store.remember("ada", "I am allergic to peanuts")
    alan = store.remember("alan", "I am allergic to peanuts and to shellfish")
    assert [m.id for m in store.recall("ada", NUTS, k=5)] == [ada.id]
    assert [m.id for m in store.recall("alan", NUTS, k=5)] == [alan.id]
    assert store.recall("grace", NUTS, k=5) == []


def test_a_users_fact_is_found_even_when_other_users_have_closer_ones(store):
    for fact in [
        "I have a nut allergy, no nuts in chocolate please",
        "Chocolate with nuts gives me an allergy",
        "Allergy: nuts in any chocolate bar",
        "I am allergic to nuts in chocolate",
    ]:
        store.remember("alan", fact)
    ada = store.remember("ada", "I am allergic to peanuts")
    assert [m.id for m in store.recall("ada", NUTS, k=2)] == [ada.id]


def test_memories_last_across_restarts(tmp_path):
    first = MemoryStore(tmp_path / "memory.db")
    first.remember("ada", "Please deliver parcels to my office, not my home")
    first.close()
    second = MemoryStore(tmp_path / "memory.db")
    try:
        assert texts(second.recall("ada", "Where should the delivery go?")) == [
            "Please deliver parcels to my office, not my home"
        ]
    finally:
        second.close()


def rows_in_file(path, user_id: str) -> int:
    with sqlite3.connect(path) as conn:
        count = conn.execute("SELECT count(*) FROM memories WHERE user_id = ?", (user_id,))
        return count.fetchone()[0]


def test_forgetting_a_memory_deletes_its_row(store, tmp_path):
    peanuts = store.remember("ada", "I am allergic to peanuts")
    shoes = store.remember("ada", "My shoe size is 42")
    assert store.forget("ada", peanuts.id) is True

    assert store.recall("ada", NUTS) == []
    assert texts(store.all("ada")) == ["My shoe size is 42"]
    assert rows_in_file(tmp_path / "memory.db", "ada") == 1
    reopened = MemoryStore(tmp_path / "memory.db")
    try:
        assert [m.id for m in reopened.all("ada")] == [shoes.id]
    finally:
        reopened.close()


def test_nobody_can_forget_another_users_memory(store):
    ada = store.remember("ada", "I am allergic to peanuts")
    assert store.forget("alan", ada.id) is False
    assert texts(store.all("ada")) == ["I am allergic to peanuts"]


def test_forgetting_a_user_deletes_all_of_theirs_and_nothing_else(store, tmp_path):
    store.remember("ada", "I am allergic to peanuts")
    store.remember("ada", "My shoe size is 42")
    store.remember("alan", "I am allergic to shellfish")

    assert store.forget_user("ada") == 2

    assert store.all("ada") == []
    assert store.recall("ada", NUTS) == []
    assert rows_in_file(tmp_path / "memory.db", "ada") == 0
    assert texts(store.all("alan")) == ["I am allergic to shellfish"]
