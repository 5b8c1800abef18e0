"""Model tiering: easy questions to a small, cheap model; hard ones to the large model.

A large model costs about 15 times more per token than a small one. Most questions a document
Q&A platform receives are short lookups ("Which file types can I upload?") that the small model
answers as well. A rule-based router is the first step: cheap, predictable, testable. (A learned
router or a cascade, small first and large when the small one is unsure, comes later, once
there is data to tune it on.)
"""

from __future__ import annotations

import re

SMALL_MODEL = "gpt-4o-mini"
LARGE_MODEL = "gpt-4o"

# Words that ask for reasoning, comparison or writing rather than a lookup.
HARD_WORDS = frozenset(
    {
        "analyse", "analyze", "compare", "comparison", "contrast", "draft", "evaluate", "explain",
        "implications", "pros", "recommend", "summarise", "summarize", "tradeoffs", "why",
        "write",
    }
)  # fmt: skip
MAX_EASY_WORDS = 20  # longer questions usually carry several sub-questions


def words(question: str) -> list[str]:
    return re.findall(r"[a-z0-9]+(?:['-][a-z0-9]+)*", question.lower())


def choose_model(question: str) -> str:
    """LARGE_MODEL when the question asks for reasoning or is long, else SMALL_MODEL."""
    # BEGIN SOLUTION
    found = words(question)
    if len(found) > MAX_EASY_WORDS or HARD_WORDS.intersection(found):
        return LARGE_MODEL
    return SMALL_MODEL
    # STARTER: raise NotImplementedError("TODO(day58): small model unless the question is hard")
    # END SOLUTION
