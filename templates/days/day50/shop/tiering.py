"""Model tiering: ask the small, cheap model first; escalate to the large one on a rule.

Most questions to a support agent are simple, and a small model answers them for a fraction of
the price. The small model is told to answer `ESCALATE` when a question needs more judgement
than it has. The rule must be something the code can check, not a feeling:

* the small model's reply is empty, or
* it says ESCALATE (on its own or at the start of its reply).

Each call's `model` is recorded (in the request and the audit log), so the tiering can be
proved from the records: how many answers came from the small model, what escalation cost.
"""

from __future__ import annotations

SMALL = "gpt-4o-mini"
LARGE = "gpt-4o"
TIERS = (SMALL, LARGE)
ESCALATE = "ESCALATE"


def escalation_rule(reply: str) -> str | None:
    """The rule that says this reply of a smaller tier must go to the next one, or None."""
    # BEGIN SOLUTION
    text = reply.strip()
    if not text:
        return "empty_reply"
    if text.upper().startswith(ESCALATE):
        return "model_asked"
    return None
    # STARTER: raise NotImplementedError("TODO(day50): when does a small model's reply escalate?")
    # END SOLUTION
