"""Compression keeps the sentences that matter: fewer prompt tokens, the same answers."""

from __future__ import annotations

from fakellm import count_message_tokens
from shop.advanced import AdvancedRag
from shop.chunking import Chunk
from shop.compress import compress_chunk
from shop.sentences import split_sentences

REFUNDS = Chunk(
    "refunds#9",
    "refunds",
    "The money goes back to the payment method you used for the order. PayPal refunds usually "
    "appear within 24 hours. Orders paid with a gift card are refunded as shop credit. Card "
    "refunds take 5 to 10 working days to appear on your statement, depending on your bank.",
    0,
    0,
)


def test_a_compressed_chunk_keeps_its_id_and_the_sentence_that_answers():
    compressed = compress_chunk("How long do card refunds take?", REFUNDS, keep=1)

    assert compressed.id == REFUNDS.id
    assert compressed.text == (
        "Card refunds take 5 to 10 working days to appear on your statement, depending on your "
        "bank."
    )


def test_kept_sentences_stay_in_their_original_order():
    compressed = compress_chunk("Are PayPal and card refunds quick?", REFUNDS, keep=2)

    kept = split_sentences(compressed.text)
    original = split_sentences(REFUNDS.text)
    assert len(kept) == 2
    assert [original.index(s) for s in kept] == sorted(original.index(s) for s in kept)


def test_compression_saves_40_percent_of_prompt_tokens_and_keeps_every_answer(
    help_centre, llm, script, gateway, call_kinds, labelled
):
    centre = help_centre()
    questions = [item["question"] for item in labelled["questions"]]

    def run(keep: int | None) -> tuple[list[str], int]:
        pipeline = AdvancedRag(centre, gateway, hyde=False, keep_sentences=keep)
        start = len(llm.calls)
        answers = [pipeline.answer(question).answer.text for question in questions]
        kinds = call_kinds()
        tokens = sum(
            count_message_tokens(call.body["messages"])
            for call, kind in zip(llm.calls, kinds, strict=True)
            if call.number > start and kind == "answer"
        )
        return answers, tokens

    full_answers, full_tokens = run(None)
    short_answers, short_tokens = run(1)

    assert short_tokens <= 0.6 * full_tokens
    assert short_answers == full_answers
