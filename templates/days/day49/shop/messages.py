"""The envelope every message on the bus travels in, and how one message causes the next.

Three ids tie a conversation together:

* `id`: this message, unique;
* `correlation_id`: the conversation (one weekly report). The first message of a conversation
  takes its own id as the correlation id, and every message caused by it, directly or not,
  carries the same one, so `grep correlation_id=...` finds the whole conversation in the logs;
* `causation_id`: the id of the message this one answers or follows from (None for the first).
  Correlation says "which conversation", causation says "because of which message": with both,
  the conversation can be rebuilt as a tree (see `shop.trace`).
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from typing import Any

SUPERVISOR = "supervisor"
RESEARCHER = "researcher"
WRITER = "writer"
BUS = "bus"

# What a message is for.
TASK = "task"  # the supervisor gives a worker a job
RESULT = "result"  # a worker hands its work back to the supervisor
FAILED = "failed"  # a worker could not do the job (the body says why)
QUESTION = "question"  # one worker asks another directly (peer to peer)
ANSWER = "answer"  # the reply to a question
HOP_LIMIT = "hop_limit"  # the bus refused a message: the conversation went on too long


def new_id() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True)
class Message:
    id: str
    correlation_id: str
    causation_id: str | None
    sender: str
    recipient: str
    kind: str
    body: dict[str, Any] = field(default_factory=dict)


def start(sender: str, recipient: str, kind: str, body: dict[str, Any]) -> Message:
    """The first message of a new conversation."""
    ident = new_id()
    return Message(ident, ident, None, sender, recipient, kind, body)


def caused_by(
    cause: Message, sender: str, recipient: str, kind: str, body: dict[str, Any]
) -> Message:
    """A new message sent because of `cause`: a fresh id, the same conversation, and `cause` as
    the reason it exists."""
    # BEGIN SOLUTION
    return Message(new_id(), cause.correlation_id, cause.id, sender, recipient, kind, body)
    # STARTER: raise NotImplementedError("TODO(day49): a new id; which ids carry over from cause?")
    # END SOLUTION
