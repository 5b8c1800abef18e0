"""An in-process message bus: one asyncio queue per recipient, and a log of everything sent.

The bus is also where a conversation is stopped when it goes on too long. Two agents that keep
asking each other questions ("which week?" "which product?" "which week?"...) never end on their
own, and every hop is a paid model call. So the bus counts the messages of each conversation
(by correlation id) and refuses the one past `max_hops`: instead of delivering it, it tells the
supervisor with a `hop_limit` message caused by the refused one.

The count is per conversation, not per agent or per pair of agents: a ping-pong between two
agents, or a round between three, spends the same budget.
"""

from __future__ import annotations

import asyncio
from collections import Counter, defaultdict

from shop.messages import BUS, HOP_LIMIT, SUPERVISOR, Message, caused_by

DEFAULT_MAX_HOPS = 12


class Bus:
    def __init__(self, max_hops: int = DEFAULT_MAX_HOPS) -> None:
        self.max_hops = max_hops
        self.log: list[Message] = []  # every message delivered, in order (notices included)
        self.dropped: list[Message] = []  # messages refused by the hop limit
        self._inboxes: dict[str, asyncio.Queue[Message]] = defaultdict(asyncio.Queue)
        self._hops: Counter[str] = Counter()

    def inbox(self, name: str) -> asyncio.Queue[Message]:
        return self._inboxes[name]

    def hops(self, correlation_id: str) -> int:
        """How many messages this conversation has sent so far (refused ones included)."""
        return self._hops[correlation_id]

    def publish(self, message: Message) -> bool:
        """Deliver `message` to its recipient's inbox and log it; True when delivered.

        The message that takes its conversation past `max_hops` is not delivered: it goes to
        `dropped`, and the supervisor receives (and the log records) a HOP_LIMIT message from
        BUS caused by it, whose body names the refused message
        (`{"dropped": id, "sender": ..., "recipient": ..., "hops": n}`). Returns False then.
        """
        # BEGIN SOLUTION
        key = message.correlation_id
        self._hops[key] += 1
        if self._hops[key] > self.max_hops:
            self.dropped.append(message)
            notice = caused_by(
                message,
                BUS,
                SUPERVISOR,
                HOP_LIMIT,
                {
                    "dropped": message.id,
                    "sender": message.sender,
                    "recipient": message.recipient,
                    "hops": self._hops[key],
                },
            )
            self.log.append(notice)
            self._inboxes[SUPERVISOR].put_nowait(notice)
            return False
        self.log.append(message)
        self._inboxes[message.recipient].put_nowait(message)
        return True
        # STARTER: raise NotImplementedError("TODO(day49): count hops per conversation, deliver")
        # END SOLUTION

    def conversation(self, correlation_id: str) -> list[Message]:
        return [m for m in self.log if m.correlation_id == correlation_id]
