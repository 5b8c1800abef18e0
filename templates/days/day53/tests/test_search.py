"""Hybrid search: BM25 and vectors fused by rank, per tenant, with citations."""

import pytest

from knowledgecloud.search.fusion import Hit, reciprocal_rank_fusion
from tests.conftest import make_docx, make_pdf
from tests.documents import ERROR_CODES, REFUNDS, SHIPPING


def test_rrf_matches_hand_computed_scores():
    keyword = [Hit("a", 12.0), Hit("b", 3.0), Hit("c", 2.0)]
    semantic = [Hit("c", 0.95), Hit("b", 0.90), Hit("a", 0.10), Hit("d", 0.05)]
    fused = reciprocal_rank_fusion([keyword, semantic], k=60)
    assert [f.id for f in fused] == ["a", "c", "b", "d"]
    expected = {
        "a": 1 / 61 + 1 / 63,
        "c": 1 / 63 + 1 / 61,
        "b": 1 / 62 + 1 / 62,
        "d": 1 / 64,
    }
    assert {f.id: f.score for f in fused} == pytest.approx(expected)


def test_rrf_gives_nothing_for_a_missing_ranking():
    fused = reciprocal_rank_fusion([[Hit("x", 40.0)], []], k=10)
    assert [(f.id, f.score) for f in fused] == [("x", pytest.approx(1 / 11))]


def test_results_cite_document_chunk_and_page(platform):
    document = platform.upload("handbook.pdf", make_pdf(REFUNDS, ERROR_CODES))
    platform.deliver()
    results = platform.search("barcode scanner error")
    assert results, "the handbook mentions the barcode scanner"
    top = results[0]
    assert top["document_id"] == document["id"]
    assert top["page"] == 2, "the scanner is on page 2"
    assert "ERR-4711" in top["text"]
    assert top["chunk_id"] in {c.id for c in platform.reader.chunks("acme")}


def test_exact_codes_and_paraphrases_are_both_found(platform):
    platform.upload("handbook.pdf", make_pdf(REFUNDS, ERROR_CODES))
    platform.upload("shipping.docx", make_docx(*SHIPPING))
    platform.deliver()
    assert "ERR-4711" in platform.search("ERR-4711")[0]["text"]
    paraphrase = platform.search("when do I get my money back")[0]
    assert "refund" in paraphrase["text"].lower() and paraphrase["page"] == 1


def test_a_tenant_only_finds_its_own_documents(platform):
    platform.upload("handbook.pdf", make_pdf(REFUNDS, ERROR_CODES), tenant="globex")
    ours = platform.upload("shipping.docx", make_docx(*SHIPPING), tenant="acme")
    platform.deliver()
    results = platform.search("ERR-4711 barcode scanner refund", tenant="acme")
    assert {r["document_id"] for r in results} <= {ours["id"]}, "another tenant's chunks leaked"
    assert platform.search("ERR-4711", tenant="globex"), "globex finds its own handbook"


def test_a_deleted_document_never_comes_back_in_search(platform):
    gone = platform.upload("handbook.pdf", make_pdf(REFUNDS, ERROR_CODES))
    platform.upload("shipping.docx", make_docx(*SHIPPING))
    platform.deliver()
    assert any(r["document_id"] == gone["id"] for r in platform.search("ERR-4711"))
    platform.delete(gone["id"])
    platform.deliver()
    for query in ("ERR-4711", "refund within 30 days", "barcode scanner", "shipping"):
        assert all(r["document_id"] != gone["id"] for r in platform.search(query, k=20))
