"""The chunker loses nothing, overlaps exactly, and respects the token budget (cl100k tokens)."""

from __future__ import annotations

import pytest

from fakellm import count_tokens, split_tokens
from shop.chunking import MAX_TOKENS, OVERLAP, chunk_articles, chunk_text
from shop.corpus import load_articles

SETTINGS = [(MAX_TOKENS, OVERLAP), (40, 8), (25, 0), (100, 30)]

UNICODE = (
    "Rückgabe innerhalb von 30 Tagen möglich. 退货需要在三十天内完成，请保留原包装。 "
    "Émile a reçu un colis abîmé 📦💥 et demande un remboursement. "
    "Zurück 🎁🎁🎁 — naïve café crème brûlée, ñandú, Ελληνικά, русский текст. "
) * 4
ONE_LONG_SENTENCE = (
    "When the courier cannot deliver because nobody is at home and there is no safe place and "
    "no neighbour will take the parcel and the address is in a building without a letterbox "
    "large enough the parcel goes back to the depot where it waits for seven days while we "
    "write to you twice with a link to choose a new day or a pickup point near you"
)


def rejoin(text: str, chunks) -> str:
    """The article rebuilt from its chunks: the first one whole, then what each adds."""
    rebuilt = ""
    for chunk in chunks:
        assert chunk.text == text[chunk.start : chunk.end], "a chunk is not a slice of its text"
        assert chunk.start <= len(rebuilt), f"a gap before {chunk.id}"
        rebuilt += text[len(rebuilt) : chunk.end] if chunk.end > len(rebuilt) else ""
    return rebuilt


def boundaries(text: str) -> list[int]:
    offsets = [0]
    for piece in split_tokens(text):
        offsets.append(offsets[-1] + len(piece))
    return offsets


@pytest.mark.parametrize(("max_tokens", "overlap"), SETTINGS)
def test_chunks_rebuild_every_article_exactly(max_tokens, overlap):
    for article in load_articles():
        chunks = chunk_text(article.id, article.text, max_tokens=max_tokens, overlap=overlap)
        assert chunks[0].start == 0
        assert chunks[-1].end == len(article.text)
        assert rejoin(article.text, chunks) == article.text


@pytest.mark.parametrize(("max_tokens", "overlap"), SETTINGS)
def test_no_chunk_is_over_the_token_budget(max_tokens, overlap):
    for article in load_articles():
        for chunk in chunk_text(article.id, article.text, max_tokens=max_tokens, overlap=overlap):
            assert count_tokens(chunk.text) <= max_tokens, chunk.id


@pytest.mark.parametrize(("max_tokens", "overlap"), SETTINGS)
def test_each_chunk_repeats_exactly_the_last_overlap_tokens_of_the_one_before(max_tokens, overlap):
    for article in load_articles():
        bounds = boundaries(article.text)
        chunks = chunk_text(article.id, article.text, max_tokens=max_tokens, overlap=overlap)
        assert len(chunks) > 1
        for before, after in zip(chunks, chunks[1:], strict=False):
            shared = article.text[after.start : before.end]
            assert before.text.endswith(shared) and after.text.startswith(shared)
            # Exactly `overlap` tokens, counted on the article's own tokenization.
            assert bounds.index(before.end) - bounds.index(after.start) == overlap, after.id


def test_token_budget_holds_for_numbers_codes_and_other_scripts():
    dense = "Order 4410-XK/77 #9031 £12.49 PAY-3DS 2026-01-31. " * 10 + UNICODE
    for chunk in chunk_text("dense", dense, max_tokens=30, overlap=5):
        assert count_tokens(chunk.text) <= 30, chunk.id


def test_chunks_start_and_end_between_tokens():
    for article in load_articles():
        bounds = set(boundaries(article.text))
        for chunk in chunk_text(article.id, article.text, max_tokens=30, overlap=5):
            assert chunk.start in bounds and chunk.end in bounds, f"{chunk.id} cuts a token"


def test_chunks_end_at_a_sentence_end_when_one_fits():
    article = next(a for a in load_articles() if a.id == "returns")
    chunks = chunk_text(article.id, article.text, max_tokens=60, overlap=6)
    for chunk in chunks[:-1]:
        assert chunk.text.rstrip()[-1] in ".!?:", f"{chunk.id} ends mid-sentence: {chunk.text!r}"


def test_a_sentence_longer_than_the_budget_is_cut_between_tokens():
    chunks = chunk_text("long", ONE_LONG_SENTENCE, max_tokens=20, overlap=4)

    assert len(chunks) >= 4
    assert rejoin(ONE_LONG_SENTENCE, chunks) == ONE_LONG_SENTENCE
    bounds = boundaries(ONE_LONG_SENTENCE)
    for chunk in chunks:
        assert count_tokens(chunk.text) <= 20
        assert chunk.start in bounds and chunk.end in bounds
    # Full chunks, not a word or two each.
    assert all(count_tokens(chunk.text) >= 15 for chunk in chunks[:-1])


def test_unicode_is_never_cut_inside_a_character():
    chunks = chunk_text("intl", UNICODE, max_tokens=24, overlap=5)

    assert rejoin(UNICODE, chunks) == UNICODE
    for chunk in chunks:
        assert "\ufffd" not in chunk.text
        assert count_tokens(chunk.text) <= 24
        chunk.text.encode("utf-8")  # raises on a lone surrogate


def test_chunk_ids_name_the_article_and_the_position():
    chunks = chunk_articles(load_articles())
    assert len({chunk.id for chunk in chunks}) == len(chunks)
    refunds = [chunk for chunk in chunks if chunk.doc_id == "refunds"]
    assert [chunk.id for chunk in refunds] == [f"refunds#{n}" for n in range(len(refunds))]


def test_short_text_is_one_chunk_and_empty_text_none():
    assert [c.text for c in chunk_text("tiny", "Free returns.", max_tokens=10, overlap=2)] == [
        "Free returns."
    ]
    assert chunk_text("empty", "", max_tokens=10, overlap=2) == []


def test_overlap_must_leave_room_for_new_text():
    with pytest.raises(ValueError, match="overlap"):
        chunk_text("x", "Some text.", max_tokens=10, overlap=10)
