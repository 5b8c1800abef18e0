"""Cutting articles into chunks that fit a token budget, overlap by a fixed number of tokens, and
lose nothing.

A chunk is a slice `text[start:end]` of its article. Three promises, each checked by the tests:

* lossless: chunk 0 starts at 0, the last chunk ends at `len(text)`, and every chunk starts
  inside the one before it, so the article can be rebuilt from its chunks;
* exact overlap: each chunk after the first starts exactly `overlap` tokens before the previous
  one ends, so a sentence cut at a boundary appears whole in at least one chunk;
* a token budget: `count_tokens(chunk.text) <= max_tokens`, counted with the same tokenizer as
  the model (cl100k_base), not guessed from characters.

Boundaries fall between tokens (never inside one, never inside a multi-byte character), and a
chunk ends at the end of a sentence whenever one fits; a sentence longer than the budget is cut
between tokens.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from fakellm import count_tokens, split_tokens

MAX_TOKENS = 80
OVERLAP = 12

# A piece that ends a sentence: ., ! or ? (maybe followed by quotes/brackets), or a line break.
_SENTENCE_END = re.compile(r"([.!?][\"')\]]*\s*|\n\s*)$")


@dataclass(frozen=True)
class Chunk:
    id: str  # "<article id>#<n>", n from 0
    doc_id: str
    text: str
    start: int  # offsets in the article's text: text == article[start:end]
    end: int


def token_offsets(text: str) -> list[int]:
    """Character offsets of the token boundaries of `text`, from 0 to len(text).

    `split_tokens` gives the text as token-sized pieces (a multi-byte character split over
    several tokens stays in one piece), so these are the places a chunk may start or end.
    """
    offsets = [0]
    for piece in split_tokens(text):
        offsets.append(offsets[-1] + len(piece))
    return offsets


def chunk_text(
    doc_id: str, text: str, *, max_tokens: int = MAX_TOKENS, overlap: int = OVERLAP
) -> list[Chunk]:
    """The chunks of one article (see the module docstring for the promises they keep).

    Raises ValueError when the overlap does not leave room for new text in each chunk.
    """
    # BEGIN SOLUTION
    if max_tokens < 1 or overlap < 0 or overlap >= max_tokens:
        raise ValueError(
            f"need 0 <= overlap < max_tokens (got overlap={overlap}, max_tokens={max_tokens})"
        )
    if not text:
        return []
    bounds = token_offsets(text)
    last = len(bounds) - 1  # number of pieces

    def fits(a: int, b: int) -> bool:
        return count_tokens(text[bounds[a] : bounds[b]]) <= max_tokens

    def ends_sentence(b: int) -> bool:
        if b == last:
            return True
        piece = text[bounds[b - 1] : bounds[b]]
        # "3.99" is not the end of a sentence: the next piece must start with a space.
        return _SENTENCE_END.search(piece) is not None and (
            piece[-1].isspace() or text[bounds[b]].isspace()
        )

    chunks: list[Chunk] = []
    a = 0
    while True:
        # The furthest end within the budget (a piece may be more than one token).
        b = min(last, a + max_tokens)
        while b > a + 1 and not fits(a, b):
            b -= 1
        if b < last:
            # Prefer the last sentence end that still moves past the overlap.
            for candidate in range(b, a + overlap, -1):
                if ends_sentence(candidate):
                    b = candidate
                    break
        chunks.append(
            Chunk(
                f"{doc_id}#{len(chunks)}", doc_id, text[bounds[a] : bounds[b]], bounds[a], bounds[b]
            )
        )
        if b == last:
            return chunks
        # Step back `overlap` pieces, but always move forward.
        a = max(b - overlap, a + 1)
    # STARTER: raise NotImplementedError("TODO(day43): cut at token boundaries, with overlap")
    # END SOLUTION


def chunk_articles(
    articles, *, max_tokens: int = MAX_TOKENS, overlap: int = OVERLAP
) -> list[Chunk]:
    """Every article's chunks, in article order."""
    return [
        chunk
        for article in articles
        for chunk in chunk_text(article.id, article.text, max_tokens=max_tokens, overlap=overlap)
    ]
