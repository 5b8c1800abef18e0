"""A semantic cache of LLM answers: a question close enough in meaning to one already answered
for the same tenant gets the stored answer, without calling the model.

An exact-string cache misses "How can I reset the password of my account?" after "How do I reset
my password?"; comparing embeddings catches the paraphrase. Three rules keep it safe:

* entries belong to a tenant: tenant A's answer (built from A's documents) is never served to B;
* an entry expires (TTL): documents change, and a stale answer cites what was deleted;
* the similarity threshold is chosen on labelled pairs for high precision (threshold.py): a wrong
  answer served from the cache costs more than the model call it saved.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

from knowledgecloud.cost.embeddings import embed_one

# Chosen with `python -m knowledgecloud.cost.threshold` on tests/fixtures/cache_pairs.json.
SIMILARITY_THRESHOLD = 0.825
TTL_SECONDS = 3600.0


@dataclass(frozen=True)
class Entry:
    question: str
    vector: np.ndarray  # L2-normalised
    answer: str
    expires_at: float


class SemanticCache:
    def __init__(
        self,
        embed: Callable[[str], np.ndarray] = embed_one,
        *,
        threshold: float = SIMILARITY_THRESHOLD,
        ttl_seconds: float = TTL_SECONDS,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.embed = embed
        self.threshold = threshold
        self.ttl_seconds = ttl_seconds
        self.clock = clock
        self.hits = 0
        self.misses = 0
        # BEGIN SOLUTION
        self._entries: dict[str, list[Entry]] = {}
        # STARTER: # TODO(day58): where the entries live
        # END SOLUTION

    def get(self, tenant_id: str, question: str) -> str | None:
        """The stored answer of this tenant's most similar live entry, if similar enough."""
        # BEGIN SOLUTION
        now = self.clock()
        live = [e for e in self._entries.get(tenant_id, []) if e.expires_at > now]
        self._entries[tenant_id] = live  # drop what expired
        if live:
            query = self.embed(question)
            scores = np.array([float(e.vector @ query) for e in live])
            best = int(scores.argmax())
            if scores[best] >= self.threshold:
                self.hits += 1
                return live[best].answer
        self.misses += 1
        return None
        # STARTER: raise NotImplementedError("TODO(day58): nearest live entry of this tenant")
        # END SOLUTION

    def put(self, tenant_id: str, question: str, answer: str) -> None:
        """Store an answer for this tenant, valid for ttl_seconds from now."""
        # BEGIN SOLUTION
        entry = Entry(question, self.embed(question), answer, self.clock() + self.ttl_seconds)
        self._entries.setdefault(tenant_id, []).append(entry)
        # STARTER: raise NotImplementedError("TODO(day58): store the embedding, answer and expiry")
        # END SOLUTION
