"""The system under evaluation: a small help-centre assistant (retrieve, then answer with sources).

It is deliberately plain so the harness has something honest to measure: a keyword retriever
(content words shared with the question, ties broken by article id) over ten help-centre
articles, and a prompt that lists the retrieved passages as `[article-id] text` lines and asks
the model to answer from them and cite them. Day 44's pipeline (rewriting, hybrid retrieval,
reranking) answers the same questions with the same `Answer` shape, so the harness grades either.

This file is given: today you measure it, you do not change it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from openai import OpenAI

from shop.llm import Usage

ARTICLES: dict[str, str] = {
    "account-password": (
        "Forgot your password? Choose Reset password on the sign-in page and we email a link. "
        "The reset link expires after 30 minutes."
    ),
    "cancel-order": (
        "You can cancel an order until it is packed, from Orders in your account. "
        "Packed orders cannot be cancelled, but they can be returned."
    ),
    "change-address": (
        "The delivery address of an order can be changed until the order ships. "
        "Open the order and choose Edit address."
    ),
    "gift-cards": (
        "Gift cards never expire and can pay for any product. "
        "A gift card balance cannot be exchanged for cash."
    ),
    "payment-methods": (
        "We accept card payments, PayPal and gift cards. Cash on delivery is not offered."
    ),
    "refund-timing": (
        "Refunds go back to the original payment method within 5 business days "
        "of the return being received."
    ),
    "returns-window": (
        "Items can be returned within 30 days of delivery. "
        "Returned items must be unused and in their original packaging."
    ),
    "shipping-delays": (
        "Deliveries usually take 2 to 4 business days. "
        "If a parcel is late, check the tracking page before contacting support."
    ),
    "shipping-international": (
        "We ship to 30 countries. International deliveries take 7 to 12 business days "
        "and customs fees are paid by the customer."
    ),
    "warranty": (
        "Electronics carry a two-year warranty against manufacturing defects. "
        "Warranty claims need the order number and a photo of the fault."
    ),
}

SYSTEM_PROMPT = (
    "You are the shop's help-centre assistant. Answer the customer's question using only the "
    "sources below. Quote or paraphrase them closely and cite every source you use as "
    "[article-id]. If the sources do not answer the question, say you don't know."
)
MAX_TOKENS = 200

_WORD = re.compile(r"[a-z0-9]+")
_CITATION = re.compile(r"\[([a-z0-9][a-z0-9-]*)\]")
_STOP = frozenset(
    (
        "a after an and are as at be by can do does don for from had has hasn have how i if in "
        "is it its me my no not of on or our should so something still t than that the their "
        "them then there these they this to up was we what when where which who why will with "
        "you your"
    ).split()
)


def content_words(text: str) -> set[str]:
    """Lowercased words of `text` without the most common English words."""
    return {word for word in _WORD.findall(text.lower()) if word not in _STOP}


def citations(text: str) -> list[str]:
    """The ids cited as `[article-id]` in an answer, in order of first appearance, no repeats."""
    seen: dict[str, None] = {}
    for ident in _CITATION.findall(text):
        seen.setdefault(ident, None)
    return list(seen)


@dataclass(frozen=True)
class Answer:
    """What one question produced: enough for every metric of the harness."""

    question: str
    retrieved: tuple[str, ...]  # article ids, best first
    passages: dict[str, str]  # the text of each retrieved article, as the model saw it
    text: str  # the model's answer
    cited: tuple[str, ...]  # ids cited in the answer
    model: str
    usage: Usage


def retrieve(question: str, k: int, articles: dict[str, str] = ARTICLES) -> list[str]:
    """The ids of the `k` articles sharing the most content words with the question.

    Articles sharing no word are never returned; equal scores are ordered by id, so the result
    is the same on every run.
    """
    wanted = content_words(question)
    scored = []
    for ident, text in articles.items():
        score = len(wanted & content_words(ident.replace("-", " ") + " " + text))
        if score:
            scored.append((-score, ident))
    return [ident for _, ident in sorted(scored)[:k]]


class HelpDesk:
    """Retrieve `k` articles, ask the model, return the `Answer`."""

    def __init__(self, client: OpenAI, model: str, k: int = 3) -> None:
        self.client = client
        self.model = model
        self.k = k

    def messages(self, question: str, passages: dict[str, str]) -> list[dict[str, str]]:
        sources = "\n".join(f"[{ident}] {text}" for ident, text in passages.items())
        return [
            {"role": "system", "content": SYSTEM_PROMPT},
            {"role": "user", "content": f"Sources:\n{sources}\n\nQuestion: {question}"},
        ]

    def answer(self, question: str) -> Answer:
        retrieved = retrieve(question, self.k)
        passages = {ident: ARTICLES[ident] for ident in retrieved}
        response = self.client.chat.completions.create(
            model=self.model,
            messages=self.messages(question, passages),
            temperature=0,
            max_tokens=MAX_TOKENS,
        )
        text = response.choices[0].message.content or ""
        usage = Usage(response.usage.prompt_tokens, response.usage.completion_tokens)
        return Answer(
            question=question,
            retrieved=tuple(retrieved),
            passages=passages,
            text=text,
            cited=tuple(citations(text)),
            model=self.model,
            usage=usage,
        )
