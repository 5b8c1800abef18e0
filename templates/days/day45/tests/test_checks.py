"""Citation validity and faithfulness, on answers written for the purpose."""

from __future__ import annotations

import pytest

from shop.evaluation.checks import citations_valid, faithfulness
from shop.helpcentre import ARTICLES

REFUNDS = {"refund-timing": ARTICLES["refund-timing"]}


def test_citations_are_valid_only_when_every_cited_id_was_retrieved():
    retrieved = ["refund-timing", "returns-window", "gift-cards"]
    assert citations_valid(["refund-timing"], retrieved)
    assert citations_valid(["returns-window", "refund-timing"], retrieved)
    assert not citations_valid(["refund-timing", "warranty"], retrieved)  # warranty never seen
    assert not citations_valid(["refund-policy-2019"], retrieved)


def test_an_answer_citing_nothing_fails_the_citation_check():
    assert not citations_valid([], ["refund-timing"])


def test_a_quoted_sentence_is_faithful():
    answer = (
        "Refunds go back to the original payment method within 5 business days "
        "of the return being received. [refund-timing]"
    )
    assert faithfulness(answer, REFUNDS) == 1.0


def test_faithfulness_is_the_share_of_supported_sentences():
    answer = (
        "Refunds go back to the original payment method within 5 business days. "
        "You also get a voucher worth ten percent of your next purchase! [refund-timing]"
    )
    assert faithfulness(answer, REFUNDS) == 0.5


def test_a_sentence_sharing_a_few_words_with_the_context_is_not_supported():
    # 6 of its 13 content words are in the article: the claim about a bonus is invented.
    answer = (
        "Refunds go back within 5 business days, plus a bonus voucher of fifty dollars "
        "for every loyal customer. [refund-timing]"
    )
    assert faithfulness(answer, REFUNDS) == 0.0


def test_support_must_come_from_the_context_given():
    answer = "Items can be returned within 30 days of delivery. [refund-timing]"
    assert faithfulness(answer, REFUNDS) == 0.0
    assert faithfulness(answer, {"returns-window": ARTICLES["returns-window"]}) == 1.0


@pytest.mark.parametrize("answer", ["", "[refund-timing]", "   "])
def test_an_answer_without_sentences_scores_zero(answer):
    assert faithfulness(answer, REFUNDS) == 0.0
