"""The pipeline's model calls, in order and feeding each other: rewrite, HyDE, answer."""

from __future__ import annotations

from fakellm import sources_in
from shop.advanced import AdvancedRag
from shop.rag import DONT_KNOW, one_line

HISTORY = [
    {"role": "user", "content": "I sent a jumper back last week."},
    {"role": "assistant", "content": "Thanks, we have received your return."},
]
MESSAGE = "so when do I see the money?"
REWRITTEN = "When will the card refund for my returned jumper appear?"


class SearchSpy:
    """Stands in for the help centre in the vector search, recording what is searched."""

    def __init__(self, centre) -> None:
        self.centre = centre
        self.searched: list[str] = []

    def retrieve(self, text: str, k: int):
        self.searched.append(text)
        return self.centre.retrieve(text, k)


PASSAGE = (
    "Refunds are issued once the returned parcel has been checked. Card refunds take a few "
    "working days to appear on your statement."
)


def test_calls_go_rewrite_then_hyde_then_answer_each_feeding_the_next(
    help_centre, llm, script, gateway, call_kinds
):
    script.rewrites[MESSAGE] = REWRITTEN
    script.passages[REWRITTEN] = PASSAGE

    result = AdvancedRag(help_centre(), gateway).answer(MESSAGE, HISTORY)

    assert call_kinds() == ["rewrite", "hyde", "answer"]
    rewrite, hyde, answer = llm.requests
    # The rewrite sees the conversation and the new message.
    assert "I sent a jumper back last week." in rewrite["messages"][-1]["content"]
    assert rewrite["messages"][-1]["content"].endswith(f"Last message: {MESSAGE}")
    # HyDE is asked about the rewritten query, not the raw message.
    assert hyde["messages"][-1]["content"] == REWRITTEN
    # The answer prompt holds exactly the final context, and the rewritten query.
    assert sources_in(answer) == {hit.chunk.id: one_line(hit.chunk.text) for hit in result.context}
    assert answer["messages"][-1]["content"].endswith(f"Question: {REWRITTEN}")
    assert result.query == REWRITTEN and result.hypothetical == PASSAGE
    assert result.answer.citations and result.answer.citations[0].startswith("refunds#")


def test_retrieval_embeds_the_hypothetical_passage_not_the_question(help_centre, script, gateway):
    script.passages[REWRITTEN] = PASSAGE
    script.rewrites[MESSAGE] = REWRITTEN
    centre = help_centre()
    pipeline = AdvancedRag(centre, gateway)
    spy = SearchSpy(centre)
    pipeline.retriever.centre = spy  # the vector search goes through centre.retrieve

    pipeline.answer(MESSAGE, HISTORY)

    assert spy.searched == [PASSAGE]


def test_hyde_raises_recall_on_vocabulary_mismatch(help_centre, script, gateway, labelled):
    mismatch = labelled["vocabulary_mismatch"]["questions"]
    for item in mismatch:
        script.passages[item["question"]] = item["hypothetical"]
    centre = help_centre()

    def recall_at_1(pipeline: AdvancedRag) -> float:
        found = 0
        for item in mismatch:
            result = pipeline.answer(item["question"])
            found += result.candidates[0].doc_id == item["article"]
        return found / len(mismatch)

    without = recall_at_1(AdvancedRag(centre, gateway, hyde=False))
    with_hyde = recall_at_1(AdvancedRag(centre, gateway))

    assert without <= 0.5  # the customers' words miss the articles
    assert with_hyde == 1.0


def test_without_hyde_there_is_no_hyde_call(help_centre, script, gateway, call_kinds):
    AdvancedRag(help_centre(), gateway, hyde=False).answer("How do I reset my password?")

    assert call_kinds() == ["rewrite", "answer"]


def test_off_topic_question_gets_dont_know_without_an_answer_call(
    help_centre, script, gateway, call_kinds, labelled
):
    pipeline = AdvancedRag(help_centre(), gateway)
    for question in labelled["off_topic"]:
        result = pipeline.answer(question)

        assert result.answer.text == DONT_KNOW
        assert not result.answer.model_called

    assert "answer" not in call_kinds()
    assert call_kinds() == ["rewrite", "hyde"] * len(labelled["off_topic"])
