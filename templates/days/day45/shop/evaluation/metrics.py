"""Retrieval metrics for one question: did the right articles come back, and how high?

Every function takes `retrieved`, the ids the retriever returned (best first; position 0 is the
top result), and `relevant`, the ids a person labelled as answering the question. Rules shared
by all of them:

* only the first `k` retrieved ids count (the ones that reach the prompt);
* an id retrieved twice counts once, at its first position;
* `relevant` must not be empty: a question nobody labelled cannot be scored, so the functions
  raise ValueError rather than guess (a 0 would punish the retriever, a 1 would flatter it).

The batch numbers (hit rate, MRR...) are plain means of these per-question values over *every*
question, misses included.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence


def _top(retrieved: Sequence[str], k: int | None) -> list[str]:
    """The first `k` distinct ids, in order (all of them when k is None)."""
    unique = list(dict.fromkeys(retrieved))
    return unique if k is None else unique[:k]


def _labelled(relevant: Iterable[str]) -> set[str]:
    wanted = set(relevant)
    if not wanted:
        raise ValueError("this question has no relevant ids: label at least one before scoring it")
    return wanted


def hit_at_k(retrieved: Sequence[str], relevant: Iterable[str], k: int) -> float:
    """1.0 when at least one relevant id is among the first `k` retrieved, else 0.0."""
    # BEGIN SOLUTION
    wanted = _labelled(relevant)
    return 1.0 if any(ident in wanted for ident in _top(retrieved, k)) else 0.0
    # STARTER: raise NotImplementedError("TODO(day45): is a relevant id in the top k?")
    # END SOLUTION


def reciprocal_rank(
    retrieved: Sequence[str], relevant: Iterable[str], k: int | None = None
) -> float:
    """1 / (position + 1) of the first relevant id (position 0 gives 1.0, 1 gives 0.5...).

    0.0 when no relevant id is in the first `k` (or anywhere, when k is None).
    """
    # BEGIN SOLUTION
    wanted = _labelled(relevant)
    for position, ident in enumerate(_top(retrieved, k)):
        if ident in wanted:
            return 1.0 / (position + 1)
    return 0.0
    # STARTER: raise NotImplementedError("TODO(day45): one over the rank of the first relevant id")
    # END SOLUTION


def context_precision(retrieved: Sequence[str], relevant: Iterable[str], k: int) -> float:
    """How well the relevant ids are ranked among the first `k`: rank-aware precision.

    For each position i (0-based) of the top k that holds a relevant id, take precision@(i+1):
    the share of relevant ids among the first i+1. Context precision is the mean of those
    values; 0.0 when the top k holds no relevant id. So [rel, other] scores 1.0 and
    [other, rel] scores 0.5, where plain precision would give both 0.5.
    """
    # BEGIN SOLUTION
    wanted = _labelled(relevant)
    found = 0
    precisions: list[float] = []
    for position, ident in enumerate(_top(retrieved, k)):
        if ident in wanted:
            found += 1
            precisions.append(found / (position + 1))
    return sum(precisions) / len(precisions) if precisions else 0.0
    # STARTER: raise NotImplementedError("TODO(day45): mean of precision@i at the relevant ranks")
    # END SOLUTION


def context_recall(retrieved: Sequence[str], relevant: Iterable[str], k: int) -> float:
    """The share of the relevant ids that are among the first `k` retrieved."""
    # BEGIN SOLUTION
    wanted = _labelled(relevant)
    return len(wanted & set(_top(retrieved, k))) / len(wanted)
    # STARTER: raise NotImplementedError("TODO(day45): relevant ids found over relevant ids")
    # END SOLUTION


def mean(values: Iterable[float]) -> float:
    """The plain mean; 0.0 for no values."""
    items = list(values)
    return sum(items) / len(items) if items else 0.0
