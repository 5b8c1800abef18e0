"""The evaluation's offline provider: the course's fake LLM, answering as a grounded model would.

CI has no model to call, and a gate that flickers with a real model's moods is no gate. So the
offline run uses the fake LLM: the assistant's calls get `extractive()` answers (quote the best
matching source sentence and cite it, or say "I don't know"), and the judge's calls get a
verdict worked out from the request (PASS when the answer cites a source, every one of its
sentences appears word for word in the sources, and it shares at least two content words with
the question; FAIL otherwise). The last rule is a crude test of "answers the question": it
fails a faithful quote of the wrong article, and sometimes a right answer in other words.
Both are stand-ins: they move when retrieval or prompts change, which is what the gate watches.
`--live` swaps in a real provider for both roles.
"""

from __future__ import annotations

import re
from typing import Any

from fakellm import FakeLLM, extractive
from shop.evaluation.checks import sentences
from shop.evaluation.judge import FAIL, JUDGE_PROMPT, PASS
from shop.helpcentre import content_words

# Priced like gpt-4o-mini, so the cost column shows what a real run would roughly cost.
OFFLINE_MODEL = "gpt-4o-mini"

_QUESTION = re.compile(r"<question>(.*)</question>", re.DOTALL)
_ANSWER = re.compile(r"<answer>(.*)</answer>", re.DOTALL)
_SOURCES = re.compile(r"<sources>(.*)</sources>", re.DOTALL)


def _is_judge_call(body: dict[str, Any]) -> bool:
    messages = body.get("messages") or [{}]
    return messages[0].get("content") == JUDGE_PROMPT


def offline_verdict(body: dict[str, Any]) -> str:
    text = body["messages"][-1]["content"]
    question = _QUESTION.search(text)
    answer = _ANSWER.search(text)
    sources = _SOURCES.search(text)
    if question is None or answer is None or sources is None or "[" not in answer.group(1):
        return FAIL
    pieces = sentences(answer.group(1))
    grounded = bool(pieces) and all(piece in sources.group(1) for piece in pieces)
    on_topic = len(content_words(question.group(1)) & content_words(answer.group(1))) >= 2
    return PASS if grounded and on_topic else FAIL


def offline_llm() -> FakeLLM:
    """A fake provider that plays both the assistant and the judge."""
    answer = extractive()

    def respond(body: dict[str, Any]) -> str:
        return offline_verdict(body) if _is_judge_call(body) else answer(body)

    return FakeLLM(model=OFFLINE_MODEL, default=respond)
