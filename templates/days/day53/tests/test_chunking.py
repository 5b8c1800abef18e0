"""Chunks are page-bound, made of whole sentences, within the word limit, and lose nothing."""

from knowledgecloud.indexing.chunking import chunk_pages, sentences
from knowledgecloud.indexing.extract import Page

PAGE_ONE = (
    "Returns are free. Keep the receipt. Refunds take five days.\n"
    "Gift cards cannot be refunded. They never expire."
)
PAGE_TWO = "Error codes are listed below. " + " ".join(f"Code {n} means retry." for n in range(12))


def test_a_chunk_never_crosses_a_page():
    chunks = chunk_pages([Page(1, "Short page one."), Page(2, "Short page two.")], max_words=50)
    assert [(c.page, c.text) for c in chunks] == [(1, "Short page one."), (2, "Short page two.")]
    assert [c.ordinal for c in chunks] == [0, 1]


def test_chunks_hold_whole_sentences_within_the_limit():
    chunks = chunk_pages([Page(1, PAGE_ONE), Page(2, PAGE_TWO)], max_words=12)
    every_sentence = set(sentences(PAGE_ONE.replace("\n", " ")) + sentences(PAGE_TWO))
    for chunk in chunks:
        assert len(chunk.text.split()) <= 12
        assert set(sentences(chunk.text)) <= every_sentence, f"a sentence was cut: {chunk.text!r}"
    assert len(chunks) > 2


def test_a_paragraph_that_fits_is_kept_whole():
    chunks = chunk_pages([Page(1, PAGE_ONE)], max_words=12)
    assert [c.text for c in chunks] == [
        "Returns are free. Keep the receipt. Refunds take five days.",
        "Gift cards cannot be refunded. They never expire.",
    ]


def test_chunking_loses_no_words():
    long_sentence = " ".join(f"word{n}" for n in range(25)) + "."
    pages = [Page(1, PAGE_ONE), Page(2, PAGE_TWO + " " + long_sentence)]
    chunks = chunk_pages(pages, max_words=10)
    for page in pages:
        joined = " ".join(c.text for c in chunks if c.page == page.number)
        assert joined.split() == page.text.split()
    assert all(len(c.text.split()) <= 10 for c in chunks)
