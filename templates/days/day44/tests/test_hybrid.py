"""BM25 and vectors fused by reciprocal rank: positions count, scores do not."""

from __future__ import annotations

import pytest

from shop.hybrid import RRF_K, Bm25Index, HybridRetriever, rrf


def test_rrf_adds_one_over_k_plus_rank_and_ignores_the_scores():
    keyword = [("a", 100.0), ("b", 90.0)]  # BM25: unbounded scores
    vector = [("b", 0.9), ("c", 0.8)]  # cosine: 0..1

    fused = rrf([keyword, vector])

    assert [ident for ident, _ in fused] == ["b", "a", "c"]
    assert [score for _, score in fused] == pytest.approx(
        [1 / (RRF_K + 2) + 1 / (RRF_K + 1), 1 / (RRF_K + 1), 1 / (RRF_K + 2)]
    )


def test_rrf_orders_ties_by_id_and_takes_k():
    assert rrf([[("y", 5.0)], [("x", 0.1)]], k=1) == [("x", 0.5), ("y", 0.5)]
    assert rrf([]) == []


def test_bm25_returns_only_chunks_that_share_a_word(help_centre):
    index = Bm25Index(help_centre().chunks)

    assert index.search("I forgot my login details") == []
    hits = index.search("error PAY-3DS", n=3)
    assert hits[0][0].startswith("payments#")
    assert len(hits) <= 3
    assert [score for _, score in hits] == sorted((score for _, score in hits), reverse=True)


def test_hybrid_finds_at_rank_one_what_each_retriever_alone_misses(help_centre, labelled):
    retriever = HybridRetriever(help_centre())
    vectors_miss = labelled["hybrid"]["vectors_miss"]
    keywords_miss = labelled["hybrid"]["keywords_miss"]

    def article(ident: str) -> str:
        return ident.split("#")[0]

    # Each retriever alone gets one of the two wrong at rank 1.
    vector_top = retriever.vector_search(vectors_miss["question"], 1)
    assert article(vector_top[0][0]) != vectors_miss["article"]
    assert retriever.bm25.search(keywords_miss["question"], 1) == []

    for item in (vectors_miss, keywords_miss):
        assert retriever.search(item["question"], n=1)[0].doc_id == item["article"]


def test_hybrid_recall_at_3_on_the_labelled_questions_is_at_least_0_9(help_centre, labelled):
    retriever = HybridRetriever(help_centre())
    questions = labelled["questions"]
    found = sum(
        item["article"] in {chunk.doc_id for chunk in retriever.search(item["question"], n=3)}
        for item in questions
    )
    assert found / len(questions) >= 0.9
