"""The binary judge: one short deterministic call, and a verdict parsed strictly."""

from __future__ import annotations

import pytest

from fakellm import ToolCall
from shop.evaluation.judge import (
    FAIL,
    INVALID,
    MAX_TOKENS,
    PASS,
    judge,
    judge_messages,
    parse_verdict,
)
from shop.helpcentre import ARTICLES

QUESTION = "Do gift cards expire?"
ANSWER = "Gift cards never expire and can pay for any product. [gift-cards]"
CONTEXT = {"gift-cards": ARTICLES["gift-cards"]}


def test_judge_makes_one_call_at_temperature_zero_with_a_tiny_output_budget(llm, client):
    llm.reply("PASS")

    judgement = judge(client, "gpt-4o-mini", QUESTION, ANSWER, CONTEXT)

    assert judgement.verdict == PASS
    assert judgement.raw == "PASS"
    assert len(llm.requests) == 1
    body = llm.requests[0]
    assert body["model"] == "gpt-4o-mini"
    assert body["temperature"] == 0
    assert body["max_tokens"] == MAX_TOKENS
    assert body["messages"] == judge_messages(QUESTION, ANSWER, CONTEXT)


def test_judge_reports_the_usage_of_its_call(llm, client):
    llm.reply("FAIL")
    judgement = judge(client, "gpt-4o-mini", QUESTION, ANSWER, CONTEXT)
    assert judgement.verdict == FAIL
    assert judgement.usage.completion_tokens == 1
    assert judgement.usage.prompt_tokens > 50


@pytest.mark.parametrize("text", ["PASS", " PASS\n", "\tPASS  "])
def test_a_bare_pass_is_a_pass(text):
    assert parse_verdict(text) == PASS


@pytest.mark.parametrize("text", ["FAIL", "FAIL\n"])
def test_a_bare_fail_is_a_fail(text):
    assert parse_verdict(text) == FAIL


@pytest.mark.parametrize(
    "text",
    [
        None,
        "",
        "  ",
        "PASS?",
        "PASS.",
        "pass",
        "NOT PASS",
        "PASS or FAIL",
        "I think PASS",
        "PASSED",
    ],
)
def test_anything_else_is_invalid_never_a_pass(text):
    assert parse_verdict(text) == INVALID


def test_a_judge_that_answers_with_a_question_mark_is_invalid(llm, client):
    llm.reply("PASS?")
    assert judge(client, "m", QUESTION, ANSWER, CONTEXT).verdict == INVALID


def test_a_judge_that_returns_no_text_is_invalid(llm, client):
    llm.reply(ToolCall("grade", {"verdict": "PASS"}))  # no content at all, only a tool call
    judgement = judge(client, "m", QUESTION, ANSWER, CONTEXT)
    assert judgement.raw is None
    assert judgement.verdict == INVALID
