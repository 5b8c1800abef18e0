"""Cosine similarity: how closely two vectors point in the same direction."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np


def as_vector(values: Sequence[float] | np.ndarray, dim: int | None = None) -> np.ndarray:
    """Check and convert input to a 1-D float32 array.

    Raises ValueError for anything that is not 1-D, has the wrong length (when `dim` is given),
    contains NaN/inf, or is all zeros (a zero vector has no direction).
    """
    # BEGIN SOLUTION
    vector = np.asarray(values, dtype=np.float32)
    if vector.ndim != 1:
        raise ValueError(f"expected a 1-D vector, got shape {vector.shape}")
    if dim is not None and vector.shape[0] != dim:
        raise ValueError(f"expected {dim} dimensions, got {vector.shape[0]}")
    if not np.all(np.isfinite(vector)):
        raise ValueError("vector contains NaN or infinity")
    if not np.any(vector):
        raise ValueError("zero vector has no direction")
    return vector
    # STARTER: raise NotImplementedError("TODO(day09): validate and convert the vector")
    # END SOLUTION


def cosine_similarity(a: Sequence[float] | np.ndarray, b: Sequence[float] | np.ndarray) -> float:
    """cos(angle) = a·b / (|a| |b|): 1 same direction, 0 unrelated (orthogonal), -1 opposite.

    Both vectors must have the same length; use as_vector to check them.
    """
    # BEGIN SOLUTION
    va = as_vector(a)
    vb = as_vector(b, dim=va.shape[0])
    score = float(np.dot(va, vb) / (np.linalg.norm(va) * np.linalg.norm(vb)))
    return max(-1.0, min(1.0, score))
    # STARTER: raise NotImplementedError("TODO(day09): dot product over the product of the norms")
    # END SOLUTION
