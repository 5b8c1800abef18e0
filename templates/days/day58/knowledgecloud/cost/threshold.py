"""Choosing the semantic cache's similarity threshold on labelled pairs.

    python -m knowledgecloud.cost.threshold

Each pair of tests/fixtures/cache_pairs.json is a question already cached, a question asked, and
whether the cached answer is right for it (`same`). A cache hit is a prediction "same". At a
given threshold:

* precision = right hits / all hits: how often a served cached answer is correct;
* recall = right hits / pairs that are the same: how many savings the cache catches.

A wrong cached answer is a wrong answer to a customer, so the threshold is the one with the best
recall among those whose precision reaches TARGET_PRECISION.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

TARGET_PRECISION = 0.95
FIXTURE = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "cache_pairs.json"


@dataclass(frozen=True)
class Scored:
    similarity: float
    same: bool


def precision_recall(scored: Sequence[Scored], threshold: float) -> tuple[float, float]:
    """Precision and recall of "hit when similarity >= threshold" (precision 1.0 with no hits)."""
    # BEGIN SOLUTION
    hits = [s for s in scored if s.similarity >= threshold]
    right = sum(1 for s in hits if s.same)
    positives = sum(1 for s in scored if s.same)
    precision = right / len(hits) if hits else 1.0
    recall = right / positives if positives else 0.0
    return precision, recall
    # STARTER: raise NotImplementedError("TODO(day58): precision and recall at a threshold")
    # END SOLUTION


def choose_threshold(scored: Sequence[Scored], target_precision: float = TARGET_PRECISION) -> float:
    """The threshold with the highest recall whose precision reaches `target_precision`.

    Candidates sit halfway between neighbouring similarities, so a threshold never lies on a
    pair's score; ties go to the higher threshold (fewer hits for the same recall)."""
    # BEGIN SOLUTION
    values = sorted({s.similarity for s in scored}, reverse=True)
    candidates = [values[0] + 0.01]
    candidates += [(a + b) / 2 for a, b in zip(values, values[1:], strict=False)]
    candidates.append(values[-1] - 0.01)
    best, best_recall = candidates[0], -1.0
    for threshold in candidates:  # from the strictest to the loosest
        precision, recall = precision_recall(scored, threshold)
        if precision >= target_precision and recall > best_recall:
            best, best_recall = threshold, recall
    return best
    # STARTER: raise NotImplementedError("TODO(day58): best recall at the target precision")
    # END SOLUTION


def score_fixture(path: Path = FIXTURE) -> list[Scored]:
    """Embed each labelled pair with the real model and score it by cosine similarity."""
    from knowledgecloud.cost.embeddings import embed_texts

    pairs = json.loads(path.read_text())
    cached = embed_texts([p["cached"] for p in pairs])
    asked = embed_texts([p["asked"] for p in pairs])
    return [
        Scored(float(c @ a), bool(p["same"])) for c, a, p in zip(cached, asked, pairs, strict=True)
    ]


if __name__ == "__main__":
    scored = score_fixture()
    chosen = choose_threshold(scored)
    precision, recall = precision_recall(scored, chosen)
    print(f"threshold {chosen:.3f}: precision {precision:.2f}, recall {recall:.2f}")
