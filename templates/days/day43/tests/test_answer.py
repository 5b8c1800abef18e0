"""The answer: exactly the retrieved chunks in the prompt, checked citations, and no model call
when retrieval found nothing good."""

from __future__ import annotations

from fakellm import extractive, sources_in
from shop.rag import DONT_KNOW, MIN_SCORE, K, answer, one_line

REFUND_QUESTION = "How long do card refunds take to appear?"


def test_prompt_holds_exactly_the_top_k_chunks_as_id_lines(help_centre, llm, gateway):
    llm.default = extractive()
    centre = help_centre()
    hits = centre.retrieve(REFUND_QUESTION, K)

    answer(REFUND_QUESTION, centre, gateway)

    assert len(llm.requests) == 1
    sent = sources_in(llm.requests[0])
    assert sent == {hit.chunk.id: one_line(hit.chunk.text) for hit in hits}
    assert list(sent) == [hit.chunk.id for hit in hits]  # in retrieval order
    user = llm.requests[0]["messages"][-1]["content"]
    assert user.rstrip().endswith(f"Question: {REFUND_QUESTION}")


def test_extractive_answer_quotes_and_cites_a_retrieved_chunk(help_centre, llm, gateway):
    llm.default = extractive()

    result = answer(REFUND_QUESTION, help_centre(), gateway)

    assert result.model_called
    assert "5 to 10 working days" in result.text
    assert result.citations and result.citations[0].startswith("refunds#")
    assert set(result.citations) <= {hit.chunk.id for hit in result.hits}
    assert result.unsupported == []


def test_a_citation_of_a_chunk_that_was_not_retrieved_is_removed_and_flagged(
    help_centre, llm, gateway
):
    centre = help_centre()
    retrieved = [hit.chunk.id for hit in centre.retrieve(REFUND_QUESTION, K)]
    not_shown = next(c.id for c in centre.chunks if c.id not in retrieved)
    llm.reply(
        f"Card refunds take 5 to 10 working days [{retrieved[0]}]. "
        f"Refunds are instant for members [{not_shown}] [policy-2019]."
    )

    result = answer(REFUND_QUESTION, centre, gateway)

    assert result.citations == [retrieved[0]]
    assert result.unsupported == [not_shown, "policy-2019"]
    assert f"[{not_shown}]" not in result.text and "[policy-2019]" not in result.text
    assert f"[{retrieved[0]}]" in result.text


def test_weak_retrieval_says_dont_know_without_calling_the_model(
    help_centre, llm, gateway, labelled
):
    llm.default = extractive()
    centre = help_centre()
    for question in labelled["off_topic"]:
        result = answer(question, centre, gateway)

        assert result.hits and result.hits[0].score < MIN_SCORE
        assert result.text == DONT_KNOW
        assert not result.model_called and result.citations == []

    assert llm.calls == []  # not one request reached the provider


def test_every_on_topic_question_is_answered_by_the_model_from_its_sources(
    help_centre, llm, gateway, labelled
):
    llm.default = extractive()
    centre = help_centre()
    questions = [item["question"] for item in labelled["questions"]]

    results = [answer(question, centre, gateway) for question in questions]

    assert len(llm.calls) == len(questions)
    assert all(result.model_called for result in results)
    answered = [result for result in results if result.citations]
    assert len(answered) >= 0.9 * len(questions)
