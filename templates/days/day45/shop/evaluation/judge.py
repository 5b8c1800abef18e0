"""A binary LLM judge: one more model call that says PASS or FAIL for an answer.

Binary, because a 1-to-10 score drifts between runs and models while "is this answer correct
and supported by these sources, yes or no" is something a judge (and a person checking the
judge) can agree on. Parsed strictly, because a judge that rambles is a judge you cannot trust:
anything but the bare word PASS or FAIL is INVALID, counted apart, and never a pass.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from openai import OpenAI

from shop.llm import Usage

PASS = "PASS"
FAIL = "FAIL"
INVALID = "INVALID"
MAX_TOKENS = 5

JUDGE_PROMPT = (
    "You grade answers given by a shop's help-centre assistant. You see the customer's question, "
    "the sources the assistant was given and its answer. The answer passes when it answers the "
    "question correctly using only facts stated in the sources. Reply with exactly one word: "
    "PASS or FAIL."
)


@dataclass(frozen=True)
class Judgement:
    verdict: str  # PASS, FAIL or INVALID
    raw: str | None  # what the judge said, for the report and for debugging the judge
    model: str
    usage: Usage


def judge_messages(question: str, answer: str, context: Mapping[str, str]) -> list[dict[str, str]]:
    sources = "\n".join(f"<source id={ident}>{text}</source>" for ident, text in context.items())
    return [
        {"role": "system", "content": JUDGE_PROMPT},
        {
            "role": "user",
            "content": (
                f"<question>{question}</question>\n<sources>\n{sources}\n</sources>\n"
                f"<answer>{answer}</answer>"
            ),
        },
    ]


def parse_verdict(text: str | None) -> str:
    """PASS or FAIL when the judge said exactly that word (surrounding whitespace aside).

    Anything else is INVALID: no output, lower case, punctuation ("PASS."), hedging
    ("PASS?"), both words, or a sentence around the word.
    """
    # BEGIN SOLUTION
    if text is None:
        return INVALID
    word = text.strip()
    return word if word in (PASS, FAIL) else INVALID
    # STARTER: raise NotImplementedError("TODO(day45): exactly PASS or FAIL, else INVALID")
    # END SOLUTION


def judge(
    client: OpenAI, model: str, question: str, answer: str, context: Mapping[str, str]
) -> Judgement:
    """Ask `model` for a verdict on `answer`, given the `context` the assistant had.

    One call: the messages of `judge_messages`, temperature 0 and max_tokens MAX_TOKENS (a
    verdict is one word; a long reply is already wrong). The usage comes from the response.
    """
    # BEGIN SOLUTION
    response = client.chat.completions.create(
        model=model,
        messages=judge_messages(question, answer, context),
        temperature=0,
        max_tokens=MAX_TOKENS,
    )
    raw = response.choices[0].message.content
    usage = Usage(response.usage.prompt_tokens, response.usage.completion_tokens)
    return Judgement(parse_verdict(raw), raw, model, usage)
    # STARTER: raise NotImplementedError("TODO(day45): one call to the judge, verdict parsed")
    # END SOLUTION
