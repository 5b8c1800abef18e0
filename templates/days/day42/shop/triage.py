"""Triage one ticket: a prompt within budget, structured output, and at most one repair.

Models asked for JSON still sometimes answer with prose around it, a trailing comma, or a value
outside the schema. One repair call (show the model its answer and what was wrong with it) fixes
most of those; a second failure is not worth a third call: report it and let a person look.
"""

from __future__ import annotations

from dataclasses import dataclass

from openai import OpenAI
from pydantic import ValidationError

from shop import tokens
from shop.prompts import EXAMPLES, Example, build_messages
from shop.triage_schema import TicketTriage, response_format

REPAIR_PROMPT = (
    "Your previous answer is not valid for the schema:\n{errors}\n"
    "Answer again with only the corrected JSON object."
)
TRUNCATED = "\n[ticket truncated]"


@dataclass(frozen=True)
class Budget:
    max_prompt_tokens: int = 1200
    max_output_tokens: int = 200


@dataclass(frozen=True)
class TriageResult:
    triage: TicketTriage
    calls: int  # 1, or 2 when a repair was needed


class TriageFailed(Exception):
    """The model's answer was still invalid after the repair call."""


def fit_budget(ticket: str, examples: list[Example], budget: Budget) -> list[dict[str, str]]:
    """The messages for `ticket`, within `budget.max_prompt_tokens` (counted with tokens.py).

    What gives way, in order: few-shot examples, dropped from the last one back; then the end of
    the ticket, cut at a token boundary and marked with TRUNCATED inside the fence. The system
    prompt and the fence are never cut.
    """
    # BEGIN SOLUTION
    kept = list(examples)
    messages = build_messages(ticket, kept)
    while kept and tokens.count_messages(messages) > budget.max_prompt_tokens:
        kept.pop()
        messages = build_messages(ticket, kept)
    excess = tokens.count_messages(messages) - budget.max_prompt_tokens
    if excess > 0:
        # Cut a little more than the excess: escaping and the marker change the count slightly.
        room = tokens.count(ticket) - excess - tokens.count(TRUNCATED) - 8
        cut = tokens.truncate(ticket, room) + TRUNCATED
        messages = build_messages(cut, [])
        while tokens.count_messages(messages) > budget.max_prompt_tokens and room > 0:
            room -= 8
            messages = build_messages(tokens.truncate(ticket, room) + TRUNCATED, [])
    return messages
    # STARTER: raise NotImplementedError("TODO(day42): drop examples, then cut the ticket")
    # END SOLUTION


def triage(
    client: OpenAI,
    model: str,
    ticket: str,
    *,
    examples: list[Example] = EXAMPLES,
    budget: Budget = Budget(),
) -> TriageResult:
    """Classify `ticket`. Requests use temperature 0, `max_tokens=budget.max_output_tokens` and
    `response_format()`. An answer that does not validate as TicketTriage gets exactly one repair
    call: the same messages, plus the invalid answer as the assistant's turn, plus a user turn
    with REPAIR_PROMPT filled with the validation errors. Raises TriageFailed if the repaired
    answer is still invalid.
    """
    # BEGIN SOLUTION
    messages = fit_budget(ticket, examples, budget)

    def ask(conversation: list[dict[str, str]]) -> str:
        answer = client.chat.completions.create(
            model=model,
            messages=conversation,
            temperature=0,
            max_tokens=budget.max_output_tokens,
            response_format=response_format(),
        )
        return answer.choices[0].message.content or ""

    first = ask(messages)
    try:
        return TriageResult(TicketTriage.model_validate_json(first), calls=1)
    except ValidationError as error:
        problems = str(error)
    repair = messages + [
        {"role": "assistant", "content": first},
        {"role": "user", "content": REPAIR_PROMPT.format(errors=problems)},
    ]
    second = ask(repair)
    try:
        return TriageResult(TicketTriage.model_validate_json(second), calls=2)
    except ValidationError as error:
        raise TriageFailed(f"invalid answer after one repair: {error}") from error
    # STARTER: raise NotImplementedError("TODO(day42): ask, validate, repair once")
    # END SOLUTION
