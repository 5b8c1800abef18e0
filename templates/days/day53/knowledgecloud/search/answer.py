"""Answering a question from the tenant's documents (retrieval-augmented generation).

The search results are the model's only sources. Each goes into the prompt as one line,
``[chunk-id] text``, and the model is told to answer from them and cite the ids it used. Then the
answer is checked, because a model can cite a source it was never given:

- no search result: "don't know", and the model is not called at all (nothing to ground on,
  nothing to pay for);
- the answer's citations are kept only if they name chunks of *this* search, and each becomes a
  full citation (document, chunk, page);
- an answer with no valid citation is replaced by "don't know": an unsupported answer is worse
  than none.

The client is any OpenAI-compatible one (``LLM_BASE_URL``, ``LLM_API_KEY``, ``LLM_MODEL``: a
hosted provider, a local Ollama, or the course's fake LLM in the tests).
"""

from __future__ import annotations

import os
import re
from dataclasses import dataclass, field

from knowledgecloud.search.hybrid import HybridSearch, Result

DONT_KNOW = "I don't know based on the provided sources."
CITATION = re.compile(r"\[([A-Za-z0-9-]+)\]")

SYSTEM_PROMPT = (
    "You answer questions about the company's documents. Use only the sources in the user's "
    "message: each is one line, an id in square brackets and then the text. Quote or paraphrase "
    "the sentence that answers, and end with the id of every source you used, like [id]. If the "
    "sources do not answer the question, reply exactly: " + DONT_KNOW
)


@dataclass(frozen=True)
class Answer:
    text: str
    citations: list[dict] = field(default_factory=list)

    def public(self) -> dict:
        return {"answer": self.text, "citations": self.citations}


def build_messages(question: str, results: list[Result]) -> list[dict]:
    """The system prompt, then one user message: the sources, one per line, then the question."""
    sources = "\n".join(f"[{r.chunk.id}] {' '.join(r.chunk.text.split())}" for r in results)
    return [
        {"role": "system", "content": SYSTEM_PROMPT},
        {"role": "user", "content": f"Sources:\n{sources}\n\nQuestion: {question}"},
    ]


class Answerer:
    def __init__(self, search: HybridSearch, client, model: str, k: int = 4) -> None:
        self.search = search
        self.client = client
        self.model = model
        self.k = k

    def answer(self, tenant_id: str, question: str) -> Answer:
        """Search, ask the model with the results as sources, keep only citations of them."""
        # BEGIN SOLUTION
        results = self.search.search(tenant_id, question, self.k)
        if not results:
            return Answer(DONT_KNOW)
        completion = self.client.chat.completions.create(
            model=self.model, messages=build_messages(question, results), temperature=0
        )
        text = (completion.choices[0].message.content or "").strip()
        retrieved = {result.chunk.id: result for result in results}
        cited = dict.fromkeys(i for i in CITATION.findall(text) if i in retrieved)
        if not cited:
            return Answer(DONT_KNOW)
        return Answer(text, [retrieved[chunk_id].citation() for chunk_id in cited])
        # STARTER: raise NotImplementedError("TODO(day53): retrieve, prompt, check the citations")
        # END SOLUTION


def answerer_from_environment(search: HybridSearch) -> Answerer | None:
    """An Answerer on the provider the environment names, or None when LLM_MODEL is not set."""
    model = os.environ.get("LLM_MODEL")
    if not model:
        return None
    from openai import OpenAI

    client = OpenAI(
        base_url=os.environ.get("LLM_BASE_URL") or None,
        api_key=os.environ.get("LLM_API_KEY") or "not-needed-for-local-servers",
        max_retries=1,
        timeout=30,
    )
    return Answerer(search, client, model)
