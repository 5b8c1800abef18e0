"""Checks on an answer, computed from text alone (no model): citations and faithfulness.

Both are cheap, deterministic stand-ins for what RAGAS-style tools ask a model to judge. They
miss paraphrases a model would accept, so they are strict rather than clever: an answer that
passes them is quoting its sources, and one that fails them is worth a person's look.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from shop.helpcentre import content_words

# A sentence is supported when at least this share of its content words is in its context.
SUPPORT_RATIO = 0.8

_CITATION = re.compile(r"\[[^\]]*\]")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


def sentences(answer: str) -> list[str]:
    """The answer's sentences, with citation markers removed and empty pieces dropped."""
    plain = _CITATION.sub(" ", answer)
    return [piece.strip() for piece in _SENTENCE_END.split(plain) if piece.strip()]


def citations_valid(cited: Sequence[str], retrieved: Sequence[str]) -> bool:
    """True when the answer cites at least one id and every id it cites was retrieved.

    A citation of an article the model never saw is invented, however plausible its id looks;
    an answer citing nothing cannot be checked at all, so it fails too.
    """
    # BEGIN SOLUTION
    return bool(cited) and set(cited) <= set(retrieved)
    # STARTER: raise NotImplementedError("TODO(day45): cited ids must be a non-empty subset")
    # END SOLUTION


def faithfulness(answer: str, context: Mapping[str, str]) -> float:
    """The share of the answer's sentences supported by `context` (the passages it cites).

    A sentence is supported when at least SUPPORT_RATIO of its content words (see
    `shop.helpcentre.content_words`) occur among the content words of the context; a sentence
    with no content word is not evidence of anything and counts as unsupported. An answer with
    no sentences scores 0.0.
    """
    # BEGIN SOLUTION
    pieces = sentences(answer)
    if not pieces:
        return 0.0
    known: set[str] = set()
    for text in context.values():
        known |= content_words(text)
    supported = 0
    for sentence in pieces:
        words = content_words(sentence)
        if words and len(words & known) >= SUPPORT_RATIO * len(words):
            supported += 1
    return supported / len(pieces)
    # STARTER: raise NotImplementedError("TODO(day45): supported sentences over all sentences")
    # END SOLUTION
