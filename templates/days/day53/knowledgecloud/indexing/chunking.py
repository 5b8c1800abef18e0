"""Splitting a document's pages into chunks that are small, whole and citable.

A chunk is what search returns and what a prompt quotes, so it should hold one idea:

- it never crosses a page: its citation names one page;
- it is made of whole sentences, packed until the next one would pass ``max_words``
  (a sentence longer than that on its own becomes chunks of ``max_words`` words);
- paragraph breaks are preferred boundaries: a chunk ends at a paragraph's end when the next
  paragraph would not fit whole;
- nothing is lost: the chunks of a page, joined with spaces, hold every word of the page in order.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from knowledgecloud.indexing.extract import Page

SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
PARAGRAPH_BREAK = re.compile(r"\n\s*\n|\n")


@dataclass(frozen=True)
class ChunkText:
    ordinal: int  # position in the document, from 0
    page: int | None
    text: str


def sentences(paragraph: str) -> list[str]:
    return [s.strip() for s in SENTENCE_END.split(paragraph.strip()) if s.strip()]


def _word_count(text: str) -> int:
    return len(text.split())


def _page_chunks(text: str, max_words: int) -> list[str]:
    """One page's chunk texts: whole sentences packed up to max_words, paragraphs kept whole
    when they fit."""
    # BEGIN SOLUTION
    chunks: list[str] = []
    current: list[str] = []
    size = 0
    for paragraph in PARAGRAPH_BREAK.split(text):
        paragraph_words = _word_count(paragraph)
        if paragraph_words == 0:
            continue
        if size and size + paragraph_words > max_words:
            chunks.append(" ".join(current))
            current, size = [], 0
        for sentence in sentences(paragraph):
            words = sentence.split()
            if size and size + len(words) > max_words:
                chunks.append(" ".join(current))
                current, size = [], 0
            while len(words) > max_words:
                chunks.append(" ".join(words[:max_words]))
                words = words[max_words:]
            if words:
                current.append(" ".join(words))
                size += len(words)
    if current:
        chunks.append(" ".join(current))
    return chunks
    # STARTER: raise NotImplementedError("TODO(day53): pack whole sentences into chunks")
    # END SOLUTION


def chunk_pages(pages: list[Page], max_words: int = 60) -> list[ChunkText]:
    """The chunks of a document, numbered in reading order across its pages."""
    # BEGIN SOLUTION
    chunks: list[ChunkText] = []
    for page in pages:
        for text in _page_chunks(page.text, max_words):
            chunks.append(ChunkText(len(chunks), page.number, text))
    return chunks
    # STARTER: raise NotImplementedError("TODO(day53): pack whole sentences into page-bound chunks")
    # END SOLUTION
