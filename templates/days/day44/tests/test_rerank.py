"""The reranker takes a closer look at the first stage's candidates and reorders them."""

from __future__ import annotations

from shop.rerank import SentenceReranker

PARCEL = "The parcel says delivered but it is not here"


def test_reranker_puts_the_relevant_chunk_first(help_centre):
    candidates = [hit.chunk for hit in help_centre().retrieve(PARCEL, 10)]
    assert candidates[0].doc_id != "delivery-problems"  # the first stage gets it wrong

    ranked = SentenceReranker().rerank(PARCEL, candidates, top=3)

    assert ranked[0].chunk.id == "delivery-problems#1"
    assert "says delivered" in ranked[0].chunk.text


def test_reranked_list_is_the_top_n_by_the_rerankers_score(help_centre):
    reranker = SentenceReranker()
    candidates = [hit.chunk for hit in help_centre().retrieve(PARCEL, 10)]
    scores = dict(zip((c.id for c in candidates), reranker.score(PARCEL, candidates), strict=True))

    ranked = reranker.rerank(PARCEL, candidates, top=4)

    assert len(ranked) == 4
    assert [r.score for r in ranked] == sorted(scores.values(), reverse=True)[:4]
    assert all(scores[r.chunk.id] == r.score for r in ranked)


def test_reranking_fixes_rank_one_on_the_labelled_questions_and_breaks_none(help_centre, labelled):
    centre, reranker = help_centre(), SentenceReranker()
    fixed, broken = 0, []
    for item in labelled["questions"]:
        candidates = [hit.chunk for hit in centre.retrieve(item["question"], 10)]
        before = candidates[0].doc_id == item["article"]
        after = reranker.rerank(item["question"], candidates, top=3)[0].chunk.doc_id
        fixed += after == item["article"] and not before
        if before and after != item["article"]:
            broken.append(item["question"])

    assert fixed >= 2
    assert broken == []
