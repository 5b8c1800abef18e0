"""Rebuild a conversation from its messages: the tree of "this message exists because of that one".

Logs arrive out of order (several services, several log shippers), so the trace cannot trust the
order it is given: it relies only on the ids.
"""

from __future__ import annotations

from shop.messages import Message


class BrokenTrace(ValueError):
    """The messages do not form one conversation: no root, several roots, or a missing cause."""


def build_trace(messages: list[Message], correlation_id: str) -> list[tuple[int, Message]]:
    """The conversation `correlation_id` as (depth, message) pairs, depth first from its root.

    Only messages of that conversation count. The root (no causation id, depth 0) comes first,
    then each message's children right after it, one level deeper, siblings in the order they
    appear in `messages`. Raises BrokenTrace when there is not exactly one root, or when a
    message's cause is not among the messages.
    """
    # BEGIN SOLUTION
    mine = [m for m in messages if m.correlation_id == correlation_id]
    roots = [m for m in mine if m.causation_id is None]
    if len(roots) != 1:
        raise BrokenTrace(f"conversation {correlation_id} has {len(roots)} roots, expected 1")
    ids = {m.id for m in mine}
    children: dict[str, list[Message]] = {}
    for message in mine:
        if message.causation_id is None:
            continue
        if message.causation_id not in ids:
            raise BrokenTrace(f"message {message.id} is caused by unknown {message.causation_id}")
        children.setdefault(message.causation_id, []).append(message)
    out: list[tuple[int, Message]] = []
    stack = [(0, roots[0])]
    while stack:
        depth, message = stack.pop()
        out.append((depth, message))
        for child in reversed(children.get(message.id, [])):
            stack.append((depth + 1, child))
    if len(out) != len(mine):
        raise BrokenTrace(f"conversation {correlation_id} has messages not reachable from its root")
    return out
    # STARTER: raise NotImplementedError("TODO(day49): find the root, then walk causation ids")
    # END SOLUTION


def render_trace(trace: list[tuple[int, Message]]) -> str:
    """One line per message, indented by depth: what an operator reads."""
    return "\n".join(
        f"{'  ' * depth}{m.sender} -> {m.recipient} [{m.kind}] {m.id[:8]}" for depth, m in trace
    )
