"""Search quality on the committed labelled queries (data/queries.json): recall@5."""

import pytest

K = 5


def recall_at_k(search, queries, k=K):
    """Mean, over the queries, of the share of relevant SKUs found in the top k."""
    total = 0.0
    for q in queries:
        found = set(search(q["query"], k))
        total += len(found & set(q["relevant"])) / len(q["relevant"])
    return total / len(queries)


@pytest.fixture(scope="module")
def methods(hybrid):
    return {
        "keyword": lambda q, k: [h.sku for h in hybrid.keyword.search(q, k)],
        "vector": lambda q, k: [h.sku for h in hybrid.vectors.search(q, k)],
        "hybrid": lambda q, k: [r.sku for r in hybrid.search(q, k)],
    }


def report(methods, queries):
    return {name: recall_at_k(search, queries) for name, search in methods.items()}


def test_hybrid_recall_at_5_is_at_least_each_method_alone(methods, labelled_queries, by_sku):
    assert {q["kind"] for q in labelled_queries} == {"code", "paraphrase", "mixed"}
    assert all(sku in by_sku for q in labelled_queries for sku in q["relevant"])
    recall = report(methods, labelled_queries)
    assert recall["hybrid"] >= recall["keyword"], recall
    assert recall["hybrid"] >= recall["vector"], recall
    assert recall["hybrid"] >= 0.9, recall


def test_keyword_search_wins_on_exact_codes(methods, labelled_queries):
    codes = [q for q in labelled_queries if q["kind"] == "code"]
    recall = report(methods, codes)
    assert recall["keyword"] == 1.0, f"BM25 should find every SKU and model number: {recall}"
    assert recall["vector"] < 0.5, recall
    assert recall["hybrid"] == 1.0, f"hybrid search lost exact code matches: {recall}"


def test_vector_search_wins_on_paraphrases(methods, labelled_queries):
    paraphrases = [q for q in labelled_queries if q["kind"] == "paraphrase"]
    recall = report(methods, paraphrases)
    assert recall["vector"] >= 0.9, recall
    assert recall["keyword"] < 0.5, f"paraphrases share few words with the products: {recall}"
    assert recall["hybrid"] >= recall["vector"], recall
