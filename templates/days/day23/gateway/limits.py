"""Guards against queries that are valid but far too expensive.

GraphQL lets a client nest relations as deep as the schema allows: user -> orders -> user ->
orders ... Each level multiplies the work, so a twenty-line query can fan out to millions of
objects. Two cheap guards:

- a maximum depth, checked while the query is validated, before any resolver (and so before
  any call to a service) runs;
- a maximum number of ids per list argument, checked by the resolvers that take one.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from strawberry.extensions import QueryDepthLimiter, SchemaExtension

# Depth counts from the top field: { users { orders { user { name } } } } has depth 3.
MAX_DEPTH = 5
MAX_IDS = 50


def limits() -> list[Callable[[], SchemaExtension]]:
    """Factories of the schema extensions that reject too-deep queries during validation
    (a factory, so every request gets a fresh extension)."""
    # BEGIN SOLUTION
    return [lambda: QueryDepthLimiter(max_depth=MAX_DEPTH)]
    # STARTER: return []  # TODO(day23): reject queries deeper than MAX_DEPTH
    # END SOLUTION


def check_ids(ids: Sequence[int]) -> None:
    """Raise ValueError (shown to the client as a GraphQL error) when asked for too many ids."""
    if len(ids) > MAX_IDS:
        raise ValueError(f"at most {MAX_IDS} ids per field, got {len(ids)}")
