"""An honest stand-in for a grounded answer: quote the context, cite it, or say "I don't know".

A real model asked to answer from retrieved context should use that context and name its
sources. `extractive()` behaves the way a well-behaved model would, without any prose to grade:

- context passages are the lines of the request's messages that look like `[source-id] text`
  (several lines with the same id belong to the same passage);
- the question is the last user message without those lines (after `Question:` if present);
- the answer is the context sentence sharing the most words with the question, followed by its
  citation `[source-id]`; with no sentence sharing a content word, it answers `DONT_KNOW`.

So a RAG test can tell from the answer which passage reached the prompt, and a pipeline that
sent the wrong chunks (or none) gets a wrong or "don't know" answer, just as with a real model.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

DONT_KNOW = "I don't know based on the provided sources."

_SOURCE_LINE = re.compile(r"^\s*\[(?P<id>[^\]\s]+)\]\s*(?P<text>.+?)\s*$")
_WORD = re.compile(r"[a-z0-9]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
# Words too common to count as overlap between a question and a sentence.
_STOP_WORDS = (
    "a an and are as at be by can do does for from had has have how i if in is it its me my no "
    "not of on or our so than that the their them then there these they this to was we what "
    "when where which who why will with you your"
)
_STOP = frozenset(_STOP_WORDS.split())


def _words(text: str) -> set[str]:
    return {word for word in _WORD.findall(text.lower()) if word not in _STOP}


def _text_of(message: dict[str, Any]) -> str:
    content = message.get("content")
    if isinstance(content, str):
        return content
    if isinstance(content, list):
        return "\n".join(part.get("text", "") for part in content if isinstance(part, dict))
    return ""


def sources_in(body: dict[str, Any]) -> dict[str, str]:
    """Every `[id] text` passage in the request, in order of first appearance."""
    passages: dict[str, list[str]] = {}
    for message in body.get("messages", []):
        for line in _text_of(message).splitlines():
            match = _SOURCE_LINE.match(line)
            if match:
                passages.setdefault(match["id"], []).append(match["text"])
    return {ident: " ".join(lines) for ident, lines in passages.items()}


def question_in(body: dict[str, Any]) -> str:
    """The last user message, without its source lines; the part after `Question:` if any."""
    for message in reversed(body.get("messages", [])):
        if message.get("role") != "user":
            continue
        text = _text_of(message)
        lines = [line for line in text.splitlines() if not _SOURCE_LINE.match(line)]
        rest = "\n".join(lines)
        marker = re.search(r"question\s*:", rest, re.IGNORECASE)
        return rest[marker.end() :].strip() if marker else rest.strip()
    return ""


def best_sentence(question: str, sources: dict[str, str]) -> tuple[str, str] | None:
    """The (source id, sentence) sharing the most content words with the question, or None.
    Ties go to the earlier source, so the answer is the same on every run."""
    wanted = _words(question)
    best: tuple[int, str, str] | None = None
    for ident, text in sources.items():
        for sentence in _SENTENCE_END.split(text):
            overlap = len(wanted & _words(sentence))
            if overlap and (best is None or overlap > best[0]):
                best = (overlap, ident, sentence.strip())
    return None if best is None else (best[1], best[2])


def extractive(dont_know: str = DONT_KNOW) -> Callable[[dict[str, Any]], str]:
    """A reply for `FakeLLM.when`/`reply`/`default`: quote and cite the best sentence."""

    def answer(body: dict[str, Any]) -> str:
        found = best_sentence(question_in(body), sources_in(body))
        if found is None:
            return dont_know
        ident, sentence = found
        return f"{sentence} [{ident}]"

    return answer
