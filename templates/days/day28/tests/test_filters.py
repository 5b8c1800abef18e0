"""Metadata filters narrow the candidates before the top k is taken, never after."""

import pytest

from app.filters import Filters


def test_keyword_search_filters_before_taking_the_top_k(hybrid, by_sku):
    # Globally, "wireless" ranks a doorbell, a mouse and a lamp above the kitchen scale.
    unfiltered = [hit.sku for hit in hybrid.keyword.search("wireless", k=3)]
    assert "KI-3041" not in unfiltered
    kitchen = hybrid.keyword.search("wireless", k=3, filters=Filters(category="kitchen"))
    assert [hit.sku for hit in kitchen] == ["KI-3041"], (
        "the only kitchen product that mentions 'wireless' is missing (filtered after the "
        "top k?), or products without the word were added"
    )


def test_vector_search_returns_k_matching_products_when_k_exist(hybrid, by_sku):
    outdoor = Filters(category="outdoor")
    hits = hybrid.vectors.search("coffee", k=5, filters=outdoor)
    assert len(hits) == 5, f"asked for 5 outdoor products, got {len(hits)}"
    assert all(by_sku[hit.sku].category == "outdoor" for hit in hits)
    # The same as ranking everything and keeping the first five that match.
    everything = hybrid.vectors.search("coffee", k=len(by_sku))
    assert [h.sku for h in hits] == [h.sku for h in everything if outdoor.matches(by_sku[h.sku])][
        :5
    ]


@pytest.mark.parametrize(
    "query, filters",
    [
        ("coffee", Filters(category="outdoor")),
        ("headphones for travel", Filters(max_price_cents=5000, in_stock=True)),
        ("wireless", Filters(category="kitchen", in_stock=True)),
    ],
)
def test_hybrid_search_gives_k_results_that_all_pass_the_filters(hybrid, by_sku, query, filters):
    results = hybrid.search(query, k=5, filters=filters)
    assert len(results) == 5, f"{query!r} with {filters}: {len(results)} results, expected 5"
    assert all(filters.matches(by_sku[r.sku]) for r in results)


def test_filters_translate_to_a_qdrant_filter():
    assert Filters().to_qdrant() is None
    assert Filters(category="kitchen", max_price_cents=5000, in_stock=True).to_qdrant() == {
        "must": [
            {"key": "category", "match": {"value": "kitchen"}},
            {"key": "price_cents", "range": {"lte": 5000}},
            {"key": "in_stock", "match": {"value": True}},
        ]
    }
    assert Filters(in_stock=False).to_qdrant() == {
        "must": [{"key": "in_stock", "match": {"value": False}}]
    }
