"""Easy questions go to the small model, hard ones to the large one: read from the requests."""

from __future__ import annotations

from knowledgecloud.cost.answerer import Answerer
from knowledgecloud.cost.cache import SemanticCache
from knowledgecloud.cost.pricing import cost_per_1k
from knowledgecloud.cost.router import LARGE_MODEL, SMALL_MODEL

EASY = [
    "Which file types can I upload?",
    "Where can I see my invoices?",
    "Is my data encrypted at rest?",
    "How do I invite a teammate?",
    "What does the Pro plan cost per month?",
]
HARD = [
    "Compare the retention rules of our two contracts and tell me which is stricter.",
    "Why did the indexing of my last upload fail?",
    "Summarise the onboarding guide for a new engineer.",
    "Draft a reply to the customer asking about data residency.",
    "Our auditors want to know how documents are stored, who can read them, how long they "
    "are kept after deletion, and whether backups are encrypted as well: what do I tell them?",
]


def ask_all(llm, clock, questions, route=None) -> Answerer:
    kwargs = {"route": route} if route else {}
    answerer = Answerer(llm.client(), SemanticCache(clock=clock), **kwargs)
    for question in questions:
        answerer.answer("acme", question)
    return answerer


def test_easy_questions_go_to_the_small_model(llm, clock):
    ask_all(llm, clock, EASY)

    assert len(llm.requests) == len(EASY)
    models = [body["model"] for body in llm.requests]
    assert models == [SMALL_MODEL] * len(EASY), f"easy lookups were sent to {models}"


def test_hard_questions_go_to_the_large_model(llm, clock):
    ask_all(llm, clock, HARD)

    models = [body["model"] for body in llm.requests]
    assert models == [LARGE_MODEL] * len(HARD), f"reasoning questions were sent to {models}"


def test_routing_costs_a_fraction_of_sending_everything_to_the_large_model(llm, clock):
    workload = EASY + HARD[:1]  # most questions a Q&A platform gets are lookups
    routed = cost_per_1k(ask_all(llm, clock, workload).served)
    everything_large = cost_per_1k(ask_all(llm, clock, workload, lambda q: LARGE_MODEL).served)

    assert routed < everything_large / 2, (routed, everything_large)
